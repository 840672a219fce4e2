package io.sluice.table.api.internal;

import io.sluice.runtime.util.NameSuggestions;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders Table API expressions as Flink SQL text over the columns of one input. Column references are checked
 * here, so an unknown column fails with the input's columns and the nearest names; everything else (types,
 * function signatures) is checked by the planner when the generated query is validated.
 */
public final class ExprRenderer {
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TableEnvironmentImpl env;
    /** The input's columns; null renders without checking (schemas and summaries). */
    private final List<String> columns;
    /** The alias of the group window in scope, or null. */
    private final String windowAlias;
    /** Over windows in scope: alias to window specification text. */
    private final Map<String, String> overWindows;

    ExprRenderer(TableEnvironmentImpl env, List<String> columns, String windowAlias, Map<String, String> overWindows) {
        this.env = env;
        this.columns = columns;
        this.windowAlias = windowAlias;
        this.overWindows = overWindows;
    }

    ExprRenderer(TableEnvironmentImpl env, List<String> columns) {
        this(env, columns, null, Map.of());
    }

    /** SQL text of an expression written without an input table (computed columns and watermarks of a schema). */
    public static String sqlOf(io.sluice.table.expressions.Expression expression) {
        if (!(expression instanceof io.sluice.table.api.ApiExpression)) {
            throw new UnsupportedFeatureException("expressions of class " + expression.getClass().getName());
        }
        return new ExprRenderer(null, null).render(((io.sluice.table.api.ApiExpression) expression).toNode());
    }

