package io.sluice.python;

import io.sluice.runtime.types.LogicalType;
import io.sluice.types.Row;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes rows column by column into the buffers described by {@link ColumnKind}: for each column a validity
 * buffer, then a values buffer (fixed width) or an offsets and a data buffer (variable width). The Python side reads
 * each buffer with {@code numpy.frombuffer} without a per-value step for numbers and temporal values.
 */
public final class ColumnEncoder {
    private ColumnEncoder() {
    }

    /** The buffers of row kinds (one byte per row, {@code RowKind.toByteValue()}). */
    static byte[] rowKinds(List<Row> rows) {
        byte[] kinds = new byte[rows.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = rows.get(i).getKind().toByteValue();
        }
        return kinds;
    }

    /** The buffers of column {@code c}. */
    static List<byte[]> encode(List<Row> rows, int c, LogicalType type) {
        return encode(ColumnKind.of(type), type, rows.size(), i -> rows.get(i).getField(c));
    }

    /** The buffers of {@code n} values of this kind; {@code value} gives the value of row i (null for NULL). */
    public static List<byte[]> encode(ColumnKind kind, int n, java.util.function.IntFunction<Object> value) {
        return encode(kind, null, n, value);
    }

    /**
     * As {@link #encode(ColumnKind, int, java.util.function.IntFunction)}; {@code type} (may be null) names the
     * fields of nested rows.
     */
    public static List<byte[]> encode(ColumnKind kind, LogicalType type, int n,
            java.util.function.IntFunction<Object> value) {
        byte[] valid = new byte[n];
        List<byte[]> out = new ArrayList<>();
        out.add(valid);
        if (kind.variableWidth()) {
            ByteBuffer offsets = ByteBuffer.allocate(4 * (n + 1)).order(ByteOrder.LITTLE_ENDIAN);
            ByteArrayOutputStream data = new ByteArrayOutputStream(Math.max(16, n * 8));
            offsets.putInt(0);
            for (int i = 0; i < n; i++) {
                Object v = value.apply(i);
                if (v != null) {
                    valid[i] = 1;
                    byte[] b = kind == ColumnKind.NESTED ? NestedCodec.encode(v, type) : bytesOf(kind, v);
                    data.write(b, 0, b.length);
                }
                offsets.putInt(data.size());
            }
            out.add(offsets.array());
            out.add(data.toByteArray());
            return out;
        }
        ByteBuffer values = ByteBuffer.allocate(kind.width * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            Object v = value.apply(i);
            if (v != null) {
                valid[i] = 1;
            }
            put(values, kind, v);
        }
        out.add(values.array());
        return out;
    }

    private static byte[] bytesOf(ColumnKind kind, Object v) {
        if (kind == ColumnKind.BYTES && v instanceof byte[]) {
            return (byte[]) v;
        }
        if (kind == ColumnKind.DECIMAL && v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString().getBytes(StandardCharsets.US_ASCII);
        }
        return String.valueOf(v).getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ByteBuffer b, ColumnKind kind, Object v) {
        switch (kind) {
            case BOOL:
                b.put(v != null && (Boolean) v ? (byte) 1 : 0);
                break;
            case I8:
                b.put(v == null ? 0 : ((Number) v).byteValue());
                break;
            case I16:
                b.putShort(v == null ? 0 : ((Number) v).shortValue());
                break;
            case I32:
                b.putInt(v == null ? 0 : ((Number) v).intValue());
                break;
            case I64:
                b.putLong(v == null ? 0 : ((Number) v).longValue());
                break;
            case F32:
                b.putFloat(v == null ? Float.NaN : ((Number) v).floatValue());
                break;
            case F64:
                b.putDouble(v == null ? Double.NaN : ((Number) v).doubleValue());
                break;
            case DATE:
                b.putInt(v == null ? 0 : (int) ((LocalDate) v).toEpochDay());
                break;
            case TIME:
                b.putLong(v == null ? 0 : ((LocalTime) v).toNanoOfDay());
                break;
            case TS:
                b.putLong(v == null ? 0 : micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
                break;
            case LTZ:
                b.putLong(v == null ? 0 : micros(v instanceof Instant ? (Instant) v
                        : ((java.time.temporal.TemporalAccessor) v).query(Instant::from)));
                break;
            default:
                throw new IllegalStateException("not a fixed-width kind: " + kind);
        }
    }

    static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }
}
