package io.sluice.codegen.udf;

import io.sluice.table.annotation.ArgumentHint;
import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.annotation.FunctionHint;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/**
 * Reads the type and argument hints of user-defined functions: Flink's annotations
 * ({@code io.sluice.table.annotation.DataTypeHint}, {@code FunctionHint}, {@code ArgumentHint}).
 */
public final class TypeHints {
    private TypeHints() {
    }

    /** The SQL type string of the element's {@code @DataTypeHint}, or null when it has none (or an empty one). */
    public static String dataType(AnnotatedElement e) {
        DataTypeHint hint = e.getAnnotation(DataTypeHint.class);
        return hint != null && !hint.value().isEmpty() ? hint.value() : null;
    }

    /** The method's {@code @FunctionHint}, else its class's, or null. */
    public static FunctionHint functionHint(Method m) {
        FunctionHint hint = m.getAnnotation(FunctionHint.class);
        return hint != null ? hint : m.getDeclaringClass().getAnnotation(FunctionHint.class);
    }

    /**
     * The SQL type string of SQL argument {@code i} given on the method (or class) by {@code @FunctionHint(input =
     * ...)} or {@code @FunctionHint(arguments = ...)}, or null.
     */
    public static String inputType(Method m, int i) {
        FunctionHint hint = functionHint(m);
        if (hint != null) {
            ArgumentHint[] args = hint.arguments();
            if (i < args.length && !args[i].type().value().isEmpty()) {
                return args[i].type().value();
            }
            DataTypeHint[] input = hint.input();
            if (i < input.length && !input[i].value().isEmpty()) {
                return input[i].value();
            }
        }
        return null;
    }

    /** The result type string of {@code @FunctionHint(output = ...)} on the method or class, or null. */
    public static String outputType(Method m) {
        FunctionHint hint = functionHint(m);
        return hint != null && !hint.output().value().isEmpty() ? hint.output().value() : null;
    }

    /** The {@code @ArgumentHint} of SQL argument {@code i}: on the parameter, else listed in the function hint. */
    public static ArgumentHint argument(Method m, java.lang.reflect.Parameter p, int i) {
        ArgumentHint own = p.getAnnotation(ArgumentHint.class);
        if (own != null) {
            return own;
        }
        FunctionHint hint = functionHint(m);
        return hint != null && i < hint.arguments().length ? hint.arguments()[i] : null;
    }

    /** The name {@code @FunctionHint(argumentNames = ...)} gives SQL argument {@code i}, or null. */
    public static String listedName(Method m, int i) {
        FunctionHint hint = functionHint(m);
        if (hint == null) {
            return null;
        }
        String[] names = hint.argumentNames();
        return i < names.length && !names[i].isEmpty() ? names[i] : null;
    }
}
