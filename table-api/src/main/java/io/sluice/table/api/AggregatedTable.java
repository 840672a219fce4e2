package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** The result of {@code aggregate(...)}; {@link #select} picks its columns. */
public interface AggregatedTable {
    Table select(Expression... fields);
}
