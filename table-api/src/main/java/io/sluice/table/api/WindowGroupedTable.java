package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/**
 * A table grouped by a group window and keys; {@link #select} computes one row per window and key, and may use
 * {@code $("w").start()}, {@code .end()} and {@code .rowtime()} of the window alias.
 */
public interface WindowGroupedTable {
    Table select(Expression... fields);

    default AggregatedTable aggregate(Expression aggregateFunction) {
        throw new UnsupportedFeatureException("WindowGroupedTable.aggregate (multi-column aggregate functions)");
    }
}
