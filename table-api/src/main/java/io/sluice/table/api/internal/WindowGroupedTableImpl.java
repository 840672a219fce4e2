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
        GroupKeyColumns g = GroupKeyColumns.of(input, keys);
        return WindowAggregateTranslator.aggregate(g.input, window, g.keys, TableImpl.node(aggregateFunction));
    }

    @Override
    public io.sluice.table.api.FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        GroupKeyColumns g = GroupKeyColumns.of(input, keys);
        return WindowAggregateTranslator.flatAggregate(g.input, window, g.keys,
                TableImpl.node(tableAggregateFunction));
    }
}