    /** Text for {@link ExprNode#toString()}: best effort, no checks. */
    static String summary(ExprNode node) {
        try {
            return new ExprRenderer(null, null).render(node);
        } catch (RuntimeException e) {
            return node.kind + (node.text != null ? "(" + node.text + ")" : "");
        }
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The name an expression's column gets: its alias or its column name; null when the planner names it. */
    static String outputName(ExprNode node) {
        if (node.kind == Kind.ALIAS) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) node.value;
            return names.get(0);
        }
        return node.kind == Kind.FIELD ? node.text : null;
    }

    /** Renders a list of expressions, expanding {@code withColumns}, {@code withoutColumns} and {@code *}. */
    List<String> renderList(List<ExprNode> nodes) {
        List<String> out = new ArrayList<>();
        for (ExprNode n : nodes) {
            if (n.kind == Kind.COLUMNS) {
                for (String c : expandColumns(n)) {
                    out.add(quote(c));
                }
            } else {
                out.add(render(n));
            }
        }
        return out;
    }

    String render(ExprNode n) {
        switch (n.kind) {
            case FIELD:
                return field(n.text);
            case STAR:
                return "*";
            case LITERAL:
                return literal(n.value, n.type);
            case CALL:
                return template(n.text, renderList(n.args));
            case GET:
                return render(n.args.get(0)) + "[" + (n.value instanceof Integer ? String.valueOf((Integer) n.value + 1)
                        : literal(n.value, null)) + "]";
            case FLATTEN:
                throw new ValidationException("flatten() expands a composite value into one column per field; it is "
                        + "an item of select(...), not part of an expression: " + summary(n.args.get(0)) + ".flatten()");
            case AGG:
                return aggregate(n);
            case ALIAS:
                return alias(n);
            case CAST:
                return n.text + "(" + render(n.args.get(0)) + " AS " + n.type.getLogicalType().typeName() + ")";
            case ORDER:
                return render(n.args.get(0)) + " " + n.text;
            case OVER:
                return over(n);
            case WINDOW_PROPERTY:
                return windowProperty(n);
            case INTERVAL:
                return interval(n);
            case ROW_INTERVAL:
                throw new ValidationException("A row interval such as " + summary(n.args.get(0))
                        + ".rows() bounds an over window; it is not a value");
            case SYMBOL:
                throw new ValidationException(n.text + " bounds an over window; it is not a value");
            case SQL:
                return "(" + n.text + ")";
            case NAMED_CALL:
                return functionName(n.text) + "(" + String.join(", ", renderList(n.args)) + ")";
            case FUNCTION_CALL:
                if (env == null) {
                    return n.text + "(" + String.join(", ", renderList(n.args)) + ")";
                }
                return quote(env.inlineFunction(n.value))
                        + "(" + String.join(", ", renderList(n.args)) + ")";
            case COLUMNS: {
                List<String> cols = expandColumns(n);
                if (cols.size() != 1) {
                    throw new ValidationException("withColumns/withoutColumns selects " + cols.size()
                            + " columns where one value is expected");
                }
                return quote(cols.get(0));
            }
            case RANGE:
                throw new ValidationException("range(..) selects columns inside withColumns(..) or withoutColumns(..)");
            case IN_TABLE:
                return inTable(n);
            case UNSUPPORTED:
                throw new UnsupportedFeatureException(n.text);
            default:
                throw new IllegalStateException(n.kind.name());
        }
    }

    private String inTable(ExprNode n) {
        if (!(n.value instanceof TableImpl) || env != null && ((TableImpl) n.value).env() != env) {
            throw new ValidationException("in(table) takes a table of the same TableEnvironment");
        }
        TableImpl table = (TableImpl) n.value;
        if (table.columns().size() != 1) {
            throw new ValidationException("in(table) needs a table with one column, not " + table.columns());
        }
        return "(" + render(n.args.get(0)) + " IN (" + table.query() + "))";
    }

    private String field(String name) {
        if (columns != null && !columns.contains(name)) {
            if (name.equals(windowAlias)) {
                throw new ValidationException("The window alias '" + name + "' can be grouped on, or used as "
                        + "$(\"" + name + "\").start(), .end() or .rowtime(); it is not a column");
            }
            if (overWindows.containsKey(name)) {
                throw new ValidationException("The over window alias '" + name + "' is used as .over($(\"" + name
                        + "\")); it is not a column");
            }
            throw unknownColumn(name, columns);
        }
        return quote(name);
    }

    static ValidationException unknownColumn(String name, List<String> columns) {
        return new ValidationException("Cannot resolve field [" + name + "], input field list:["
                + String.join(", ", columns) + "]." + NameSuggestions.didYouMean(name, columns));
    }

    static String functionName(String path) {
        if (SIMPLE_NAME.matcher(path).matches()) {
            return path;
        }
        List<String> parts = TableEnvironmentImpl.splitPath(path);
        List<String> quoted = new ArrayList<>();
        parts.forEach(p -> quoted.add(quote(p)));
        return String.join(".", quoted);
    }

    static String template(String template, List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length()) {
                char d = template.charAt(i + 1);
                if (d == '*') {
                    sb.append(String.join(", ", args));
                    i++;
                    continue;
                }
                if (d == '+') {
                    sb.append(String.join(", ", args.subList(1, args.size())));
                    i++;
                    continue;
                }
                if (Character.isDigit(d)) {
                    sb.append(args.get(d - '0'));
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private String aggregate(ExprNode n) {
        List<String> args = renderList(n.args);
        String distinct = n.distinct ? "DISTINCT " : "";
        switch (n.text) {
            case "SUM0":
                return "COALESCE(SUM(" + distinct + args.get(0) + "), 0)";
            case "JSON_OBJECTAGG":
                return "JSON_OBJECTAGG(KEY " + args.get(0) + " VALUE " + args.get(1) + " " + n.value + " ON NULL)";
            case "JSON_ARRAYAGG":
                return "JSON_ARRAYAGG(" + distinct + args.get(0) + " " + n.value + " ON NULL)";
            default:
                return n.text + "(" + distinct + String.join(", ", args) + ")";
        }
    }

    private String alias(ExprNode n) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) n.value;
        if (names.size() != 1) {
            throw new ValidationException("An expression with several names " + names + " must be a table function"
                    + " call (joinLateral, flatMap) or a map function call");
        }
        return render(n.args.get(0)) + " AS " + quote(names.get(0));
    }

    private String over(ExprNode n) {
        ExprNode alias = n.args.get(1);
        String name = alias.kind == Kind.FIELD ? alias.text : null;
        String spec = name == null ? null : overWindows.get(name);
        if (spec == null) {
            String shown = name == null ? summary(alias) : "'" + name + "'";
            throw new ValidationException("Over window alias " + shown + " is not defined; " + (overWindows.isEmpty()
                    ? "define it with table.window(Over.partitionBy(..).orderBy(..).as(\"w\")).select(...)"
                    : "defined are " + overWindows.keySet()
                            + (name == null ? "" : NameSuggestions.didYouMean(name, overWindows.keySet()))));
        }
        ExprNode target = n.args.get(0);
        checkOverTarget(target);
        if (target.kind == Kind.AGG && target.text.equals("SUM0")) {
            // SUM0 renders as COALESCE(SUM(..), 0): the window applies to the SUM inside
            return "COALESCE(SUM(" + (target.distinct ? "DISTINCT " : "") + render(target.args.get(0)) + ") OVER ("
                    + spec + "), 0)";
        }
        return render(target) + " OVER (" + spec + ")";
    }

    /** Rejects what cannot be computed over a window with the function's own name (not its internal one). */
    private static void checkOverTarget(ExprNode target) {
        if (target.kind == Kind.FUNCTION_CALL) {
            Object f = target.value;
            Class<?> c = f instanceof Class ? (Class<?>) f : f.getClass();
            if (!io.sluice.table.functions.AggregateFunction.class.isAssignableFrom(c)) {
                String name = f instanceof Class ? c.getName() : f.toString();
                throw new ValidationException("OVER must be applied to an aggregate function, and " + name
                        + " is not one: .over(..) follows an aggregate such as $(\"x\").sum() or a call of an "
                        + "AggregateFunction");
            }
        } else if (target.kind == Kind.FIELD || target.kind == Kind.LITERAL) {
            throw new ValidationException("OVER must be applied to an aggregate function, not to "
                    + summary(target) + ": .over(..) follows an aggregate such as $(\"x\").sum()");
        }
    }

    private String windowProperty(ExprNode n) {
        ExprNode w = n.args.get(0);
        if (w.kind != Kind.FIELD || !w.text.equals(windowAlias)) {
            if (columns == null) {
                return summary(w) + "." + n.text + "()";
            }
            throw new ValidationException("." + n.text + "() applies to the alias of the group window"
                    + (windowAlias == null ? " in window(...).groupBy(...).select(...)" : " '" + windowAlias + "'")
                    + ", not to " + summary(w));
        }
        switch (n.text) {
            case "start":
                return "window_start";
            case "end":
                return "window_end";
            case "rowtime":
                return "window_time";
            default:
                throw new UnsupportedFeatureException("proctime() of a group window");
        }
    }

    private String interval(ExprNode n) {
        ExprNode v = n.args.get(0);
        if (v.kind != Kind.LITERAL || !(v.value instanceof Number)) {
            throw new UnsupportedFeatureException("intervals of a non-literal amount (" + summary(v) + "." + n.text
                    .toLowerCase() + "s())");
        }
        long amount = ((Number) v.value).longValue();
        switch (n.text) {
            case "WEEK":
                return "INTERVAL '" + amount * 7 + "' DAY";
            case "QUARTER":
                return "INTERVAL '" + amount * 3 + "' MONTH";
            case "MILLISECOND":
                return "INTERVAL '" + BigDecimal.valueOf(amount, 3).toPlainString() + "' SECOND";
            default:
                return "INTERVAL '" + amount + "' " + n.text;
        }
    }

    static String literal(Object value, io.sluice.table.api.DataType type) {
        String text = literal(value);
        if (type == null) {
            return text;
        }
        return "CAST(" + text + " AS " + type.getLogicalType().typeName() + ")";
    }

    private static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String) {
            return "'" + ((String) v).replace("'", "''") + "'";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "TRUE" : "FALSE";
        }
        if (v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof Long) {
            return "CAST(" + v + " AS BIGINT)";
        }
        if (v instanceof Short) {
            return "CAST(" + v + " AS SMALLINT)";
        }
        if (v instanceof Byte) {
            return "CAST(" + v + " AS TINYINT)";
        }
        if (v instanceof Double) {
            return "CAST(" + v + " AS DOUBLE)";
        }
        if (v instanceof Float) {
            return "CAST(" + v + " AS FLOAT)";
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof LocalDate) {
            return "DATE '" + v + "'";
        }
        if (v instanceof LocalTime) {
            return "TIME '" + v + "'";
        }
        if (v instanceof LocalDateTime) {
            return "TIMESTAMP '" + v.toString().replace('T', ' ') + "'";
        }
        throw new UnsupportedFeatureException("literals of class " + v.getClass().getName());
    }

    /** The column names a withColumns/withoutColumns node selects, in order. */
    private List<String> expandColumns(ExprNode n) {
        if (columns == null) {
            throw new ValidationException("withColumns/withoutColumns need the columns of an input table");
        }
        Set<String> selected = new LinkedHashSet<>();
        for (ExprNode s : n.args) {
            switch (s.kind) {
                case FIELD:
                    field(s.text);
                    selected.add(s.text);
                    break;
                case STAR:
                    selected.addAll(columns);
                    break;
                case LITERAL:
                    selected.add(columns.get(position(s) - 1));
                    break;
                case RANGE: {
                    int from = rangeBound(s.args.get(0));
                    int to = rangeBound(s.args.get(1));
                    for (int i = from; i <= to; i++) {
                        selected.add(columns.get(i - 1));
                    }
                    break;
                }
                default:
                    throw new ValidationException("withColumns/withoutColumns take column names, 1-based positions or "
                            + "range(..), not " + summary(s));
            }
        }
        if ((Boolean) n.value) {
            return new ArrayList<>(selected);
        }
        List<String> rest = new ArrayList<>(columns);
        rest.removeAll(selected);
        return rest;
    }

    private int rangeBound(ExprNode b) {
        if (b.kind == Kind.FIELD) {
            field(b.text);
            return columns.indexOf(b.text) + 1;
        }
        return position(b);
    }

    private int position(ExprNode s) {
        if (!(s.value instanceof Integer)) {
            throw new ValidationException("A column position must be an integer, not " + summary(s));
        }
        int p = (Integer) s.value;
        if (p < 1 || p > columns.size()) {
            throw new ValidationException("Column position " + p + " is out of range 1.." + columns.size());
        }
        return p;
    }
}
