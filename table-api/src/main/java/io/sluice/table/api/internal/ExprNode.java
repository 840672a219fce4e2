package io.sluice.table.api.internal;

import io.sluice.table.api.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The immutable tree behind an {@code ApiExpression}. {@link ExprRenderer} turns it into Flink SQL text that the
 * planner validates and plans like any query, so the Table API and SQL share one path.
 */
public final class ExprNode {
    /** What a node is. */
    public enum Kind {
        /** A column reference ({@code text} = name). */
        FIELD,
        /** {@code *}. */
        STAR,
        /** A literal ({@code value}; {@code type} when given). */
        LITERAL,
        /** An operator or built-in call; {@code text} is a template with {@code $0..$9}, {@code $*} and {@code $+}. */
        CALL,
        /** An aggregate call ({@code text} = function name). */
        AGG,
        /** {@code args[0] AS names} ({@code value} = list of names). */
        ALIAS,
        /** {@code CAST(args[0] AS type)} ({@code text} = CAST or TRY_CAST). */
        CAST,
        /** {@code args[0] ASC|DESC} ({@code text}). */
        ORDER,
        /** {@code args[0] OVER args[1]} (a window alias). */
        OVER,
        /** {@code start/end/rowtime/proctime} of a window alias {@code args[0]} ({@code text}). */
        WINDOW_PROPERTY,
        /** A time interval literal ({@code text} = SQL text). */
        INTERVAL,
        /** A row-count interval ({@code value} = count). */
        ROW_INTERVAL,
        /** {@code UNBOUNDED_ROW}, {@code CURRENT_RANGE}, ... ({@code text}). */
        SYMBOL,
        /** SQL text given by the user ({@code callSql}). */
        SQL,
        /** A call of a function given by name ({@code text}). */
        NAMED_CALL,
        /** A call of a function given as a class or instance ({@code value}). */
        FUNCTION_CALL,
        /** {@code withColumns} ({@code value} = true) or {@code withoutColumns} (false) over selectors. */
        COLUMNS,
        /** {@code range(from, to)} of columns. */
        RANGE,
        /** {@code args[0] IN (the single column of the table in value)}. */
        IN_TABLE,
        /** A field of the composite value {@code args[0]}: {@code value} is its name or its position (from 0). */
        GET,
        /** {@code args[0].flatten()}: one column per field of a composite value, expanded by a projection. */
        FLATTEN,
        /** A value that exists only in Flink's API but not in Sluice's engine yet ({@code text} = what). */
        UNSUPPORTED
    }

    public final Kind kind;
    public final String text;
    public final Object value;
    public final List<ExprNode> args;
    public final DataType type;
    public final boolean distinct;

    private ExprNode(Kind kind, String text, Object value, List<ExprNode> args, DataType type, boolean distinct) {
        this.kind = kind;
        this.text = text;
        this.value = value;
        this.args = List.copyOf(args);
        this.type = type;
        this.distinct = distinct;
    }

    public static ExprNode of(Kind kind, String text, Object value, List<ExprNode> args, DataType type) {
        return new ExprNode(kind, text, value, args, type, false);
    }

    public static ExprNode field(String name) {
        return "*".equals(name) ? of(Kind.STAR, "*", null, List.of(), null) : of(Kind.FIELD, name, null, List.of(), null);
    }

    public static ExprNode literal(Object value, DataType type) {
        return of(Kind.LITERAL, null, value, List.of(), type);
    }

    public static ExprNode call(String template, ExprNode... args) {
        return of(Kind.CALL, template, null, Arrays.asList(args), null);
    }

    public static ExprNode call(String template, List<ExprNode> args) {
        return of(Kind.CALL, template, null, args, null);
    }

    public static ExprNode simple(Kind kind, String text, ExprNode... args) {
        return of(kind, text, null, Arrays.asList(args), null);
    }

    /** The same aggregate call over distinct values. */
    public ExprNode withDistinct() {
        return new ExprNode(kind, text, value, args, type, true);
    }

    /** {@code first} followed by {@code rest}. */
    public static List<ExprNode> list(ExprNode first, List<ExprNode> rest) {
        List<ExprNode> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    @Override
    public String toString() {
        return ExprRenderer.summary(this);
    }
}
