package io.sluice.table.api;

import io.sluice.table.expressions.TableSymbol;

/** Whether {@code JSON_QUERY} wraps what it finds in an array ({@code ... WRAPPER}). */
public enum JsonQueryWrapper implements TableSymbol {
    /** {@code WITHOUT ARRAY WRAPPER}. */
    WITHOUT_ARRAY,
    /** {@code WITH CONDITIONAL ARRAY WRAPPER}: only a value that is not an array or object. */
    CONDITIONAL_ARRAY,
    /** {@code WITH UNCONDITIONAL ARRAY WRAPPER}: always. */
    UNCONDITIONAL_ARRAY
}
