package io.sluice.codegen.udf;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import io.sluice.table.functions.AggregateFunction;
import io.sluice.table.functions.ScalarFunction;
import io.sluice.table.functions.TableAggregateFunction;
import io.sluice.table.functions.TableFunction;
import io.sluice.table.functions.UserDefinedFunction;
import io.sluice.types.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A registered user-defined function: its class, the typed signatures of its public methods, and how to
 * make a fresh instance for each operator instance (a new object from the no-argument constructor, or a
 * copy of a registered instance by Java serialization). Built once at registration; validation errors
 * (not public, no eval method, unsupported Java type) are reported then.
 */
public final class UserFunction {
    /** What a function computes. */
    public enum Kind { SCALAR, TABLE, AGGREGATE, TABLE_AGGREGATE }

    private final String name;
    private final Kind kind;
    private final Class<? extends UserDefinedFunction> functionClass;
    private final byte[] serializedInstance;
    private final boolean deterministic;
    private final List<UdfMethod> methods = new ArrayList<>();
    private final List<UdfMethod> retracts = new ArrayList<>();
    private LogicalType aggregateResultType;
    private Class<?> aggregateResultClass;
    private RowType tableAggregateResultType;

    private UserFunction(String name, Class<? extends UserDefinedFunction> cls, UserDefinedFunction instance) {
        this.name = name;
        this.functionClass = cls;
        if (ScalarFunction.class.isAssignableFrom(cls)) {
            kind = Kind.SCALAR;
        } else if (TableFunction.class.isAssignableFrom(cls)) {
            kind = Kind.TABLE;
        } else if (AggregateFunction.class.isAssignableFrom(cls)) {
            kind = Kind.AGGREGATE;
        } else if (TableAggregateFunction.class.isAssignableFrom(cls)) {
            kind = Kind.TABLE_AGGREGATE;
        } else {
            throw new ValidationException("Class '" + cls.getName() + "' of function '" + name + "' is not a supported"
                    + " user-defined function: extend ScalarFunction, TableFunction, AggregateFunction or"
                    + " TableAggregateFunction.");
        }
        checkPublic(cls);
        UserDefinedFunction probe = instance;
        if (instance == null) {
            probe = instantiate(cls);
            serializedInstance = null;
        } else {
            serializedInstance = serialize(instance);
        }
        this.deterministic = probe.isDeterministic();
        switch (kind) {
            case SCALAR:
                collect("eval", 0, true);
                break;
            case TABLE:
                collect("eval", 0, false);
                for (UdfMethod m : methods) {
                    m.setRowType(tableRowType(m.method()));
                }
                break;
            case TABLE_AGGREGATE:
                collect("accumulate", 1, false);
                collectRetract();
                tableAggregateResultType = TableAggregateTypes.resultType(name, functionClass);
                break;
            default:
                collect("accumulate", 1, false);
                collectRetract();
                resolveAggregateResult();
                break;
        }
    }

    /** A function registered by class (instances come from the public no-argument constructor). */
    public static UserFunction of(String name, Class<?> cls) {
        if (!UserDefinedFunction.class.isAssignableFrom(cls)) {
            throw new ValidationException("Class '" + cls.getName() + "' of function '" + name + "' is not a"
                    + " user-defined function: it must extend ScalarFunction, TableFunction, AggregateFunction or"
                    + " TableAggregateFunction.");
        }
        return new UserFunction(name, cls.asSubclass(UserDefinedFunction.class), null);
    }

