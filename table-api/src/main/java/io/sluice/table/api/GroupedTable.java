package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A table grouped by keys ({@link Table#groupBy}); {@link #select} computes one row per group. */
public interface GroupedTable {
    /** Keys and aggregates: {@code select($("k"), $("v").sum().as("total"))}. */
    Table select(Expression... fields);

    /** Aggregation with an aggregate function per group; {@code select} on the result picks keys and result. */
    default AggregatedTable aggregate(Expression aggregateFunction) {
        throw new UnsupportedFeatureException("GroupedTable.aggregate on " + getClass().getName());
    }

    /** Aggregation with a table aggregate function. */
    default Table flatAggregate(Expression tableAggregateFunction) {
        throw new UnsupportedFeatureException("GroupedTable.flatAggregate (table aggregate functions)");
    }
}
