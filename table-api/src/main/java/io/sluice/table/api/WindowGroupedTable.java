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

    /**
     * A table aggregate function per window and key (Flink's {@code WindowGroupedTable.flatAggregate}): not supported
     * yet; {@code GroupedTable.flatAggregate} runs table aggregates over groups without a window.
     */
    default Table flatAggregate(Expression tableAggregateFunction) {
        throw new UnsupportedFeatureException("WindowGroupedTable.flatAggregate (table aggregate functions over group"
                + " windows); GroupedTable.flatAggregate runs them over groups without a window");
    }
}
