package io.sluice.table.api.bridge.internal;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.api.java.typeutils.ListTypeInfo;
import io.sluice.api.java.typeutils.MapTypeInfo;
import io.sluice.api.java.typeutils.PojoTypeInfo;
import io.sluice.api.java.typeutils.RowTypeInfo;
import io.sluice.api.java.typeutils.TupleTypeInfo;
import io.sluice.types.Row;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nested column values between streams and tables, as Flink maps them: a {@code Row} (with a {@code RowTypeInfo}), a
 * tuple ({@code ROW<f0 ..., f1 ...>}) or a POJO becomes {@code ROW<...>}, an object or primitive array (other than {@code byte[]}) or a {@code List}
 * {@code ARRAY<...>}, a {@code Map} {@code MAP<..., ...>}, nested to any depth. Tables hold ROW values as
 * {@code Row}s, ARRAY values as Java arrays of the element's class and MAP values as {@code Map}s; this class turns a
 * stream's values into those and back into the declared Java types of POJO fields.
 */
final class NestedValues {
    private NestedValues() {
    }

    /** The SQL type of values of {@code type}, or null when it has none (RAW values). */
    static String sqlTypeOf(TypeInformation<?> type) {
        if (type instanceof RowTypeInfo) {
            RowTypeInfo row = (RowTypeInfo) type;
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.getFieldNames().length; i++) {
                String t = sqlTypeOf(row.getFieldTypes()[i]);
                if (t == null) {
                    return null;
                }
                fields.add(quote(row.getFieldNames()[i]) + " " + t);
            }
            return "ROW<" + String.join(", ", fields) + ">";
        }
        if (type instanceof TupleTypeInfo) {
            TupleTypeInfo<?> tuple = (TupleTypeInfo<?>) type;
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < tuple.getArity(); i++) {
                String t = sqlTypeOf(tuple.getTypeAt(i));
                if (t == null) {
                    return null;
                }
                fields.add(quote("f" + i) + " " + t);
            }
            return "ROW<" + String.join(", ", fields) + ">";
        }
        if (type instanceof ListTypeInfo) {
            String element = sqlTypeOf(((ListTypeInfo<?>) type).getElementTypeInfo());
            return element == null ? null : "ARRAY<" + element + ">";
        }
        if (type instanceof MapTypeInfo) {
            MapTypeInfo<?, ?> map = (MapTypeInfo<?, ?>) type;
            String k = sqlTypeOf(map.getKeyTypeInfo());
            String v = sqlTypeOf(map.getValueTypeInfo());
            return k == null || v == null ? null : "MAP<" + k + ", " + v + ">";
        }
        return sqlTypeOf((Type) type.getTypeClass());
    }

    /** The SQL type of values of the Java type {@code type} (a field's generic type), or null (RAW values). */
    static String sqlTypeOf(Type type) {
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Type raw = p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw instanceof Class && Collection.class.isAssignableFrom((Class<?>) raw)
                    && List.class.isAssignableFrom((Class<?>) raw)) {
                String element = sqlTypeOf(args[0]);
                return element == null ? null : "ARRAY<" + element + ">";
            }
            if (raw instanceof Class && Map.class.isAssignableFrom((Class<?>) raw)) {
                String k = sqlTypeOf(args[0]);
                String v = sqlTypeOf(args[1]);
                return k == null || v == null ? null : "MAP<" + k + ", " + v + ">";
            }
            if (raw instanceof Class && Tuple.class.isAssignableFrom((Class<?>) raw)) {
                return tupleSqlType(args);
            }
            return null;
        }
        if (!(type instanceof Class)) {
            return null;
        }
        Class<?> c = (Class<?>) type;
        if (Tuple.class.isAssignableFrom(c)) {
            Type[] args = tupleTypeArguments(c);
            return args == null ? null : tupleSqlType(args);
        }
        String basic = StreamColumns.sqlTypeOf(c);
        if (basic != null) {
            return basic;
        }
        if (c.isArray()) {
            String element = sqlTypeOf(c.getComponentType());
            return element == null ? null : "ARRAY<" + element + ">";
        }
        if (isPojo(c)) {
            List<String> fields = new ArrayList<>();
            for (Field f : StreamColumns.pojoFields(c)) {
                String t = sqlTypeOf(f.getGenericType());
                if (t == null) {
                    return null;
                }
                fields.add(quote(f.getName()) + " " + t);
            }
            return fields.isEmpty() ? null : "ROW<" + String.join(", ", fields) + ">";
        }
        return null;
    }

    /** {@code ROW<f0 T0, f1 T1, ...>} of a tuple with field types {@code args}, or null. */
    private static String tupleSqlType(Type[] args) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String t = sqlTypeOf(args[i]);
            if (t == null) {
                return null;
            }
            fields.add(quote("f" + i) + " " + t);
        }
        return "ROW<" + String.join(", ", fields) + ">";
    }

    /**
     * The field types of a tuple class that fixes them (e.g. {@code class Pair extends Tuple2<String, Integer>}), or
     * null when they are type variables.
     */
    private static Type[] tupleTypeArguments(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            Type sup = k.getGenericSuperclass();
            if (sup instanceof ParameterizedType && ((ParameterizedType) sup).getRawType() instanceof Class
                    && ((Class<?>) ((ParameterizedType) sup).getRawType()).getName()
                            .startsWith(Tuple.class.getPackageName() + ".Tuple")) {
                Type[] args = ((ParameterizedType) sup).getActualTypeArguments();
                for (Type a : args) {
                    if (!(a instanceof Class) && !(a instanceof ParameterizedType)) {
                        return null;
                    }
                }
                return args;
            }
        }
        return null;
    }

    private static boolean isPojo(Class<?> c) {
        return PojoTypeInfo.isPojo(c) && !Row.class.isAssignableFrom(c) && !Tuple.class.isAssignableFrom(c) && !Collection.class.isAssignableFrom(c)
                && !Map.class.isAssignableFrom(c) && !c.getName().startsWith("java.");
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A stream value as the table holds it: POJOs as Rows, primitive arrays boxed, nested values converted. */
    static Object toTable(Object value) throws IllegalAccessException {
        if (value == null || StreamColumns.sqlTypeOf(value.getClass()) != null || value instanceof Row) {
            return value;
        }
        if (value instanceof Tuple) {
            Tuple tuple = (Tuple) value;
            Object[] values = new Object[tuple.getArity()];
            for (int i = 0; i < values.length; i++) {
                values[i] = toTable(tuple.getField(i));
            }
            return Row.of(values);
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = toTable(Array.get(value, i));
            }
            return out;
        }
        if (value instanceof Collection) {
            List<Object> out = new ArrayList<>();
            for (Object e : (Collection<?>) value) {
                out.add(toTable(e));
            }
            return out;
        }
        if (value instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.put(toTable(e.getKey()), toTable(e.getValue()));
            }
            return out;
        }
        if (isPojo(value.getClass())) {
            List<Field> fields = StreamColumns.pojoFields(value.getClass());
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = toTable(fields.get(i).get(value));
            }
            return Row.of(values);
        }
        return value;
    }

    /** A ROW value as a tuple of class {@code c} (a TupleN or a subclass) with field types {@code args}. */
    private static Tuple toTuple(Row row, Class<?> c, Type[] args) throws ReflectiveOperationException {
        Tuple tuple = (Tuple) c.getConstructor().newInstance();
        for (int i = 0; i < tuple.getArity(); i++) {
            Object v = row.getField(i);
            tuple.setField(args[i] == null ? v : toStream(v, args[i]), i);
        }
        return tuple;
    }

    /** A table value as a value of the Java type {@code target} (a POJO field's generic type). */
    static Object toStream(Object value, Type target) throws ReflectiveOperationException {
        if (value == null) {
            return null;
        }
        if (target instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) target;
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                List<Object> out = new ArrayList<>();
                for (Object e : value.getClass().isArray() ? (Object[]) value : ((Collection<?>) value).toArray()) {
                    out.add(toStream(e, args[0]));
                }
                return out;
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    out.put(toStream(e.getKey(), args[0]), toStream(e.getValue(), args[1]));
                }
                return out;
            }
            if (Tuple.class.isAssignableFrom(raw) && value instanceof Row) {
                return toTuple((Row) value, raw, args);
            }
            return value;
        }
        if (!(target instanceof Class)) {
            return value;
        }
        Class<?> c = (Class<?>) target;
        if (Tuple.class.isAssignableFrom(c) && value instanceof Row) {
            Type[] args = tupleTypeArguments(c);
            return toTuple((Row) value, c, args == null ? new Type[((Row) value).getArity()] : args);
        }
        if (c.isArray() && c != byte[].class && value instanceof Object[]) {
            Object[] in = (Object[]) value;
            Object out = Array.newInstance(c.getComponentType(), in.length);
            for (int i = 0; i < in.length; i++) {
                Array.set(out, i, toStream(in[i], c.getComponentType()));
            }
            return out;
        }
        if (value instanceof Row && isPojo(c)) {
            Row row = (Row) value;
            Object pojo = c.getConstructor().newInstance();
            List<Field> fields = StreamColumns.pojoFields(c);
            for (int i = 0; i < fields.size(); i++) {
                Object v = toStream(row.getField(i), fields.get(i).getGenericType());
                if (v != null || !fields.get(i).getType().isPrimitive()) {
                    fields.get(i).set(pojo, v);
                }
            }
            return pojo;
        }
        return value;
    }
}
