package io.sluice.datastream.types;

import io.sluice.api.common.typeutils.TypeSerializer;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes a value of any supported class, writing a one-byte tag before it: boxed primitives, strings,
 * {@code BigDecimal}/{@code BigInteger}, tuples, {@link Row}s, POJOs (a class with a no-argument constructor: its
 * {@link PojoFields fields}), enums, arrays, common lists, sets and maps, {@code java.time} values, and as a last
 * resort any {@link Serializable} object through Java serialization. Used for records whose type is not a basic
 * one; equal values of the same class serialize to equal bytes (hash-based sets and maps aside).
 */
public final class DynamicSerializer extends TypeSerializer<Object> {
    private static final long serialVersionUID = 1L;
    private static final DynamicSerializer INSTANCE = new DynamicSerializer();
    private static final ConcurrentHashMap<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private static final byte NULL = 0;
    private static final byte INT = 1;
    private static final byte LONG = 2;
    private static final byte STRING = 3;
    private static final byte DOUBLE = 4;
    private static final byte FLOAT = 5;
    private static final byte BOOLEAN = 6;
    private static final byte SHORT = 7;
    private static final byte BYTE = 8;
    private static final byte CHAR = 9;
    private static final byte TUPLE = 10;
    private static final byte ROW = 11;
    private static final byte POJO = 12;
    private static final byte BYTES = 13;
    private static final byte DECIMAL = 14;
    private static final byte BIG_INTEGER = 15;
    private static final byte LIST = 16;
    private static final byte MAP = 17;
    private static final byte SET = 18;
    private static final byte ENUM = 19;
    private static final byte OBJECT_ARRAY = 20;
    private static final byte INSTANT = 21;
    private static final byte LOCAL_DATE_TIME = 22;
    private static final byte LOCAL_DATE = 23;
    private static final byte TUPLE_SUBCLASS = 24;
    private static final byte JAVA = 25;

    private DynamicSerializer() {
    }

    /** The shared instance (it keeps no per-use state). */
    @SuppressWarnings("unchecked")
    public static <T> TypeSerializer<T> instance() {
        return (TypeSerializer<T>) (TypeSerializer<?>) INSTANCE;
    }

    @Override
    public String identity() {
        return "dynamic";
    }

