package io.sluice.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.codegen.udf.TypeStrings;
import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every column kind survives encoding and decoding, NULLs included. */
class ColumnCodecTest {
    private static void roundTrip(String type, Object... values) {
        LogicalType t = TypeStrings.parseType(type);
        List<byte[]> buffers = ColumnEncoder.encode(ColumnKind.of(t), values.length, i -> values[i]);
        assertEquals(ColumnDecoder.bufferCount(t), buffers.size(), type);
        Object[] back = ColumnDecoder.decode(t, values.length, buffers);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof byte[]) {
                assertArrayEquals((byte[]) values[i], (byte[]) back[i], type);
            } else {
                assertEquals(values[i], back[i], type + " row " + i);
            }
        }
    }

    @Test
    void everyKindRoundTrips() {
        roundTrip("BOOLEAN", true, null, false);
        roundTrip("TINYINT", (byte) -3, null);
        roundTrip("SMALLINT", (short) 300, null);
        roundTrip("INT", 1, null, Integer.MIN_VALUE);
        roundTrip("BIGINT", Long.MAX_VALUE, null, -1L);
        roundTrip("FLOAT", 1.5f, null);
        roundTrip("DOUBLE", 2.25, null, Double.NaN);
        roundTrip("DECIMAL(10, 2)", new BigDecimal("12.34"), null, new BigDecimal("-0.50"));
        roundTrip("STRING", "a", null, "", "ü€");
        roundTrip("BYTES", new byte[] {1, 2}, null);
        roundTrip("DATE", LocalDate.of(2024, 2, 29), null, LocalDate.of(1969, 12, 31));
        roundTrip("TIME(3)", LocalTime.of(12, 34, 56, 789_000_000), null);
        roundTrip("TIMESTAMP(6)", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_456_000), null,
                LocalDateTime.of(1960, 5, 6, 7, 8, 9));
        roundTrip("TIMESTAMP_LTZ(6)", Instant.parse("2024-01-01T10:00:00.5Z"), null);
    }

    @Test
    void emptyColumns() {
        roundTrip("STRING");
        roundTrip("BIGINT");
    }
}
