package io.sluice.table.api.internal;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.AggregatedTable;
import io.sluice.table.api.FlatAggregateTable;
import io.sluice.table.api.GroupWindow;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code window(w).groupBy(keys, w).aggregate(call(f, args).as("x", "y"))} and {@code .flatAggregate(...)}.
 *
 * <p>{@code aggregate} is the window aggregation of {@link GroupWindowTranslator} computing the function per window
 * and key; a function whose result is a {@code ROW} is expanded into one column per field, named by
 * {@code .as(...)} (or by the row's field names). The following {@code select} sees the keys, the result columns
 * and {@code $("w").start()}, {@code .end()}, {@code .rowtime()}.
 *
 * <p>{@code flatAggregate} runs the table aggregate function per key and window: the rows of the window table
 * function, grouped by the keys, {@code window_start}, {@code window_end} and {@code window_time}, go through the group table aggregate
 * of {@link FlatAggregateTranslator}. Its result has the keys, {@code window_start}, {@code window_end}, {@code window_time}
 * and the function's columns; a {@code select} on it may use {@code $("w").start()}, {@code .end()} and
 * {@code .rowtime()}.
 */
final class WindowAggregateTranslator {
    private WindowAggregateTranslator() {
    }

    static AggregatedTable aggregate(TableImpl input, GroupWindow window, List<ExprNode> groupKeys, ExprNode call) {
        List<String> names = List.of();
        if (call.kind == Kind.ALIAS) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) call.value;
            names = aliases;
            call = call.args.get(0);
        }
        if (call.kind != Kind.AGG && call.kind != Kind.NAMED_CALL && call.kind != Kind.FUNCTION_CALL) {
            throw new ValidationException("aggregate takes an aggregate function call such as "
                    + "call(MyAggregate.class, $(\"a\"), $(\"b\")).as(\"x\", \"y\"), not " + call);
        }
        ExprNode function = call;
        List<String> aliases = names;
        return selected -> {
            List<ExprNode> sel = TableImpl.nodes(selected);
            boolean rowtime = GroupWindowTranslator.usesRowtime(sel);
            GroupWindowTranslator.Grouping g = GroupWindowTranslator.group(input, window, groupKeys, rowtime);
            ExprRenderer r = new ExprRenderer(input.env(), input.columns(), g.alias, Map.of());
            List<String> leading = new ArrayList<>();
            for (ExprNode k : g.keys) {
                leading.add(r.render(k));
            }
            leading.add("window_start");
            leading.add("window_end");
            if (rowtime) {
                leading.add("window_time");
            }
            String result = aliases.size() == 1 ? aliases.get(0) : "$agg";
            List<String> items = new ArrayList<>(leading);
            items.add(r.render(function) + " AS " + ExprRenderer.quote(result));
            g.block.select = items;
            TableImpl aggregated = TableImpl.ofBlock(input.env(), g.block);
            LogicalType type = aggregated.getResolvedSchema().getColumn(result).get().getDataType().getLogicalType();
            if (type.root() == TypeRoot.ROW && aliases.size() != 1) {
                aggregated = expand(aggregated, leading, result, type.fieldNames(), aliases);
            } else if (aliases.size() > 1) {
                throw new ValidationException("aggregate names " + aliases.size() + " columns " + aliases + " but "
                        + function + " returns one value of type " + type + "; a function returning several columns "
                        + "has a ROW result type");
            } else if (aliases.isEmpty()) {
                aggregated = expand(aggregated, leading, result, List.of("f0"), List.of());
            }
            QueryBlock b = aggregated.base();
            b.select = new ExprRenderer(input.env(), aggregated.columns(), g.alias, Map.of()).renderList(sel);
            return TableImpl.ofBlock(input.env(), b);
        };
    }

    /** Replaces the ROW column {@code result} by one column per field (or renames a scalar one to its name). */
    private static TableImpl expand(TableImpl aggregated, List<String> leading, String result, List<String> fields,
            List<String> aliases) {
        if (!aliases.isEmpty() && aliases.size() != fields.size()) {
            throw new ValidationException("aggregate names " + aliases.size() + " columns " + aliases + " but the "
                    + "function's result has " + fields.size() + " fields " + fields);
        }
        String from = "$w";
        List<String> items = new ArrayList<>();
        for (String l : leading) {
            items.add(ExprRenderer.quote(from) + "." + l);
        }
        boolean row = aggregated.getResolvedSchema().getColumn(result).get().getDataType().getLogicalType().root()
                == TypeRoot.ROW;
        for (int i = 0; i < fields.size(); i++) {
            String name = aliases.isEmpty() ? fields.get(i) : aliases.get(i);
            String value = ExprRenderer.quote(from) + "." + ExprRenderer.quote(result)
                    + (row ? "." + ExprRenderer.quote(fields.get(i)) : "");
            items.add(value + " AS " + ExprRenderer.quote(name));
        }
        QueryBlock b = new QueryBlock("(" + aggregated.query() + ") AS " + ExprRenderer.quote(from), false, false);
        b.select = items;
        return TableImpl.ofBlock(aggregated.env(), b);
    }

    static FlatAggregateTable flatAggregate(TableImpl input, GroupWindow window, List<ExprNode> groupKeys,
            ExprNode call) {
        GroupWindowTranslator.Grouping g = GroupWindowTranslator.group(input, window, groupKeys, false);
        QueryBlock rows = new QueryBlock(g.block.from, false, false);
        TableImpl windowed = TableImpl.ofBlock(input.env(), rows);
        List<ExprNode> keys = new ArrayList<>(g.keys);
        keys.add(ExprNode.of(Kind.FIELD, "window_start", null, List.of(), null));
        keys.add(ExprNode.of(Kind.FIELD, "window_end", null, List.of(), null));
        keys.add(ExprNode.of(Kind.FIELD, "window_time", null, List.of(), null));
        TableImpl result = FlatAggregateTranslator.translate(windowed, keys, call).withWindowAlias(g.alias);
        List<String> star = new ArrayList<>(result.columns());
        star.subList(g.keys.size(), g.keys.size() + 3).clear(); // window_start, window_end, window_time
        return new FlatAggregateTableImpl(result, star);
    }
}
