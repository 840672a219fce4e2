package io.sluice.python.datastream;

import io.sluice.api.java.tuple.Tuple;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of the Python DataStream API on the wire between the engine and Python: one tag byte, then the value.
 * Python encodes a function's results by their declared type information (a Python object without one is pickled
 * and stays opaque bytes in the engine); the engine writes what it holds by its Java class. Tags: 0 null, 1 boolean,
 * 2 int, 3 long, 4 float, 5 double, 6 string (int32 length, UTF-8), 7 bytes, 8 row (kind byte, int16 arity, fields),
 * 9 tuple (int16 arity, fields), 10 list (int32 size, elements), 11 map (int32 size, keys and values), 12 decimal
 * (as text), 13 short, 14 byte, 15 date (int32 days), 16 timestamp (int64 microseconds), 17 instant (microseconds),
 * 18 time (int64 microseconds of the day).
 */
public final class RecordCodec {
    private RecordCodec() {
    }

    public static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(0);
        } else if (v instanceof Boolean) {
            out.writeByte(1);
            out.writeBoolean((Boolean) v);
        } else if (v instanceof Integer) {
            out.writeByte(2);
            out.writeInt((Integer) v);
        } else if (v instanceof Long) {
            out.writeByte(3);
            out.writeLong((Long) v);
        } else if (v instanceof Float) {
            out.writeByte(4);
            out.writeFloat((Float) v);
        } else if (v instanceof Double) {
            out.writeByte(5);
            out.writeDouble((Double) v);
        } else if (v instanceof String) {
            out.writeByte(6);
            writeString(out, (String) v);
        } else if (v instanceof byte[]) {
            out.writeByte(7);
            writeBytes(out, (byte[]) v);
        } else if (v instanceof Row) {
            Row r = (Row) v;
            out.writeByte(8);
            out.writeByte(r.getKind().ordinal());
            out.writeShort(r.getArity());
            for (int i = 0; i < r.getArity(); i++) {
                write(out, r.getField(i));
            }
        } else if (v instanceof Tuple) {
            Tuple t = (Tuple) v;
            out.writeByte(9);
            out.writeShort(t.getArity());
            for (int i = 0; i < t.getArity(); i++) {
                write(out, t.getField(i));
            }
        } else if (v instanceof List) {
            List<?> l = (List<?>) v;
            out.writeByte(10);
            out.writeInt(l.size());
            for (Object e : l) {
                write(out, e);
            }
        } else if (v instanceof Object[]) {
            Object[] l = (Object[]) v;
            out.writeByte(10);
            out.writeInt(l.length);
            for (Object e : l) {
                write(out, e);
            }
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            out.writeByte(11);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (v instanceof BigDecimal) {
            out.writeByte(12);
            writeString(out, ((BigDecimal) v).toPlainString());
        } else if (v instanceof Short) {
            out.writeByte(13);
            out.writeShort((Short) v);
        } else if (v instanceof Byte) {
            out.writeByte(14);
            out.writeByte((Byte) v);
        } else if (v instanceof LocalDate) {
            out.writeByte(15);
            out.writeInt((int) ((LocalDate) v).toEpochDay());
        } else if (v instanceof LocalDateTime) {
            out.writeByte(16);
            out.writeLong(micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
        } else if (v instanceof LocalTime) {
            out.writeByte(18);
            out.writeLong(((LocalTime) v).toNanoOfDay() / 1000);
        } else if (v instanceof Instant) {
            out.writeByte(17);
            out.writeLong(micros((Instant) v));
        } else {
            throw new IllegalArgumentException("A record of class " + v.getClass().getName()
                    + " cannot be passed to Python");
        }
    }

    private static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    public static Object read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case 0:
                return null;
            case 1:
                return in.readBoolean();
            case 2:
                return in.readInt();
            case 3:
                return in.readLong();
            case 4:
                return in.readFloat();
            case 5:
                return in.readDouble();
            case 6:
                return readString(in);
            case 7:
                return readBytes(in);
            case 8: {
                RowKind kind = RowKind.values()[in.readByte()];
                int arity = in.readShort();
                Row r = new Row(kind, arity);
                for (int i = 0; i < arity; i++) {
                    r.setField(i, read(in));
                }
                return r;
            }
            case 9: {
                int arity = in.readShort();
                Tuple t = Tuple.newInstance(arity);
                for (int i = 0; i < arity; i++) {
                    t.setField(read(in), i);
                }
                return t;
            }
            case 10: {
                int n = in.readInt();
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(read(in));
                }
                return l;
            }
            case 11: {
                int n = in.readInt();
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = read(in);
                    m.put(k, read(in));
                }
                return m;
            }
            case 12:
                return new BigDecimal(readString(in));
            case 13:
                return in.readShort();
            case 14:
                return in.readByte();
            case 15:
                return LocalDate.ofEpochDay(in.readInt());
            case 16:
                return LocalDateTime.ofInstant(instant(in.readLong()), ZoneOffset.UTC);
            case 17:
                return instant(in.readLong());
            case 18:
                return LocalTime.ofNanoOfDay(in.readLong() * 1000);
            default:
                throw new IOException("unknown record tag " + tag + " from Python");
        }
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    public static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    public static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    public static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
