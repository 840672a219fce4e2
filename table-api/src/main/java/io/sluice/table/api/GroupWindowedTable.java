package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A table with a group window; {@link #groupBy} must name the window alias (and may add keys). */
public interface GroupWindowedTable {
    WindowGroupedTable groupBy(Expression... fields);
}
