package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.ValidationException;
import io.sluice.table.functions.TableAggregateFunction;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls the emit methods of one table aggregate function instance and turns the records it emits into rows of
 * the result columns: an {@code io.sluice.types.Row} by position, a tuple ({@code f0, f1, ...} public fields) or
 * an object with public fields named as the columns by name, and any other value as the single column. The
 * {@code Collector} handed to {@code emitValue} implements the interface its parameter declares (any interface
 * whose one-argument method is {@code collect}). Emit methods are found once, by reflection; they run once per
 * group change, not per input row.
 */
final class TableAggregateEmitter {
    /** Receives one emitted row. */
    interface RowSink {
        void accept(RowKind kind, Object[] values);
    }

    private final Object function;
    private final String description;
    private final RowType resultType;
    private final Method emitValue;
    private final Method emitUpdateWithRetract;
    private final Map<Class<?>, Field[]> fieldsByClass = new HashMap<>();

    TableAggregateEmitter(Object function, String description, RowType resultType) {
        this.function = function;
        this.description = description;
        this.resultType = resultType;
        this.emitValue = find(function.getClass(), "emitValue");
        this.emitUpdateWithRetract = find(function.getClass(), "emitUpdateWithRetract");
        if (emitValue == null && emitUpdateWithRetract == null) {
            throw new ValidationException("Table aggregate function " + description + " has no public method "
                    + "'emitValue(ACC, Collector<T>)' (or 'emitUpdateWithRetract(ACC, RetractableCollector<T>)').");
        }
    }

    /** The public two-argument method {@code name} whose second parameter is an interface, or null. */
    static Method find(Class<?> cls, String name) {
        Method found = null;
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 2 && !Modifier.isStatic(m.getModifiers())
                    && m.getParameterTypes()[1].isInterface() && !m.isBridge()
                    && (found == null || found.getParameterTypes()[0] == Object.class)) {
                found = m;
            }
        }
        return found;
    }

    /** Whether the function emits changes itself ({@code emitUpdateWithRetract}). */
    boolean incremental() {
        return emitUpdateWithRetract != null;
    }

    /** Whether the function has {@code emitValue} (needed to emit a group's whole result). */
    boolean hasEmitValue() {
        return emitValue != null;
    }

    /** Calls {@code emitValue(acc, out)}; each collected record goes to {@code sink} with row kind {@code kind}. */
    void emitAll(Object acc, RowKind kind, RowSink sink) {
        if (emitValue == null) {
            throw new ValidationException("Table aggregate function " + description + " has no public method "
                    + "'emitValue(ACC, Collector<T>)', needed in batch mode.");
        }
        Class<?> collectorType = emitValue.getParameterTypes()[1];
        Object collector = Proxy.newProxyInstance(collectorType.getClassLoader(), new Class<?>[] {collectorType},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "collect":
                            if (args != null && args.length == 1) {
                                sink.accept(kind, values(args[0]));
                                return null;
                            }
                            break;
                        case "close":
                            return null;
                        case "toString":
                            return "Collector of " + description;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            break;
                    }
                    throw new UnsupportedOperationException(method.getName() + " on the collector of " + description);
                });
        invoke(emitValue, acc, collector);
    }

    /**
     * Calls {@code emitUpdateWithRetract(acc, out)}: collected records go to {@code sink} as {@code +I}, retracted
     * ones as {@code -D}.
     */
    void emitChanges(Object acc, RowSink sink) {
        TableAggregateFunction.RetractableCollector<Object> collector =
                new TableAggregateFunction.RetractableCollector<>() {
                    @Override
                    public void collect(Object record) {
                        sink.accept(RowKind.INSERT, values(record));
                    }

                    @Override
                    public void retract(Object record) {
                        sink.accept(RowKind.DELETE, values(record));
                    }

                    @Override
                    public void close() {
                    }
                };
        invoke(emitUpdateWithRetract, acc, collector);
    }

    private void invoke(Method m, Object acc, Object collector) {
        try {
            m.invoke(function, acc, collector);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TableException || cause instanceof ValidationException) {
                throw (RuntimeException) cause;
            }
            throw new TableException(m.getName() + " of table aggregate function " + description + " failed: "
                    + cause, cause);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new TableException("cannot call " + m.getName() + " of table aggregate function " + description
                    + ": " + e, e);
        }
    }

    /** The column values of one emitted record. */
    Object[] values(Object record) {
        int n = resultType.size();
        if (record == null) {
            throw new TableException("Table aggregate function " + description + " emitted a null row.");
        }
        if (record instanceof Row) {
            Row row = (Row) record;
            if (row.getArity() != n) {
                throw new TableException("Table aggregate function " + description + " emitted a row of "
                        + row.getArity() + " fields where its result type " + resultType + " has " + n);
            }
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = row.getField(i);
            }
            return values;
        }
        Field[] fields = fieldsByClass.computeIfAbsent(record.getClass(), this::fieldsOf);
        if (fields == null) {
            return new Object[] {record};
        }
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            try {
                values[i] = fields[i].get(record);
            } catch (IllegalAccessException e) {
                throw new TableException("cannot read field " + fields[i].getName() + " of a row emitted by "
                        + description, e);
            }
        }
        return values;
    }

    /** Public fields giving the columns ({@code f0..} of a tuple, else the column names), or null for a value. */
    private Field[] fieldsOf(Class<?> c) {
        int n = resultType.size();
        Field[] byPosition = publicFields(c, n, i -> "f" + i);
        if (byPosition != null && (n > 1 || c.getName().startsWith("io.sluice.api.java.tuple.Tuple"))) {
            return byPosition;
        }
        Field[] byName = publicFields(c, n, resultType::name);
        if (byName != null && n > 1) {
            return byName;
        }
        if (n == 1) {
            return null;
        }
        throw new TableException("Table aggregate function " + description + " emitted a " + c.getName()
                + ", which does not give the " + n + " columns of its result type " + resultType + ": emit a Row, a"
                + " tuple, or an object with public fields named as the columns.");
    }

    private static Field[] publicFields(Class<?> c, int n, java.util.function.IntFunction<String> name) {
        Field[] fields = new Field[n];
        for (int i = 0; i < n; i++) {
            try {
                Field f = c.getField(name.apply(i));
                if (Modifier.isStatic(f.getModifiers())) {
                    return null;
                }
                fields[i] = f;
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        return fields;
    }
}
