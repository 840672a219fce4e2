package io.sluice.api.java.functions;

import io.sluice.api.common.functions.Function;

/** Extracts the key of a record; equal keys must have equal {@code hashCode()}s. */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
