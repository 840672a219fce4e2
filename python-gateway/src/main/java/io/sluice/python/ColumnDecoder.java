package io.sluice.python;

import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Decodes one column sent by Python in {@link ColumnKind}'s layout into Java values (null where not valid). */
public final class ColumnDecoder {
    private ColumnDecoder() {
    }

    /** Number of buffers a column of this type takes. */
    public static int bufferCount(LogicalType type) {
        return ColumnKind.of(type).variableWidth() ? 3 : 2;
    }

    public static Object[] decode(LogicalType type, int n, List<byte[]> buffers) {
        ColumnKind kind = ColumnKind.of(type);
        byte[] valid = buffers.get(0);
        Object[] out = new Object[n];
        if (kind.variableWidth()) {
            ByteBuffer offsets = ByteBuffer.wrap(buffers.get(1)).order(ByteOrder.LITTLE_ENDIAN);
            byte[] data = buffers.get(2);
            for (int i = 0; i < n; i++) {
                if (valid[i] == 0) {
                    continue;
                }
                int from = offsets.getInt(4 * i);
                int to = offsets.getInt(4 * (i + 1));
                if (kind == ColumnKind.NESTED) {
                    out[i] = NestedCodec.decode(data, from, to - from, type);
                } else if (kind == ColumnKind.BYTES) {
                    out[i] = Arrays.copyOfRange(data, from, to);
                } else {
                    String s = new String(data, from, to - from, StandardCharsets.UTF_8);
                    out[i] = kind == ColumnKind.DECIMAL
                            ? new BigDecimal(s).setScale(type.scale(), java.math.RoundingMode.HALF_UP) : s;
                }
            }
            return out;
        }
        ByteBuffer v = ByteBuffer.wrap(buffers.get(1)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if (valid[i] == 0) {
                continue;
            }
            out[i] = value(kind, v, i);
        }
        return out;
    }

    private static Object value(ColumnKind kind, ByteBuffer v, int i) {
        int at = i * kind.width;
        switch (kind) {
            case BOOL: return v.get(at) != 0;
            case I8: return v.get(at);
            case I16: return v.getShort(at);
            case I32: return v.getInt(at);
            case I64: return v.getLong(at);
            case F32: return v.getFloat(at);
            case F64: return v.getDouble(at);
            case DATE: return LocalDate.ofEpochDay(v.getInt(at));
            case TIME: return LocalTime.ofNanoOfDay(v.getLong(at));
            case TS: return LocalDateTime.ofInstant(instant(v.getLong(at)), ZoneOffset.UTC);
            case LTZ: return instant(v.getLong(at));
            default: throw new IllegalStateException("not a fixed-width kind: " + kind);
        }
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
