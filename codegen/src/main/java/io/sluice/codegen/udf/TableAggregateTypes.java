package io.sluice.codegen.udf;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import io.sluice.table.functions.TableAggregateFunction;
import io.sluice.types.Row;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The result row type of a table aggregate function ({@link TableAggregateFunction}{@code <T, ACC>}): a
 * {@code @DataTypeHint} on its {@code emitValue} / {@code emitUpdateWithRetract} method or on the class (a ROW
 * type, or one type for a single column {@code f0}), else derived from {@code T}: a tuple {@code TupleN<A, B, ..>}
 * gives columns {@code f0, f1, ..} of the type arguments' types, a class with a SQL type one column {@code f0}, a
 * POJO its public fields (sorted by name, as Flink orders POJO fields). Every column is nullable.
 */
final class TableAggregateTypes {
    private TableAggregateTypes() {
    }

    static RowType resultType(String name, Class<?> cls) {
        Method emitValue = emitMethod(cls, "emitValue");
        Method emitRetract = emitMethod(cls, "emitUpdateWithRetract");
        if (emitValue == null && emitRetract == null) {
            throw new ValidationException("Table aggregate function '" + name + "' (" + cls.getName() + ") has no "
                    + "public method 'emitValue(ACC accumulator, Collector<T> out)': implement it (or "
                    + "'emitUpdateWithRetract(ACC accumulator, RetractableCollector<T> out)') to emit the result rows.");
        }
        String hint = null;
        for (Method m : new Method[] {emitValue, emitRetract}) {
            if (hint == null && m != null) {
                hint = TypeHints.dataType(m);
            }
        }
        if (hint == null) {
            hint = TypeHints.dataType(cls);
        }
        if (hint != null) {
            RowType row = TypeStrings.parseRow(hint);
            if (row != null) {
                return nullable(row);
            }
            return new RowType(List.of("f0"), List.of(TypeStrings.parseType(hint).copy(true)));
        }
        Type t = typeArgument(cls);
        Class<?> raw = t instanceof Class ? (Class<?>) t
                : t instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) t).getRawType() : null;
        if (raw == null || raw == Row.class || raw == Object.class) {
            throw new ValidationException("Cannot infer the row type of table aggregate function '" + name + "' ("
                    + cls.getName() + "): annotate the class or its emitValue method with "
                    + "@DataTypeHint(\"ROW<name TYPE, ...>\").");
        }
        if (raw.getName().matches("io\\.sluice\\.api\\.java\\.tuple\\.Tuple\\d+")) {
            if (!(t instanceof ParameterizedType)) {
                throw new ValidationException("Cannot infer the row type of table aggregate function '" + name
                        + "': its result type " + raw.getSimpleName() + " has no type arguments.");
            }
            List<String> names = new ArrayList<>();
            List<LogicalType> types = new ArrayList<>();
            for (Type arg : ((ParameterizedType) t).getActualTypeArguments()) {
                types.add(columnType(name, arg, "f" + names.size()));
                names.add("f" + names.size());
            }
            return new RowType(names, types);
        }
        LogicalType single = ExternalTypes.defaultType(raw);
        if (single != null) {
            return new RowType(List.of("f0"), List.of(single.copy(true)));
        }
        List<Field> fields = new ArrayList<>();
        for (Field f : raw.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.add(f);
            }
        }
        if (fields.isEmpty()) {
            throw new ValidationException("Cannot infer a SQL type for the rows (" + raw.getName() + ") of table "
                    + "aggregate function '" + name + "'. Use a @DataTypeHint(\"ROW<name TYPE, ...>\").");
        }
        fields.sort(Comparator.comparing(Field::getName));
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (Field f : fields) {
            types.add(columnType(name, f.getGenericType(), f.getName()));
            names.add(f.getName());
        }
        return new RowType(names, types);
    }

    /** The public two-argument emit method {@code methodName} (the typed one when a bridge exists), or null. */
    static Method emitMethod(Class<?> cls, String methodName) {
        Method found = null;
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(methodName) && m.getParameterCount() == 2 && !Modifier.isStatic(m.getModifiers())
                    && m.getParameterTypes()[1].isInterface() && !m.isBridge()
                    && (found == null || found.getParameterTypes()[0] == Object.class)) {
                found = m;
            }
        }
        return found;
    }

    private static LogicalType columnType(String function, Type t, String column) {
        Class<?> c = t instanceof Class ? (Class<?>) t
                : t instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) t).getRawType() : null;
        LogicalType type = c == null ? null : ExternalTypes.defaultType(c);
        if (type == null) {
            throw new ValidationException("Cannot infer a SQL type for column " + column + " (" + t.getTypeName()
                    + ") of table aggregate function '" + function + "'. Use a @DataTypeHint(\"ROW<name TYPE, ...>\").");
        }
        return type.copy(true);
    }

    private static RowType nullable(RowType row) {
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            types.add(row.type(i).copy(true));
        }
        return new RowType(row.names(), types);
    }

    /** The actual type of {@code T} in {@code TableAggregateFunction<T, ACC>}, or null. */
    private static Type typeArgument(Class<?> cls) {
        for (Class<?> c = cls; c != null && c != TableAggregateFunction.class; c = c.getSuperclass()) {
            Type s = c.getGenericSuperclass();
            if (s instanceof ParameterizedType && ((ParameterizedType) s).getRawType() == TableAggregateFunction.class) {
                return ((ParameterizedType) s).getActualTypeArguments()[0];
            }
        }
        return null;
    }
}
