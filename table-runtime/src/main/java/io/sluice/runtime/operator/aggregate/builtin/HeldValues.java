package io.sluice.runtime.operator.aggregate.builtin;

import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Helpers for aggregates that hold arbitrary external values (including ARRAY, MAP, MULTISET and ROW values) in
 * their accumulators: equality by content, and a serializable form for checkpoints ({@link Row} itself is not
 * {@link Serializable}).
 */
final class HeldValues {
    private HeldValues() {
    }

    /** Whether two external values are equal by content (arrays and rows element by element). */
    static boolean equal(Object a, Object b) {
        return Objects.deepEquals(a, b);
    }

    /** A hash code consistent with {@link #equal}. */
    static int hash(Object v) {
        return v == null ? 0 : Arrays.deepHashCode(new Object[] {v});
    }

    /** A serializable stand-in for {@code v} (rows, and rows inside arrays and maps, replaced). */
    static Object encode(Object v) {
        if (v instanceof Row) {
            Row row = (Row) v;
            Object[] fields = new Object[row.getArity()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = encode(row.getField(i));
            }
            return new RowForm(row.getKind().toByteValue(), fields);
        }
        if (v instanceof Object[]) {
            Object[] in = (Object[]) v;
            Object[] out = new Object[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = encode(in[i]);
            }
            return new ArrayForm(in.getClass().getComponentType().getName(), out);
        }
        if (v instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.put(encode(e.getKey()), encode(e.getValue()));
            }
            return new MapForm(out);
        }
        return v;
    }

    /** The external value {@link #encode} replaced. */
    static Object decode(Object v) {
        if (v instanceof RowForm) {
            RowForm f = (RowForm) v;
            Object[] fields = new Object[f.fields.length];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = decode(f.fields[i]);
            }
            return Row.ofKind(RowKind.fromByteValue(f.kind), fields);
        }
        if (v instanceof ArrayForm) {
            ArrayForm f = (ArrayForm) v;
            Object[] out;
            try {
                out = (Object[]) java.lang.reflect.Array.newInstance(Class.forName(f.componentClass, false,
                        HeldValues.class.getClassLoader()), f.elements.length);
            } catch (ClassNotFoundException e) {
                out = new Object[f.elements.length];
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = decode(f.elements[i]);
            }
            return out;
        }
        if (v instanceof MapForm) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : ((MapForm) v).entries.entrySet()) {
                out.put(decode(e.getKey()), decode(e.getValue()));
            }
            return out;
        }
        return v;
    }

    /** A value wrapped so that {@code equals}/{@code hashCode} compare content (usable as a hash key). */
    static final class Key {
        final Object value;

        Key(Object value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && equal(value, ((Key) o).value);
        }

        @Override
        public int hashCode() {
            return hash(value);
        }
    }

    private record RowForm(byte kind, Object[] fields) implements Serializable {
    }

    private record ArrayForm(String componentClass, Object[] elements) implements Serializable {
    }

    private record MapForm(Map<Object, Object> entries) implements Serializable {
    }
}
