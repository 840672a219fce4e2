package io.sluice.table.api;

import io.sluice.table.expressions.TableSymbol;

/** What {@code JSON_QUERY} returns when the path finds nothing ({@code ON EMPTY}) or fails ({@code ON ERROR}). */
public enum JsonQueryOnEmptyOrError implements TableSymbol {
    NULL,
    EMPTY_ARRAY,
    EMPTY_OBJECT,
    ERROR
}
