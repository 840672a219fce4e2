package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/**
 * The result of {@code flatAggregate(...)} (on a table, a grouped table or a window-grouped table), as in Flink: the
 * group keys followed by the table aggregate function's columns; {@link #select} picks from them (and, after a group
 * window, from the window's properties {@code $("w").start()}, {@code .end()}, {@code .rowtime()}).
 */
public interface FlatAggregateTable {
    /** Selects columns of the flat-aggregated table; {@code $("*")} is the keys and the function's columns. */
    Table select(Expression... fields);
}
