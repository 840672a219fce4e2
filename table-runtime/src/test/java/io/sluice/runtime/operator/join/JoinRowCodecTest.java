package io.sluice.runtime.operator.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.data.ColumnVectors;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The join state's row bytes: the same as {@link StateWriter#writeValue} lays out, and decoded back. */
class JoinRowCodecTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    private static final RowType COMMON = new RowType(
            List.of("b", "i", "t", "d", "f", "flag", "s", "bin", "day", "ts", "ltz"),
            List.of(LogicalType.bigint(), LogicalType.integer(), LogicalType.tinyint(), LogicalType.doubleType(),
                    LogicalType.floatType(), LogicalType.booleanType(), LogicalType.string(), LogicalType.bytes(),
                    LogicalType.date(), LogicalType.timestamp(3), LogicalType.timestampLtz(6)));

    private static final Object[][] ROWS = {
        {-5L, 7, (byte) -3, 2.5, 1.25f, true, "héllo", new byte[] {1, 2}, LocalDate.of(2026, 1, 2),
            LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_000_000), Instant.ofEpochSecond(-100, 456_000)},
        {null, null, null, null, null, null, null, null, null, null, null},
        {Long.MAX_VALUE, Integer.MIN_VALUE, (byte) 127, Double.NaN, -0.0f, false, "", new byte[0],
            LocalDate.of(1969, 12, 31), LocalDateTime.of(1960, 5, 5, 0, 0), Instant.EPOCH},
    };

    @Test
    void commonTypesAreWrittenAsTheStateWriterDoesAndReadBack() throws Exception {
        roundTrip(COMMON, ROWS);
    }

    @Test
    void otherTypesTakeTheGeneralPath() throws Exception {
        RowType type = new RowType(List.of("k", "amount"), List.of(LogicalType.bigint(), LogicalType.decimal(10, 2)));
        roundTrip(type, new Object[][] {{1L, new BigDecimal("12.50")}, {null, null}, {2L, new BigDecimal("-0.01")}});
    }

    private void roundTrip(RowType type, Object[][] rows) throws Exception {
        FieldVector[] in = ColumnVectors.allocateNullable(type, allocator, rows.length);
        FieldVector[] out = ColumnVectors.allocateNullable(type, allocator, 1);
        try {
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < type.size(); c++) {
                    VectorValues.set(type.type(c), in[c], r, rows[r][c]);
                }
            }
            for (FieldVector v : in) {
                v.setValueCount(rows.length);
            }
            JoinRowCodec codec = JoinRowCodec.allColumns(type);
            for (int r = 0; r < rows.length; r++) {
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                StateWriter writer = new StateWriter(expected);
                for (int c = 0; c < type.size(); c++) {
                    writer.writeValue(type.type(c), VectorValues.get(type.type(c), in[c], r));
                }
                writer.flush();
                byte[] encoded = codec.encode(in, r);
                assertArrayEquals(expected.toByteArray(), encoded, "row " + r);
                codec.decodeInto(encoded, out, r);
            }
            for (FieldVector v : out) {
                v.setValueCount(rows.length);
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < type.size(); c++) {
                    Object expected = VectorValues.get(type.type(c), in[c], r);
                    Object actual = VectorValues.get(type.type(c), out[c], r);
                    if (expected instanceof byte[]) {
                        assertArrayEquals((byte[]) expected, (byte[]) actual);
                    } else {
                        assertEquals(expected, actual, "row " + r + " column " + type.name(c));
                    }
                }
            }
        } finally {
            ColumnVectors.closeAll(in);
            ColumnVectors.closeAll(out);
        }
    }
}
