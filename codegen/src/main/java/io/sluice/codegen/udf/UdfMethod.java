package io.sluice.codegen.udf;

import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.ValidationException;
import io.sluice.table.annotation.ArgumentHint;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * One public method of a user-defined function ({@code eval}, {@code accumulate}, {@code retract}) with the
 * SQL types of its parameters, inferred from their Java classes or type hints ({@link TypeHints}), and their names
 * for calls with named arguments. {@code leading}
 * parameters (the accumulator of {@code accumulate}) are not SQL arguments. A trailing varargs parameter
 * accepts any number of arguments of its component type.
 */
public final class UdfMethod {
    private final Method method;
    private final int leading;
    private final List<Class<?>> argClasses = new ArrayList<>();
    private final List<LogicalType> argTypes = new ArrayList<>();
    /** The SQL arguments' names (null where unknown) and whether a named call may leave them out. */
    private final List<String> argNames = new ArrayList<>();
    private final List<Boolean> argOptional = new ArrayList<>();
    private final boolean varargs;
    private final Class<?> resultClass;
    private final LogicalType resultType;
    private RowType rowType;

    private UdfMethod(Method method, int leading, LogicalType resultType) {
        this.method = method;
        this.leading = leading;
        this.varargs = method.isVarArgs();
        Parameter[] params = method.getParameters();
        List<String> javaNames = ParameterNames.of(method);
        for (int i = leading; i < params.length; i++) {
            Class<?> c = params[i].getType();
            if (varargs && i == params.length - 1) {
                c = c.getComponentType();
            }
            argClasses.add(c);
            int sql = i - leading;
            String hint = TypeHints.dataType(params[i]);
            ArgumentHint argument = TypeHints.argument(method, params[i], sql);
            if (hint == null && argument != null && !argument.type().value().isEmpty()) {
                hint = argument.type().value();
            }
            if (hint == null) {
                hint = TypeHints.inputType(method, sql);
            }
            argTypes.add(typeOf(method, c, hint, "parameter " + (i + 1)));
            String name = argument != null && !argument.name().isEmpty() ? argument.name()
                    : TypeHints.listedName(method, sql);
            if (name == null && javaNames != null) {
                name = javaNames.get(i);
            }
            argNames.add(name);
            boolean optional = argument != null && argument.isOptional();
            if (optional && c.isPrimitive()) {
                throw new ValidationException("Argument '" + name + "' of " + describe(method) + " is optional, but"
                        + " its Java class " + c.getName() + " cannot take NULL; use "
                        + java.lang.invoke.MethodType.methodType(c).wrap().returnType().getSimpleName() + ".");
            }
            argOptional.add(optional);
        }
        this.resultClass = method.getReturnType();
        this.resultType = resultType;
    }

    /** A method with {@code leading} non-SQL parameters; {@code withResult}: infer the result type too. */
    static UdfMethod of(Method m, int leading, boolean withResult) {
        LogicalType result = null;
        if (withResult) {
            if (m.getReturnType() == void.class) {
                throw new ValidationException("Method " + describe(m) + " must return a value.");
            }
            String hint = TypeHints.dataType(m);
            result = typeOf(m, m.getReturnType(), hint != null ? hint : TypeHints.outputType(m), "the result");
            if (m.getReturnType().isPrimitive()) {
                result = result.notNull();
            }
        }
        return new UdfMethod(m, leading, result);
    }

    /** The SQL type of {@code what} of {@code m}: of the type hint string when there is one, else of the class. */
    static LogicalType typeOf(Method m, Class<?> c, String hint, String what) {
        if (hint != null) {
            LogicalType t = TypeStrings.parseType(hint);
            if (!ExternalTypes.compatible(c, t)) {
                throw new ValidationException("The @DataTypeHint '" + hint + "' of " + what + " of "
                        + describe(m) + " does not fit its Java class " + c.getName() + ".");
            }
            return c.isPrimitive() ? t.notNull() : t;
        }
        LogicalType t = ExternalTypes.defaultType(c);
        if (t == null) {
            throw new ValidationException("Cannot infer a SQL type for " + what + " of " + describe(m) + " (Java class "
                    + c.getName() + "). Use a supported class or a @DataTypeHint.");
        }
        return c.isPrimitive() ? t.notNull() : t;
    }

