package io.sluice.table.api.internal;

import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code groupBy(keys).flatAggregate(call(Top2.class, $("v")).as("v", "rank"))} (no keys: the whole table as one
 * group). Flink SQL has no syntax for table aggregate functions, so it becomes the table function call the planner
 * knows as a group table aggregate: {@code SELECT * FROM TABLE(Top2((SELECT k, v AS $arg0 FROM t),
 * DESCRIPTOR(k), 'v', 'rank'))}, whose columns are the keys followed by the function's result columns, named
 * by {@code .as(...)} when given.
 */
final class FlatAggregateTranslator {
    private FlatAggregateTranslator() {
    }

    static TableImpl translate(TableImpl input, List<ExprNode> keys, ExprNode call) {
        List<String> names = List.of();
        if (call.kind == Kind.ALIAS) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) call.value;
            names = aliases;
            call = call.args.get(0);
        }
        String function;
        if (call.kind == Kind.FUNCTION_CALL) {
            Class<?> cls = call.value instanceof Class ? (Class<?>) call.value : call.value.getClass();
            if (!io.sluice.table.functions.TableAggregateFunction.class.isAssignableFrom(cls)) {
                throw new ValidationException("flatAggregate takes a table aggregate function (a subclass of "
                        + "TableAggregateFunction), not " + cls.getName());
            }
            function = ExprRenderer.quote(input.env().inlineFunction(call.value));
        } else if (call.kind == Kind.NAMED_CALL) {
            function = ExprRenderer.functionName(call.text);
        } else {
            throw new ValidationException("flatAggregate takes a table aggregate function call such as "
                    + "call(Top2.class, $(\"v\")) or call(\"Top2\", $(\"v\")), optionally renamed with .as(...), not "
                    + call);
        }
        ExprRenderer r = input.renderer();
        List<String> keyNames = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (ExprNode k : keys) {
            if (k.kind != Kind.FIELD) {
                throw new IllegalStateException("group keys are columns here (GroupKeyColumns), not " + k);
            }
            String key = r.render(k);
            keyNames.add(key);
            items.add(key);
        }
        List<String> args = r.renderList(call.args);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (ExprNode k : keys) {
            used.add(k.text);
        }
        for (int i = 0; i < args.size(); i++) {
            ExprNode arg = call.args.get(i);
            // a column argument keeps its name (EXPLAIN then shows Top2(v)), unless it is a key or used twice
            items.add(arg.kind == Kind.FIELD && used.add(arg.text) ? args.get(i)
                    : args.get(i) + " AS " + ExprRenderer.quote("$arg" + i));
        }
        if (items.isEmpty()) {
            throw new UnsupportedFeatureException("flatAggregate with a table aggregate function without arguments");
        }
        QueryBlock argumentBlock = input.base();
        argumentBlock.select = items;
        String argumentQuery = TableImpl.ofBlock(input.env(), argumentBlock).query();
        StringBuilder tvf = new StringBuilder(function).append("((").append(argumentQuery).append(")");
        if (!keyNames.isEmpty()) {
            tvf.append(", DESCRIPTOR(").append(String.join(", ", keyNames)).append(")");
        }
        for (String name : names) {
            tvf.append(", ").append(ExprRenderer.literal(name, null));
        }
        tvf.append(")");
        return TableImpl.ofBlock(input.env(), new QueryBlock("TABLE(" + tvf + ")", false, false));
    }
}
