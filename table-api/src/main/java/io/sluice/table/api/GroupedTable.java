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

    /**
     * Aggregation with a table aggregate function ({@code io.sluice.table.functions.TableAggregateFunction}), which
     * emits any number of rows per group: {@code flatAggregate(call(Top2.class, $("v")).as("v", "rank"))}. The
     * result has the group keys followed by the function's columns (renamed by {@code .as(...)}); follow it with
     * {@code select}. In streaming mode a group's change retracts ({@code -D}) the rows it emitted before.
     */
    default FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        throw new UnsupportedFeatureException("GroupedTable.flatAggregate on " + getClass().getName());
    }
}
