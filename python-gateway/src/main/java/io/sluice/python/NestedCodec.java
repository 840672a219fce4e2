package io.sluice.python;

import io.sluice.python.udf.ValueCodec;
import io.sluice.runtime.data.ConstructedValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tagged binary form of ARRAY, MAP, MULTISET and ROW values exchanged with Python (the {@link ValueCodec} tags,
 * big-endian): {@code 11} an array (int32 length, then each element tagged), {@code 12} a map (int32 size, then each
 * key and value tagged; a MULTISET is the map of each element to its count), {@code 13} a row (int32 arity, a byte
 * 1 when field names follow, the names as int32 length plus UTF-8, then each field tagged). Read with the SQL type,
 * values become the external classes of the engine ({@link ConstructedValues}): {@code Integer[]}, {@code Map},
 * {@link Row}; a column of such values travels as one variable-width column of these encodings
 * ({@link ColumnKind#NESTED}).
 */
public final class NestedCodec {
    /** Tag of an array. */
    public static final int ARRAY = 11;
    /** Tag of a map (or multiset). */
    public static final int MAP = 12;
    /** Tag of a row. */
    public static final int ROW = 13;

    private NestedCodec() {
    }

    /** Whether {@code v} is a value this codec writes (an array other than bytes, a list, a map or a row). */
    public static boolean isNested(Object v) {
        return v instanceof Object[] || v instanceof List || v instanceof Map || v instanceof Row;
    }

    /** The encoding of {@code v} (of SQL type {@code type}, null when unknown). */
    public static byte[] encode(Object v, LogicalType type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try {
            write(new DataOutputStream(bytes), v, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes one encoded value as SQL type {@code type}. */
    public static Object decode(byte[] data, int from, int length, LogicalType type) {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(data, from, length)), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code v} tagged; {@code type} (may be null) names the fields of rows. */
    public static void write(DataOutputStream out, Object v, LogicalType type) throws IOException {
        if (v instanceof Object[] || v instanceof List) {
            List<?> list = v instanceof List ? (List<?>) v : java.util.Arrays.asList((Object[]) v);
            LogicalType element = child(type, TypeRoot.ARRAY, 0);
            out.writeByte(ARRAY);
            out.writeInt(list.size());
            for (Object e : list) {
                write(out, e, element);
            }
        } else if (v instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) v;
            boolean multiset = type != null && type.root() == TypeRoot.MULTISET;
            LogicalType key = multiset ? type.elementType() : child(type, TypeRoot.MAP, 0);
            LogicalType value = multiset ? null : child(type, TypeRoot.MAP, 1);
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey(), key);
                write(out, e.getValue(), value);
            }
        } else if (v instanceof Row) {
            Row row = (Row) v;
            boolean named = type != null && type.root() == TypeRoot.ROW && type.fieldNames().size() == row.getArity();
            out.writeByte(ROW);
            out.writeInt(row.getArity());
            out.writeByte(named ? 1 : 0);
            if (named) {
                for (String name : type.fieldNames()) {
                    byte[] b = name.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            for (int i = 0; i < row.getArity(); i++) {
                write(out, row.getField(i), named ? type.children().get(i) : null);
            }
        } else {
            ValueCodec.write(out, v);
        }
    }

    private static LogicalType child(LogicalType type, TypeRoot root, int i) {
        return type != null && type.root() == root ? type.children().get(i) : null;
    }

    /** Reads a tagged value as SQL type {@code type} (null: as the tags say). */
    public static Object read(DataInputStream in, LogicalType type) throws IOException {
        int tag = in.readByte();
        if (tag == ARRAY || tag == MAP || tag == ROW) {
            return readNested(tag, in, type);
        }
        Class<?> target = type == null ? Object.class : ConstructedValues.externalClass(type);
        Object v = ValueCodec.read(tag, in, target);
        if (v instanceof java.math.BigDecimal && type != null && type.root() == TypeRoot.DECIMAL) {
            return ((java.math.BigDecimal) v).setScale(type.scale(), java.math.RoundingMode.HALF_UP);
        }
        return v;
    }

    /** Reads the rest of a value whose nested tag was read already. */
    public static Object readNested(int tag, DataInputStream in, LogicalType type) throws IOException {
        int n = in.readInt();
        switch (tag) {
            case ARRAY: {
                LogicalType element = type != null && (type.root() == TypeRoot.ARRAY) ? type.elementType() : null;
                if (type != null && type.root() != TypeRoot.ARRAY) {
                    throw new IOException("a list from Python where " + type.typeName() + " was expected");
                }
                Object[] out = element == null ? new Object[n] : ConstructedValues.newArray(element, n);
                for (int i = 0; i < n; i++) {
                    out[i] = read(in, element);
                }
                return out;
            }
            case MAP: {
                boolean multiset = type != null && type.root() == TypeRoot.MULTISET;
                if (type != null && !multiset && type.root() != TypeRoot.MAP) {
                    throw new IOException("a dict from Python where " + type.typeName() + " was expected");
                }
                LogicalType key = type == null ? null : multiset ? type.elementType() : type.keyType();
                LogicalType value = type == null ? null : multiset ? LogicalType.integer() : type.valueType();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = read(in, key);
                    map.put(k, read(in, value));
                }
                return map;
            }
            case ROW: {
                if (type != null && type.root() != TypeRoot.ROW) {
                    throw new IOException("a row from Python where " + type.typeName() + " was expected");
                }
                if (in.readByte() != 0) {
                    for (int i = 0; i < n; i++) {
                        in.skipNBytes(in.readInt());
                    }
                }
                if (type != null && type.children().size() != n) {
                    throw new IOException("a row of " + n + " fields from Python where " + type.typeName()
                            + " was expected");
                }
                Row row = new Row(n);
                for (int i = 0; i < n; i++) {
                    row.setField(i, read(in, type == null ? null : type.children().get(i)));
                }
                return row;
            }
            default:
                throw new IOException("unknown value tag " + tag + " from Python");
        }
    }
}
