package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A table grouped by keys ({@link Table#groupBy}); {@link #select} computes one row per group. */
public interface GroupedTable {
    /** Keys and aggregates: {@code select($("k"), $("v").sum().as("total"))}. */
    Table select(Expression... fields);

    /** Aggregation with an aggregate function returning several columns. */
    default AggregatedTable aggregate(Expression aggregateFunction) {
        throw new UnsupportedFeatureException("GroupedTable.aggregate (multi-column aggregate functions)");
    }

    /** Aggregation with a table aggregate function. */
    default Table flatAggregate(Expression tableAggregateFunction) {
        throw new UnsupportedFeatureException("GroupedTable.flatAggregate (table aggregate functions)");
    }
}
