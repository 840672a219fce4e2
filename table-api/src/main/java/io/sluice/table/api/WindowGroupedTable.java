package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/**
 * A table grouped by a group window and keys; {@link #select} computes one row per window and key, and may use
 * {@code $("w").start()}, {@code .end()} and {@code .rowtime()} of the window alias.
 */
public interface WindowGroupedTable {
    Table select(Expression... fields);

    /**
     * An aggregate function per window and key: {@code aggregate(call(MyAggregate.class, $("a"), $("b")).as("x",
     * "y"))}; a {@code ROW} result is expanded into one column per field. {@code select} on the result picks the
     * keys, the result columns and the window properties ({@code $("w").start()}, ...).
     */
    default AggregatedTable aggregate(Expression aggregateFunction) {
        throw new UnsupportedFeatureException("WindowGroupedTable.aggregate on " + getClass().getName());
    }

    /**
     * A table aggregate function ({@code io.sluice.table.functions.TableAggregateFunction}) per window and key:
     * {@code flatAggregate(call(Top2.class, $("a")).as("v", "rank"))}; the result has the keys, the function's
     * columns, and the window properties for a following {@code select($("w").start(), ...)}.
     */
    default FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        throw new UnsupportedFeatureException("WindowGroupedTable.flatAggregate on " + getClass().getName());
    }
}
