package io.sluice.connector.datagen.source;

import io.sluice.api.common.functions.Function;

/** Turns the index of a generated record (0, 1, ...) into the record. */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Function {
    O map(T value) throws Exception;
}
