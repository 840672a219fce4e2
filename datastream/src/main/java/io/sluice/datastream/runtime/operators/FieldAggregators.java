package io.sluice.datastream.runtime.operators;

import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.datastream.types.PojoFields;
import io.sluice.types.Row;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The reduce functions behind {@code sum/min/max/minBy/maxBy} on a field: a tuple or row position, a POJO field
 * name, or position 0 of a stream of basic values. {@code sum}, {@code min} and {@code max} keep the other fields
 * of the first record of the key and update only the aggregated field; {@code minBy} and {@code maxBy} keep the
 * whole record holding the extreme value (the first one on ties).
 */
public final class FieldAggregators {
    private FieldAggregators() {
    }

    /** Which field to aggregate. */
    public static final class FieldRef implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int position;
        private final String name;

        private FieldRef(int position, String name) {
            this.position = position;
            this.name = name;
        }

        public static FieldRef position(int position) {
            if (position < 0) {
                throw new IndexOutOfBoundsException("Invalid field position " + position);
            }
            return new FieldRef(position, null);
        }

        public static FieldRef name(String name) {
            return new FieldRef(-1, name);
        }

        Object get(Object record) {
            if (name != null) {
                if (record instanceof Tuple && name.matches("f[0-9]+")) {
                    return ((Tuple) record).getField(Integer.parseInt(name.substring(1)));
                }
                if (name.equals("*") && !(record instanceof Tuple) && !(record instanceof Row)) {
                    return record;
                }
                try {
                    return pojoField(record).get(record);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (record instanceof Tuple) {
                return ((Tuple) record).getField(position);
            }
            if (record instanceof Row) {
                return ((Row) record).getField(position);
            }
            if (position == 0) {
                return record;
            }
            throw new IllegalArgumentException("Cannot aggregate field " + position + " of a "
                    + record.getClass().getSimpleName() + "; use a field name for POJOs");
        }

        /** A copy of {@code record} with the field set to {@code value}. */
        Object with(Object record, Object value) {
            if (name != null && !(record instanceof Tuple && name.matches("f[0-9]+"))) {
                if (name.equals("*")) {
                    return value;
                }
                Object copy = Copies.of(record);
                try {
                    pojoField(copy).set(copy, value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                return copy;
            }
            int pos = name != null ? Integer.parseInt(name.substring(1)) : position;
            if (record instanceof Tuple) {
                Tuple t = ((Tuple) record).copy();
                t.setField(value, pos);
                return t;
            }
            if (record instanceof Row) {
                Row r = (Row) record;
                Row copy = new Row(r.getKind(), r.getArity());
                for (int i = 0; i < r.getArity(); i++) {
                    copy.setField(i, r.getField(i));
                }
                copy.setField(pos, value);
                return copy;
            }
            return value;
        }

        private Field pojoField(Object record) {
            for (Field f : PojoFields.of(record.getClass())) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("Field '" + name + "' does not exist in "
                    + record.getClass().getName());
        }

        @Override
        public String toString() {
            return name != null ? name : String.valueOf(position);
        }
    }

    /** Deep copies through the record serializer. */
    static final class Copies {
        private Copies() {
        }

        static Object of(Object record) {
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                io.sluice.datastream.types.DynamicSerializer.instance().serialize(record,
                        new java.io.DataOutputStream(bytes));
                return io.sluice.datastream.types.DynamicSerializer.instance().deserialize(
                        new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot copy " + record.getClass().getName(), e);
            }
        }
    }

    public static ReduceFunction<Object> sum(FieldRef field) {
        return (a, b) -> field.with(a, add(field.get(a), field.get(b)));
    }

    public static ReduceFunction<Object> min(FieldRef field) {
        return (a, b) -> compare(field.get(b), field.get(a)) < 0 ? field.with(a, field.get(b)) : a;
    }

    public static ReduceFunction<Object> max(FieldRef field) {
        return (a, b) -> compare(field.get(b), field.get(a)) > 0 ? field.with(a, field.get(b)) : a;
    }

    public static ReduceFunction<Object> minBy(FieldRef field, boolean first) {
        return (a, b) -> {
            int c = compare(field.get(b), field.get(a));
            return c < 0 || (c == 0 && !first) ? b : a;
        };
    }

    public static ReduceFunction<Object> maxBy(FieldRef field, boolean first) {
        return (a, b) -> {
            int c = compare(field.get(b), field.get(a));
            return c > 0 || (c == 0 && !first) ? b : a;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return ((Comparable) x).compareTo(y);
    }

    static Object add(Object x, Object y) {
        if (x == null) {
            return y;
        }
        if (y == null) {
            return x;
        }
        if (x instanceof Integer) {
            return (Integer) x + ((Number) y).intValue();
        } else if (x instanceof Long) {
            return (Long) x + ((Number) y).longValue();
        } else if (x instanceof Double) {
            return (Double) x + ((Number) y).doubleValue();
        } else if (x instanceof Float) {
            return (Float) x + ((Number) y).floatValue();
        } else if (x instanceof Short) {
            return (short) ((Short) x + ((Number) y).shortValue());
        } else if (x instanceof Byte) {
            return (byte) ((Byte) x + ((Number) y).byteValue());
        } else if (x instanceof BigDecimal) {
            return ((BigDecimal) x).add((BigDecimal) y);
        } else if (x instanceof BigInteger) {
            return ((BigInteger) x).add((BigInteger) y);
        }
        throw new UnsupportedOperationException("Cannot sum values of type " + x.getClass().getName());
    }
}
