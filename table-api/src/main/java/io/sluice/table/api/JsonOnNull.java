package io.sluice.table.api;

import io.sluice.table.expressions.TableSymbol;

/** Whether {@code JSON_OBJECT}/{@code JSON_ARRAY} (and their aggregates) write NULL values or leave them out. */
public enum JsonOnNull implements TableSymbol {
    /** {@code NULL ON NULL}: written as JSON {@code null}. */
    NULL,
    /** {@code ABSENT ON NULL}: left out. */
    ABSENT
}
