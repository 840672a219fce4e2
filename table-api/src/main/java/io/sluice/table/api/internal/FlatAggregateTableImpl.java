package io.sluice.table.api.internal;

import io.sluice.table.api.FlatAggregateTable;
import io.sluice.table.api.Table;
import io.sluice.table.api.internal.ExprNode.Kind;
import io.sluice.table.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@code flatAggregate}: a table whose {@code select} sees the keys and the function's columns, and
 * after a group window also the window's properties. {@code $("*")} stands for the keys and the function's columns
 * only (the window columns the windowed result carries for {@code $("w").start()} are not part of it), as in Flink.
 */
final class FlatAggregateTableImpl implements FlatAggregateTable {
    private final TableImpl table;
    private final List<String> starColumns;

    FlatAggregateTableImpl(TableImpl table, List<String> starColumns) {
        this.table = table;
        this.starColumns = starColumns;
    }

    @Override
    public Table select(Expression... fields) {
        List<ExprNode> items = new ArrayList<>();
        for (ExprNode n : TableImpl.nodes(fields)) {
            if (n.kind == Kind.STAR) {
                for (String c : starColumns) {
                    items.add(ExprNode.of(Kind.FIELD, c, null, List.of(), null));
                }
            } else {
                items.add(n);
            }
        }
        return table.select(items);
    }

    @Override
    public String toString() {
        return "FlatAggregateTable(" + starColumns + ")";
    }
}
