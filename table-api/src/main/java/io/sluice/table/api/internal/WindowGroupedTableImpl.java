package io.sluice.table.api.internal;

import io.sluice.table.api.AggregatedTable;
import io.sluice.table.api.GroupWindow;
import io.sluice.table.api.Table;
import io.sluice.table.api.WindowGroupedTable;
import io.sluice.table.expressions.Expression;
import java.util.List;

/** {@code table.window(w).groupBy(keys, w)}: select, aggregate and flatAggregate per window and key. */
final class WindowGroupedTableImpl implements WindowGroupedTable {
    private final TableImpl input;
    private final GroupWindow window;
    private final List<ExprNode> keys;

    WindowGroupedTableImpl(TableImpl input, GroupWindow window, List<ExprNode> keys) {
        this.input = input;
        this.window = window;
        this.keys = keys;
    }

    @Override
    public Table select(Expression... fields) {
        return GroupWindowTranslator.select(input, window, keys, TableImpl.nodes(fields));
    }

    @Override
    public AggregatedTable aggregate(Expression aggregateFunction) {
        return WindowAggregateTranslator.aggregate(input, window, keys, TableImpl.node(aggregateFunction));
    }

    @Override
    public Table flatAggregate(Expression tableAggregateFunction) {
        return WindowAggregateTranslator.flatAggregate(input, window, keys, TableImpl.node(tableAggregateFunction));
    }
}
