package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A table with over windows; {@link #select} may aggregate over them with {@code .over($("w"))}. */
public interface OverWindowedTable {
    Table select(Expression... fields);
}
