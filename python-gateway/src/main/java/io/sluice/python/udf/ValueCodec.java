package io.sluice.python.udf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The tagged binary form of single values exchanged with a Python worker (big-endian): a tag byte, then the value.
 * Tags: 0 NULL, 1 boolean, 2 int64, 3 float64, 4 UTF-8 string, 5 decimal text, 6 date (int32 epoch day),
 * 7 timestamp (int64 microseconds, wall clock as UTC), 8 time (int64 nanoseconds of the day), 9 bytes,
 * 10 instant (int64 microseconds since the epoch); 11 array, 12 map and 13 row, as {@link io.sluice.python.NestedCodec}
 * writes them.
 */
public final class ValueCodec {
    private ValueCodec() {
    }

    /** Writes {@code v} tagged; arrays, lists, maps and rows as {@link io.sluice.python.NestedCodec} does. */
    public static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(0);
        } else if (v instanceof Boolean) {
            out.writeByte(1);
            out.writeBoolean((Boolean) v);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.writeByte(2);
            out.writeLong(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            out.writeByte(3);
            out.writeDouble(((Number) v).doubleValue());
        } else if (v instanceof String) {
            out.writeByte(4);
            bytes(out, ((String) v).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof BigDecimal) {
            out.writeByte(5);
            bytes(out, ((BigDecimal) v).toPlainString().getBytes(StandardCharsets.US_ASCII));
        } else if (v instanceof LocalDate) {
            out.writeByte(6);
            out.writeInt((int) ((LocalDate) v).toEpochDay());
        } else if (v instanceof LocalDateTime) {
            out.writeByte(7);
            out.writeLong(micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
        } else if (v instanceof LocalTime) {
            out.writeByte(8);
            out.writeLong(((LocalTime) v).toNanoOfDay());
        } else if (v instanceof byte[]) {
            out.writeByte(9);
            bytes(out, (byte[]) v);
        } else if (v instanceof Instant) {
            out.writeByte(10);
            out.writeLong(micros((Instant) v));
        } else if (io.sluice.python.NestedCodec.isNested(v)) {
            io.sluice.python.NestedCodec.write(out, v, null);
        } else {
            out.writeByte(4);
            bytes(out, String.valueOf(v).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads a value and converts it to {@code target}, the Java class of the function's result. */
    public static Object read(DataInputStream in, Class<?> target) throws IOException {
        return read(in.readByte(), in, target);
    }

    /** Reads the value of a tag read already and converts it to {@code target}. */
    public static Object read(int tag, DataInputStream in, Class<?> target) throws IOException {
        switch (tag) {
            case 0: return null;
            case 1: return in.readBoolean();
            case 2: return fromLong(in.readLong(), target);
            case 3: return fromDouble(in.readDouble(), target);
            case 4: {
                String s = new String(readBytes(in), StandardCharsets.UTF_8);
                return target == BigDecimal.class ? new BigDecimal(s) : s;
            }
            case 5: {
                BigDecimal d = new BigDecimal(new String(readBytes(in), StandardCharsets.US_ASCII));
                return target == BigDecimal.class ? d : fromDouble(d.doubleValue(), target);
            }
            case 6: return LocalDate.ofEpochDay(in.readInt());
            case 7: return LocalDateTime.ofInstant(instant(in.readLong()), ZoneOffset.UTC);
            case 8: return LocalTime.ofNanoOfDay(in.readLong());
            case 9: return readBytes(in);
            case 10: {
                Instant i = instant(in.readLong());
                return target == LocalDateTime.class ? LocalDateTime.ofInstant(i, ZoneOffset.UTC) : i;
            }
            case io.sluice.python.NestedCodec.ARRAY:
            case io.sluice.python.NestedCodec.MAP:
            case io.sluice.python.NestedCodec.ROW:
                return io.sluice.python.NestedCodec.readNested(tag, in, null);
            default: throw new IOException("unknown value tag " + tag + " from the Python worker");
        }
    }

    private static Object fromLong(long v, Class<?> target) {
        if (target == Integer.class) {
            return (int) v;
        } else if (target == Short.class) {
            return (short) v;
        } else if (target == Byte.class) {
            return (byte) v;
        } else if (target == Double.class) {
            return (double) v;
        } else if (target == Float.class) {
            return (float) v;
        } else if (target == BigDecimal.class) {
            return BigDecimal.valueOf(v);
        } else if (target == String.class) {
            return Long.toString(v);
        }
        return v;
    }

    private static Object fromDouble(double v, Class<?> target) {
        if (Double.isNaN(v) && target != Double.class && target != Float.class) {
            return null;
        }
        if (target == Float.class) {
            return (float) v;
        } else if (target == Long.class) {
            return (long) v;
        } else if (target == Integer.class) {
            return (int) v;
        } else if (target == BigDecimal.class) {
            return BigDecimal.valueOf(v);
        } else if (target == String.class) {
            return Double.toString(v);
        }
        return v;
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    public static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
