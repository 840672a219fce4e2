package io.sluice.util.function;

import java.io.Serializable;
import java.util.function.Supplier;

/** A {@link Supplier} that can be shipped with a job. */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {
}
