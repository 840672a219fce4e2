package io.sluice.api.java.typeutils;

import io.sluice.api.common.typeinfo.TypeInformation;

/**
 * A function, source or schema that tells the type of what it produces: Sluice takes that type for the output of a
 * function implementing it ({@code map}, {@code flatMap}, {@code process}, window functions, key selectors) and of
 * a {@code Source} implementing it, instead of reading it from the class's type arguments.
 */
public interface ResultTypeQueryable<T> {
    /** The type of the produced values. */
    TypeInformation<T> getProducedType();
}
