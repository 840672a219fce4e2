package io.sluice.runtime.state;

import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.runtime.data.ColumnVectors;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rows written by {@link StoredRowCodec} read back equal, for every column kind (fixed-width, variable-width,
 * booleans, nested types) and NULLs, also when read into other positions than they came from; equal rows give equal
 * bytes (they serve as state keys).
 */
class StoredRowCodecTest {
    private static final RowType TYPE = rowType("b", LogicalType.booleanType(), "t", LogicalType.tinyint(),
            "s", LogicalType.smallint(), "i", LogicalType.integer(), "l", LogicalType.bigint(),
            "f", LogicalType.floatType(), "d", LogicalType.doubleType(), "dec", LogicalType.decimal(20, 3),
            "str", LogicalType.string(), "bin", LogicalType.bytes(), "day", LogicalType.date(),
            "ts", LogicalType.timestamp(3), "ltz", LogicalType.timestampLtz(6),
            "arr", LogicalType.array(LogicalType.integer()),
            "m", LogicalType.map(LogicalType.string(), LogicalType.bigint()),
            "r", LogicalType.row(List.of("x", "y"), List.of(LogicalType.integer(), LogicalType.string())));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static Object[] full(int n) {
        return new Object[] {n % 2 == 0, n, 300 + n, -70000 + n, 1L << 40 | n, 1.5f * n, -2.25 * n,
            new BigDecimal("12345678901234.5" + n % 10), "héllo " + n, new byte[] {1, (byte) n, 3},
            LocalDate.of(2024, 2, 1 + n % 28), LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000),
            Instant.ofEpochSecond(1_700_000_000L + n, 123_456_000), Arrays.asList(1, null, n),
            Map.of("k" + n, (long) n), Row.of(n, "y" + n)};
    }

    private static Object[] nulls() {
        return new Object[TYPE.size()];
    }

    private static byte[] encode(StoredRowCodec codec, FieldVector[] vectors, int row) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.write(vectors, row, new DataOutputStream(bytes), new StateWriter(bytes));
        return bytes.toByteArray();
    }

    @Test
    void rowsReadBackEqualAtOtherPositions() throws Exception {
        StoredRowCodec codec = new StoredRowCodec(TYPE);
        Object[][] rows = {full(1), nulls(), full(2), full(7)};
        try (RowBatch in = TestBatches.batch(allocator, TYPE, rows)) {
            FieldVector[] source = TestBatches.vectors(in);
            List<byte[]> encoded = new ArrayList<>();
            for (int r = 0; r < rows.length; r++) {
                encoded.add(encode(codec, source, r));
            }
            FieldVector[] target = ColumnVectors.allocateNullable(TYPE, allocator, 1);
            int n = encoded.size();
            for (int k = 0; k < n; k++) { // reversed order: rows land at other positions
                ByteArrayInputStream bytes = new ByteArrayInputStream(encoded.get(n - 1 - k));
                codec.read(new DataInputStream(bytes), new StateReader(bytes), target, k);
                assertEquals(0, bytes.available(), "row " + (n - 1 - k) + " read to its end");
            }
            for (FieldVector v : target) {
                v.setValueCount(n);
            }
            try (RowBatch out = RowBatch.of(TYPE, Arrays.asList(target), n)) {
                List<List<Object>> expected = new ArrayList<>(TestBatches.rowsOf(in));
                java.util.Collections.reverse(expected);
                assertEquals(deepString(expected), deepString(TestBatches.rowsOf(out)));
            }
        }
    }

    /** The rows as text, arrays (BINARY values, ARRAY columns) by their elements. */
    private static String deepString(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows) {
            out.add(Arrays.deepToString(row.toArray()));
        }
        return out.toString();
    }

    @Test
    void equalRowsGiveEqualBytes() throws Exception {
        StoredRowCodec codec = new StoredRowCodec(TYPE);
        try (RowBatch in = TestBatches.batch(allocator, TYPE, full(3), full(4), full(3))) {
            FieldVector[] source = TestBatches.vectors(in);
            assertArrayEquals(encode(codec, source, 0), encode(codec, source, 2));
            assertFalse(Arrays.equals(encode(codec, source, 0), encode(codec, source, 1)));
        }
    }
}