    @Override
    public void serialize(Object v, DataOutput out) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String) {
            out.writeByte(STRING);
            StateSerializers.writeBytes(((String) v).getBytes(StandardCharsets.UTF_8), out);
        } else if (v instanceof Integer) {
            out.writeByte(INT);
            out.writeInt((Integer) v);
        } else if (v instanceof Long) {
            out.writeByte(LONG);
            out.writeLong((Long) v);
        } else if (v instanceof Double) {
            out.writeByte(DOUBLE);
            out.writeDouble((Double) v);
        } else if (v instanceof Float) {
            out.writeByte(FLOAT);
            out.writeFloat((Float) v);
        } else if (v instanceof Boolean) {
            out.writeByte(BOOLEAN);
            out.writeBoolean((Boolean) v);
        } else if (v instanceof Short) {
            out.writeByte(SHORT);
            out.writeShort((Short) v);
        } else if (v instanceof Byte) {
            out.writeByte(BYTE);
            out.writeByte((Byte) v);
        } else if (v instanceof Character) {
            out.writeByte(CHAR);
            out.writeChar((Character) v);
        } else if (v instanceof Tuple) {
            writeTuple((Tuple) v, out);
        } else if (v instanceof Row) {
            Row row = (Row) v;
            out.writeByte(ROW);
            out.writeByte(row.getKind().ordinal());
            out.writeInt(row.getArity());
            for (int i = 0; i < row.getArity(); i++) {
                serialize(row.getField(i), out);
            }
        } else if (v instanceof byte[]) {
            out.writeByte(BYTES);
            StateSerializers.writeBytes((byte[]) v, out);
        } else if (v instanceof BigDecimal) {
            out.writeByte(DECIMAL);
            BasicSerializers.writeBigDecimal((BigDecimal) v, out);
        } else if (v instanceof BigInteger) {
            out.writeByte(BIG_INTEGER);
            StateSerializers.writeBytes(((BigInteger) v).toByteArray(), out);
        } else if (v instanceof Enum) {
            out.writeByte(ENUM);
            out.writeUTF(((Enum<?>) v).getDeclaringClass().getName());
            out.writeUTF(((Enum<?>) v).name());
        } else if (v instanceof java.time.Instant) {
            out.writeByte(INSTANT);
            out.writeLong(((java.time.Instant) v).getEpochSecond());
            out.writeInt(((java.time.Instant) v).getNano());
        } else if (v instanceof java.time.LocalDateTime) {
            java.time.LocalDateTime t = (java.time.LocalDateTime) v;
            out.writeByte(LOCAL_DATE_TIME);
            out.writeLong(t.toLocalDate().toEpochDay());
            out.writeLong(t.toLocalTime().toNanoOfDay());
        } else if (v instanceof java.time.LocalDate) {
            out.writeByte(LOCAL_DATE);
            out.writeLong(((java.time.LocalDate) v).toEpochDay());
        } else if (isPlain(v, ArrayList.class, LinkedList.class) || v.getClass().getName().startsWith("java.util.ImmutableCollections$List")) {
            out.writeByte(LIST);
            out.writeBoolean(v instanceof LinkedList);
            writeElements((Collection<?>) v, out);
        } else if (isPlain(v, HashSet.class, LinkedHashSet.class) || v.getClass().getName().startsWith("java.util.ImmutableCollections$Set")) {
            out.writeByte(SET);
            writeElements((Collection<?>) v, out);
        } else if (isPlain(v, HashMap.class, LinkedHashMap.class) || v.getClass().getName().startsWith("java.util.ImmutableCollections$Map")) {
            out.writeByte(MAP);
            Map<?, ?> m = (Map<?, ?>) v;
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                serialize(e.getKey(), out);
                serialize(e.getValue(), out);
            }
        } else if (v instanceof Object[]) {
            Object[] a = (Object[]) v;
            out.writeByte(OBJECT_ARRAY);
            out.writeUTF(a.getClass().getComponentType().getName());
            out.writeInt(a.length);
            for (Object o : a) {
                serialize(o, out);
            }
        } else if (isPojo(v.getClass())) {
            out.writeByte(POJO);
            out.writeUTF(v.getClass().getName());
            try {
                for (Field f : PojoFields.of(v.getClass())) {
                    serialize(f.get(v), out);
                }
            } catch (IllegalAccessException e) {
                throw new IOException("cannot read the fields of " + v.getClass().getName(), e);
            }
        } else if (v instanceof Serializable) {
            out.writeByte(JAVA);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
                o.writeObject(v);
            }
            StateSerializers.writeBytes(bytes.toByteArray(), out);
        } else {
            throw new IOException("Cannot serialize a record of class " + v.getClass().getName()
                    + ": it is neither a POJO (public class with a public no-argument constructor) nor Serializable");
        }
    }

    /** Whether a class is one of Sluice's Tuple0..Tuple25 (not a user's subclass); cached per class. */
    private static final ClassValue<Boolean> SLUICE_TUPLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            return c.getName().startsWith("io.sluice.api.java.tuple.Tuple") && c.getSuperclass() == Tuple.class;
        }
    };

    private void writeTuple(Tuple t, DataOutput out) throws IOException {
        if (SLUICE_TUPLE.get(t.getClass())) {
            out.writeByte(TUPLE);
        } else {
            out.writeByte(TUPLE_SUBCLASS);
            out.writeUTF(t.getClass().getName());
        }
        out.writeByte(t.getArity());
        for (int i = 0; i < t.getArity(); i++) {
            serialize(t.getField(i), out);
        }
    }

    private void writeElements(Collection<?> c, DataOutput out) throws IOException {
        out.writeInt(c.size());
        for (Object o : c) {
            serialize(o, out);
        }
    }

    private static boolean isPlain(Object v, Class<?> a, Class<?> b) {
        return v.getClass() == a || v.getClass() == b;
    }

    private static final ConcurrentHashMap<Class<?>, Boolean> POJOS = new ConcurrentHashMap<>();

    private static boolean isPojo(Class<?> c) {
        return POJOS.computeIfAbsent(c, k -> {
            if (k.isArray() || k.isInterface() || java.lang.reflect.Modifier.isAbstract(k.getModifiers())
                    || k.isSynthetic() || k.getName().startsWith("java.")) {
                return false;
            }
            try {
                k.getDeclaredConstructor();
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        });
    }

    @Override
    public Object deserialize(DataInput in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return io.sluice.datastream.runtime.RecordBytes.readString(in);
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case FLOAT:
                return in.readFloat();
            case BOOLEAN:
                return in.readBoolean();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case CHAR:
                return in.readChar();
            case TUPLE:
                return readTupleFields(Tuple.newInstance(in.readByte()), in);
            case TUPLE_SUBCLASS: {
                Tuple t = (Tuple) newInstance(classFor(in.readUTF()));
                in.readByte();
                return readTupleFields(t, in);
            }
            case ROW: {
                RowKind kind = RowKind.values()[in.readByte()];
                Row row = new Row(kind, in.readInt());
                for (int i = 0; i < row.getArity(); i++) {
                    row.setField(i, deserialize(in));
                }
                return row;
            }
            case BYTES:
                return StateSerializers.readBytes(in);
            case DECIMAL:
                return BasicSerializers.readBigDecimal(in);
            case BIG_INTEGER:
                return new BigInteger(StateSerializers.readBytes(in));
            case ENUM:
                return enumValue(classFor(in.readUTF()), in.readUTF());
            case INSTANT:
                return java.time.Instant.ofEpochSecond(in.readLong(), in.readInt());
            case LOCAL_DATE_TIME:
                return java.time.LocalDateTime.of(java.time.LocalDate.ofEpochDay(in.readLong()),
                        java.time.LocalTime.ofNanoOfDay(in.readLong()));
            case LOCAL_DATE:
                return java.time.LocalDate.ofEpochDay(in.readLong());
            case LIST: {
                boolean linked = in.readBoolean();
                int n = in.readInt();
                List<Object> list = linked ? new LinkedList<>() : new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(deserialize(in));
                }
                return list;
            }
            case SET: {
                int n = in.readInt();
                LinkedHashSet<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    set.add(deserialize(in));
                }
                return set;
            }
            case MAP: {
                int n = in.readInt();
                LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = deserialize(in);
                    map.put(k, deserialize(in));
                }
                return map;
            }
            case OBJECT_ARRAY: {
                Class<?> component = classFor(in.readUTF());
                Object[] a = (Object[]) java.lang.reflect.Array.newInstance(component, in.readInt());
                for (int i = 0; i < a.length; i++) {
                    a[i] = deserialize(in);
                }
                return a;
            }
            case POJO:
                return readPojo(classFor(in.readUTF()), in);
            case JAVA:
                try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(StateSerializers.readBytes(in))) {
                    @Override
                    protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException,
                            ClassNotFoundException {
                        return classFor(desc.getName());
                    }
                }) {
                    return o.readObject();
                } catch (ClassNotFoundException e) {
                    throw new IOException(e);
                }
            default:
                throw new IOException("Corrupt record: unknown type tag " + tag);
        }
    }

    private Tuple readTupleFields(Tuple t, DataInput in) throws IOException {
        for (int i = 0; i < t.getArity(); i++) {
            t.setField(deserialize(in), i);
        }
        return t;
    }

    private Object readPojo(Class<?> c, DataInput in) throws IOException {
        Object o = newInstance(c);
        try {
            for (Field f : PojoFields.of(c)) {
                f.set(o, deserialize(in));
            }
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new IOException("cannot set the fields of " + c.getName(), e);
        }
        return o;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> c, String name) {
        return Enum.valueOf((Class) c, name);
    }

    private static Object newInstance(Class<?> c) throws IOException {
        try {
            Constructor<?> ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot create an instance of " + c.getName(), e);
        }
    }

    private static Class<?> classFor(String name) throws IOException {
        Class<?> c = CLASSES.get(name);
        if (c != null) {
            return c;
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            c = Class.forName(name, false, loader != null ? loader : DynamicSerializer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            try {
                c = Class.forName(name, false, DynamicSerializer.class.getClassLoader());
            } catch (ClassNotFoundException e2) {
                throw new IOException("Class of a record not found: " + name, e2);
            }
        }
        CLASSES.put(name, c);
        return c;
    }
}