    static String describe(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName() + "("
                + String.join(", ", java.util.Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .toArray(String[]::new)) + ")";
    }

    public Method method() {
        return method;
    }

    /**
     * Generated {@code statement} calling this method, wrapped when the method declares checked exceptions (which
     * generated code cannot declare): such an exception fails the job with a {@code TableException} naming the
     * method, with the original exception as cause.
     */
    public String guarded(String statement) {
        boolean checked = false;
        for (Class<?> e : method.getExceptionTypes()) {
            checked |= !RuntimeException.class.isAssignableFrom(e) && !Error.class.isAssignableFrom(e);
        }
        if (!checked) {
            return statement;
        }
        String name = describe(method).replace("\\", "\\\\").replace("\"", "\\\"");
        return "try { " + statement + " } catch (RuntimeException udfError) { throw udfError; }"
                + " catch (Exception udfError) { throw new io.sluice.table.api.TableException(\"" + name
                + " failed: \" + udfError, udfError); }";
    }

    public boolean isVarargs() {
        return varargs;
    }

    /** Number of fixed SQL parameters (without the varargs one). */
    public int fixedArgs() {
        return varargs ? argClasses.size() - 1 : argClasses.size();
    }

    public int minArgs() {
        return fixedArgs();
    }

    /** Maximum number of SQL arguments, or -1 for varargs. */
    public int maxArgs() {
        return varargs ? -1 : argClasses.size();
    }

    /** The Java class receiving SQL argument {@code i} (the component class for varargs). */
    public Class<?> argClass(int i) {
        return argClasses.get(Math.min(i, argClasses.size() - 1));
    }

    /** The SQL type of parameter {@code i}. */
    public LogicalType argType(int i) {
        return argTypes.get(Math.min(i, argTypes.size() - 1));
    }

    /** The name of SQL argument {@code i} (from hints or the compiled method), or null when it is not known. */
    public String argName(int i) {
        return argNames.get(i);
    }

    /** Whether a call with named arguments may leave SQL argument {@code i} out (it then receives null). */
    public boolean argOptional(int i) {
        return argOptional.get(i);
    }

    /** The varargs array class, e.g. {@code int[]}. */
    public Class<?> varargsArrayClass() {
        return method.getParameterTypes()[method.getParameterCount() - 1];
    }

    public Class<?> resultClass() {
        return resultClass;
    }

    /** The inferred result type (NOT NULL for a primitive return type), or null. */
    public LogicalType resultType() {
        return resultType;
    }

    /** The rows a table function's eval emits. */
    public RowType rowType() {
        return rowType;
    }

    void setRowType(RowType rowType) {
        this.rowType = rowType;
    }

    int leading() {
        return leading;
    }

    /** The cost of calling this method with arguments of these types, or -1 when it does not accept them. */
    public int cost(List<LogicalType> args) {
        if (args.size() < minArgs() || (maxArgs() >= 0 && args.size() > maxArgs())) {
            return -1;
        }
        int total = 0;
        for (int i = 0; i < args.size(); i++) {
            int c = conversionCost(args.get(i), argType(i));
            if (c < 0) {
                return -1;
            }
            total += c;
        }
        return total;
    }

    /** 0 for the same type, a positive cost for an implicit widening conversion, -1 when not convertible. */
    static int conversionCost(LogicalType from, LogicalType to) {
        TypeRoot f = from.root();
        TypeRoot t = to.root();
        if (f == TypeRoot.NULL || f == t) {
            return 0;
        }
        if (f.isCharacterString() && t.isCharacterString() || f.isBinaryString() && t.isBinaryString()) {
            return 1;
        }
        int rf = JavaTypes.numericRank(from);
        int rt = JavaTypes.numericRank(to);
        if (rf > 0 && rt > 0 && rf < rt) {
            return rt - rf;
        }
        return -1;
    }

    /** {@code name(INT, STRING...)} for error messages. */
    public String signature(String name) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < argTypes.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(argTypes.get(i).copy(true).typeName());
            if (varargs && i == argTypes.size() - 1) {
                sb.append("...");
            }
        }
        return sb.append(')').toString();
    }
}