    /** A function registered as an instance (each operator instance gets a serialized copy). */
    public static UserFunction of(String name, UserDefinedFunction instance) {
        return new UserFunction(name, instance.getClass(), instance);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Class<? extends UserDefinedFunction> functionClass() {
        return functionClass;
    }

    public ClassLoader classLoader() {
        return functionClass.getClassLoader();
    }

    public boolean isDeterministic() {
        return deterministic;
    }

    /** {@code eval} methods (scalar, table) or {@code accumulate} methods (aggregate), sorted by signature. */
    public List<UdfMethod> methods() {
        return methods;
    }

    /** The {@code retract} methods of an aggregate function. */
    public List<UdfMethod> retracts() {
        return retracts;
    }

    public LogicalType aggregateResultType() {
        return aggregateResultType;
    }

    public Class<?> aggregateResultClass() {
        return aggregateResultClass;
    }

    /** The columns of the rows a table aggregate function emits (null for other kinds). */
    public RowType tableAggregateResultType() {
        return tableAggregateResultType;
    }

    /** The method that fits arguments of these types best, or null. */
    public UdfMethod resolve(List<LogicalType> argTypes) {
        return best(methods, argTypes);
    }

    /** The retract method matching accumulate method {@code accumulate}, or null. */
    public UdfMethod retractFor(UdfMethod accumulate) {
        for (UdfMethod r : retracts) {
            if (java.util.Arrays.equals(r.method().getParameterTypes(), accumulate.method().getParameterTypes())) {
                return r;
            }
        }
        return null;
    }

    static UdfMethod best(List<UdfMethod> candidates, List<LogicalType> argTypes) {
        UdfMethod best = null;
        int bestCost = Integer.MAX_VALUE;
        for (UdfMethod m : candidates) {
            int c = m.cost(argTypes);
            if (c >= 0 && c < bestCost) {
                best = m;
                bestCost = c;
            }
        }
        return best;
    }

    /** A new instance for one operator instance. */
    public UserDefinedFunction newInstance() {
        if (serializedInstance == null) {
            return instantiate(functionClass);
        }
        ClassLoader loader = classLoader();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serializedInstance)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (UserDefinedFunction) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot copy the instance of function " + name, e);
        }
    }

    private UserDefinedFunction instantiate(Class<? extends UserDefinedFunction> cls) {
        try {
            return cls.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ValidationException("Function class '" + cls.getName() + "' of function '" + name
                    + "' needs a public constructor without arguments.");
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ValidationException("Cannot instantiate function class '" + cls.getName() + "' of function '"
                    + name + "': " + cause, cause);
        }
    }

    private byte[] serialize(UserDefinedFunction instance) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(instance);
        } catch (IOException e) {
            throw new ValidationException("The instance of function '" + name + "' (" + instance.getClass().getName()
                    + ") is not serializable: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private void checkPublic(Class<?> cls) {
        if (Modifier.isAbstract(cls.getModifiers())) {
            throw new ValidationException("Function class '" + cls.getName() + "' of function '" + name
                    + "' must not be abstract.");
        }
        for (Class<?> c = cls; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.getCanonicalName() == null
                    || c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
                throw new ValidationException("Function class '" + cls.getName() + "' of function '" + name
                        + "' must be a public top-level class or a public static nested class.");
            }
        }
    }

    private void collect(String methodName, int leading, boolean withResult) {
        List<Method> found = new ArrayList<>();
        for (Method m : functionClass.getMethods()) {
            if (m.getName().equals(methodName) && !m.isBridge() && !Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() >= leading) {
                found.add(m);
            }
        }
        if (found.isEmpty()) {
            throw new ValidationException("Function class '" + functionClass.getName() + "' of function '" + name
                    + "' has no public method '" + methodName + "'.");
        }
        found.sort(Comparator.comparing(UdfMethod::describe));
        for (Method m : found) {
            methods.add(UdfMethod.of(m, leading, withResult));
        }
    }

    private void collectRetract() {
        for (Method m : functionClass.getMethods()) {
            if (m.getName().equals("retract") && !m.isBridge() && m.getParameterCount() >= 1) {
                retracts.add(UdfMethod.of(m, 1, false));
            }
        }
    }

    private void resolveAggregateResult() {
        Method getValue = null;
        for (Method m : functionClass.getMethods()) {
            // a Janino-compiled class carries an unflagged bridge getValue(Object) returning Object: prefer the typed one
            if (m.getName().equals("getValue") && m.getParameterCount() == 1 && !m.isBridge()
                    && (getValue == null || getValue.getReturnType() == Object.class)) {
                getValue = m;
            }
        }
        if (getValue == null) {
            throw new ValidationException("Function class '" + functionClass.getName() + "' of function '" + name
                    + "' has no public method 'getValue'.");
        }
        aggregateResultClass = getValue.getReturnType();
        String resultHint = TypeHints.dataType(getValue);
        aggregateResultType = UdfMethod.typeOf(getValue, aggregateResultClass,
                resultHint != null ? resultHint : TypeHints.outputType(getValue), "the result");
        aggregateResultType = aggregateResultType.copy(true);
    }

    /** Method hint, else class hint, else the type argument of {@code TableFunction<T>} (one column f0). */
    private RowType tableRowType(Method eval) {
        String hint = TypeHints.dataType(eval);
        if (hint == null) {
            hint = TypeHints.outputType(eval);
        }
        if (hint == null) {
            hint = TypeHints.dataType(functionClass);
        }
        if (hint != null) {
            RowType row = TypeStrings.parseRow(hint);
            if (row != null) {
                return row;
            }
            return new RowType(List.of("f0"), List.of(TypeStrings.parseType(hint)));
        }
        Class<?> t = typeArgument(functionClass);
        if (t == null || t == Row.class || t == Object.class) {
            throw new ValidationException("Cannot infer the row type of table function '" + name + "' ("
                    + functionClass.getName() + "): annotate the class or its eval method with "
                    + "@DataTypeHint(\"ROW<name TYPE, ...>\").");
        }
        LogicalType type = ExternalTypes.defaultType(t);
        if (type == null) {
            throw new ValidationException("Cannot infer a SQL type for the rows (" + t.getName() + ") of table function '"
                    + name + "'. Use a @DataTypeHint.");
        }
        return new RowType(List.of("f0"), List.of(type));
    }

    private static Class<?> typeArgument(Class<?> cls) {
        for (Class<?> c = cls; c != null && c != TableFunction.class; c = c.getSuperclass()) {
            Type s = c.getGenericSuperclass();
            if (s instanceof ParameterizedType && ((ParameterizedType) s).getRawType() == TableFunction.class) {
                Type arg = ((ParameterizedType) s).getActualTypeArguments()[0];
                if (arg instanceof Class) {
                    return (Class<?>) arg;
                }
                if (arg instanceof ParameterizedType) {
                    return (Class<?>) ((ParameterizedType) arg).getRawType();
                }
                return null;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name + " (" + functionClass.getName() + ")";
    }
}
