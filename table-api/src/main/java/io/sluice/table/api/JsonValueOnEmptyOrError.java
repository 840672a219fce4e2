package io.sluice.table.api;

import io.sluice.table.expressions.TableSymbol;

/** What {@code JSON_VALUE} returns when the path finds nothing ({@code ON EMPTY}) or fails ({@code ON ERROR}). */
public enum JsonValueOnEmptyOrError implements TableSymbol {
    NULL,
    ERROR,
    /** The default value given with it. */
    DEFAULT
}
