package io.sluice.util.function;

import java.io.Serializable;
import java.util.function.Function;

/** A {@link Function} that can be shipped with a job. */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
