package io.sluice.python;

import io.sluice.table.api.ApiExpression;
import io.sluice.table.api.Expressions;
import io.sluice.table.api.internal.ExprNode;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

/**
 * Table API expressions of SQL built-ins that the Java expression DSL has no method for (PyFlink's
 * {@code json_value(path, returning_type, ...)}, {@code is_json(type)}, ...): SQL text with {@code $0..$9}
 * placeholders for the rendered arguments, as the DSL's own operator calls are written.
 */
final class SqlTemplates {
    private static final Constructor<ApiExpression> CONSTRUCTOR;

    static {
        try {
            CONSTRUCTOR = ApiExpression.class.getDeclaredConstructor(ExprNode.class);
            CONSTRUCTOR.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SqlTemplates() {
    }

    /** The expression {@code template} with {@code $i} standing for argument {@code i} (an expression or value). */
    static ApiExpression expression(String template, List<Object> args) {
        if (args.size() > 10) {
            throw new IllegalArgumentException("a SQL template takes at most 10 arguments, not " + args.size());
        }
        List<ExprNode> nodes = new ArrayList<>();
        for (Object a : args) {
            ApiExpression e = a instanceof ApiExpression ? (ApiExpression) a : Expressions.lit(a);
            nodes.add(e.toNode());
        }
        try {
            return CONSTRUCTOR.newInstance(ExprNode.call(template, nodes));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the expression " + template, e);
        }
    }
}
