package io.sluice.table.api.internal;

import io.sluice.table.api.AggregatedTable;
import io.sluice.table.api.FlatAggregateTable;
import io.sluice.table.api.GroupedTable;
import io.sluice.table.api.Table;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import io.sluice.table.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code table.groupBy(keys)} (no keys: the whole table as one group): {@code select} computes keys and aggregates
 * in one block; {@code aggregate(call(..).as("x"))} makes a table of the keys and the aggregate's result, on which
 * {@code select} continues.
 */
final class GroupedTableImpl implements GroupedTable {
    private final TableImpl input;
    private final List<ExprNode> keys;

    GroupedTableImpl(TableImpl input, List<ExprNode> keys) {
        this.input = input;
        this.keys = keys;
    }

    @Override
    public Table select(Expression... fields) {
        ExprRenderer r = input.renderer();
        QueryBlock b = input.base();
        b.groupBy = r.renderList(keys);
        b.select = r.renderList(TableImpl.nodes(fields));
        return TableImpl.ofBlock(input.env(), b);
    }

    @Override
    public AggregatedTable aggregate(Expression aggregateFunction) {
        ExprNode call = TableImpl.node(aggregateFunction);
        String name = "f0";
        if (call.kind == Kind.ALIAS) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) call.value;
            if (names.size() != 1) {
                throw new UnsupportedFeatureException("aggregate with a function returning several columns (ROW "
                        + "results)");
            }
            name = names.get(0);
            call = call.args.get(0);
        }
        if (call.kind != Kind.AGG && call.kind != Kind.NAMED_CALL && call.kind != Kind.FUNCTION_CALL) {
            throw new ValidationException("aggregate takes an aggregate function call such as "
                    + "call(MyAggregate.class, $(\"b\")).as(\"x\"), not " + call);
        }
        GroupKeyColumns g = GroupKeyColumns.of(input, keys);
        List<ExprNode> items = new ArrayList<>(g.keys);
        items.add(ExprNode.of(Kind.ALIAS, null, List.of(name), List.of(call), null));
        ExprRenderer r = g.input.renderer();
        QueryBlock b = g.input.base();
        b.groupBy = r.renderList(g.keys);
        b.select = r.renderList(items);
        TableImpl aggregated = TableImpl.ofBlock(input.env(), b);
        return aggregated::select;
    }

    @Override
    public FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        GroupKeyColumns g = GroupKeyColumns.of(input, keys);
        TableImpl result = FlatAggregateTranslator.translate(g.input, g.keys, TableImpl.node(tableAggregateFunction));
        return new FlatAggregateTableImpl(result, result.columns());
    }
}
