package io.sluice.table.api.internal;

import io.sluice.table.api.Table;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The column operations of {@link TableImpl}: add, add-or-replace, rename and drop, each one projection. */
final class ColumnOperations {
    private ColumnOperations() {
    }

    /** {@code addColumns} and {@code addOrReplaceColumns}. */
    static Table add(TableImpl t, boolean replace, List<ExprNode> fields) {
        ExprRenderer r = t.renderer();
        List<String> cols = t.columns();
        Map<String, String> added = new LinkedHashMap<>();
        List<String> unnamed = new ArrayList<>();
        for (ExprNode n : t.flattened(fields)) {
            boolean get = n.kind == Kind.GET && TableImpl.getName(n) != null;
            String name = get ? TableImpl.getName(n) : ExprRenderer.outputName(n);
            String text = r.render(n);
            if (name == null) {
                unnamed.add(text);
                continue;
            }
            if (!replace && cols.contains(name)) {
                throw new ValidationException("Column '" + name + "' exists already; use addOrReplaceColumns to "
                        + "replace it");
            }
            if (n.kind == Kind.FIELD || get) {
                text = text + " AS " + ExprRenderer.quote(name);
            }
            added.put(name, text);
        }
        QueryBlock b = t.base();
        b.select = new ArrayList<>();
        for (String c : cols) {
            String replacement = added.remove(c);
            b.select.add(replacement != null ? replacement : ExprRenderer.quote(c));
        }
        b.select.addAll(added.values());
        b.select.addAll(unnamed);
        return TableImpl.ofBlock(t.env(), b);
    }

    /** {@code renameColumns($("b").as("b2"), ...)}. */
    static Table rename(TableImpl t, List<ExprNode> fields) {
        List<String> cols = t.columns();
        Map<String, String> renames = new LinkedHashMap<>();
        for (ExprNode n : fields) {
            if (n.kind != Kind.ALIAS || n.args.get(0).kind != Kind.FIELD) {
                throw new ValidationException("renameColumns takes renamed columns such as $(\"b\").as(\"b2\"), not " + n);
            }
            String old = n.args.get(0).text;
            if (!cols.contains(old)) {
                throw ExprRenderer.unknownColumn(old, cols);
            }
            renames.put(old, ExprRenderer.outputName(n));
        }
        QueryBlock b = t.base();
        b.select = new ArrayList<>();
        for (String c : cols) {
            String to = renames.get(c);
            b.select.add(ExprRenderer.quote(c) + (to == null ? "" : " AS " + ExprRenderer.quote(to)));
        }
        return TableImpl.ofBlock(t.env(), b);
    }

    /** {@code dropColumns($("b"), withColumns(...), ...)}. */
    static Table drop(TableImpl t, List<ExprNode> fields) {
        List<String> cols = t.columns();
        Set<String> dropped = new LinkedHashSet<>();
        for (ExprNode n : fields) {
            if (n.kind == Kind.FIELD) {
                if (!cols.contains(n.text)) {
                    throw ExprRenderer.unknownColumn(n.text, cols);
                }
                dropped.add(n.text);
            } else if (n.kind == Kind.COLUMNS) {
                for (String q : t.renderer().renderList(List.of(n))) {
                    dropped.add(q.substring(1, q.length() - 1).replace("``", "`"));
                }
            } else {
                throw new ValidationException("dropColumns takes column references such as $(\"b\"), not " + n);
            }
        }
        QueryBlock b = t.base();
        b.select = new ArrayList<>();
        for (String c : cols) {
            if (!dropped.contains(c)) {
                b.select.add(ExprRenderer.quote(c));
            }
        }
        if (b.select.isEmpty()) {
            throw new ValidationException("dropColumns would drop every column of " + cols);
        }
        return TableImpl.ofBlock(t.env(), b);
    }
}
