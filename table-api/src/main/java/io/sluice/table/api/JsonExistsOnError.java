package io.sluice.table.api;

import io.sluice.table.expressions.TableSymbol;

/** What {@code JSON_EXISTS} returns when the input or path cannot be read ({@code ... ON ERROR}). */
public enum JsonExistsOnError implements TableSymbol {
    TRUE,
    FALSE,
    UNKNOWN,
    ERROR
}
