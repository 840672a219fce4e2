package io.sluice.table.api.internal;

import io.sluice.table.api.internal.ExprNode.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Group keys of {@code aggregate} and {@code flatAggregate} that are expressions ({@code groupBy($("a").mod(2))}) become
 * columns first, as in Flink: the input is extended by one column per such key, named by its {@code .as(...)} or else
 * {@code TMP_0}, {@code TMP_1}, ... (made unique against the input's columns), and the operation groups by those
 * columns. Column keys stay as they are.
 */
final class GroupKeyColumns {
    /** The input with the key columns added (the input itself when every key is a column). */
    final TableImpl input;
    /** The keys, each a column reference. */
    final List<ExprNode> keys;

    private GroupKeyColumns(TableImpl input, List<ExprNode> keys) {
        this.input = input;
        this.keys = keys;
    }

    static GroupKeyColumns of(TableImpl input, List<ExprNode> keys) {
        boolean allColumns = true;
        for (ExprNode k : keys) {
            allColumns &= k.kind == Kind.FIELD;
        }
        if (allColumns) {
            return new GroupKeyColumns(input, keys);
        }
        ExprRenderer r = input.renderer();
        Set<String> used = new HashSet<>(input.columns());
        List<String> items = new ArrayList<>();
        for (String c : input.columns()) {
            items.add(ExprRenderer.quote(c));
        }
        List<ExprNode> columnKeys = new ArrayList<>();
        int counter = 0;
        for (ExprNode k : keys) {
            if (k.kind == Kind.FIELD) {
                columnKeys.add(k);
                continue;
            }
            String name;
            ExprNode value = k;
            if (k.kind == Kind.ALIAS) {
                @SuppressWarnings("unchecked")
                List<String> names = (List<String>) k.value;
                name = names.get(0);
                value = k.args.get(0);
            } else {
                name = unique("TMP_" + counter, used);
                counter++;
            }
            used.add(name);
            items.add(r.render(value) + " AS " + ExprRenderer.quote(name));
            columnKeys.add(ExprNode.of(Kind.FIELD, name, null, List.of(), null));
        }
        QueryBlock b = input.base();
        b.select = items;
        return new GroupKeyColumns(TableImpl.ofBlock(input.env(), b), columnKeys);
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 0; used.contains(candidate); i++) {
            candidate = candidate + "_" + i; // as Flink: TMP_0, TMP_0_0, TMP_0_0_1, ...
        }
        return candidate;
    }
}
