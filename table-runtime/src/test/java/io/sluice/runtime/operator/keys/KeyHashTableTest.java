package io.sluice.runtime.operator.keys;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyHashTableTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private int[] findOrInsert(KeyHashTable table, RowBatch b) {
        int[] ids = new int[b.rowCount()];
        table.findOrInsert(TestBatches.vectors(b), b.rowCount(), ids);
        return ids;
    }

    @Test
    void assignsDenseIdsInOrderOfFirstAppearance() {
        RowType t = rowType("s", LogicalType.string());
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
             RowBatch b = batch(allocator, t, row("b"), row("a"), row("b"), row(""), row("a"), row("héllo"))) {
            assertArrayEquals(new int[] {0, 1, 0, 2, 1, 3}, findOrInsert(table, b));
            assertEquals(4, table.size());
            FieldVector keys = table.keyVector(0);
            assertEquals("b", VectorValues.get(t.type(0), keys, 0));
            assertEquals("", VectorValues.get(t.type(0), keys, 2));
            assertEquals("héllo", VectorValues.get(t.type(0), keys, 3));
        }
    }

    @Test
    void manyKeysAcrossBatchesSurviveResizes() {
        RowType t = rowType("k", LogicalType.bigint(), "s", LogicalType.string());
        int n = 50_000;
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types())) {
            for (int pass = 0; pass < 2; pass++) {
                for (int start = 0; start < n; start += 4096) {
                    int rows = Math.min(4096, n - start);
                    Object[][] data = new Object[rows][];
                    for (int i = 0; i < rows; i++) {
                        long k = start + i;
                        data[i] = row(k, "v" + (k % 1000));
                    }
                    try (RowBatch b = batch(allocator, t, data)) {
                        int[] ids = findOrInsert(table, b);
                        for (int i = 0; i < rows; i++) {
                            assertEquals(start + i, ids[i]);
                        }
                    }
                }
                assertEquals(n, table.size());
            }
            assertEquals(12_345L, VectorValues.get(t.type(0), table.keyVector(0), 12_345));
            assertEquals("v345", VectorValues.get(t.type(1), table.keyVector(1), 12_345));
        }
    }

    @Test
    void collidingHashesAreTellApartByEquality() {
        // "Aa" and "BB" have the same Java hashCode; more importantly every key here shares a prefix
        // and many differ only in the last byte, and the two-column keys reuse column values.
        RowType t = rowType("a", LogicalType.integer(), "b", LogicalType.integer());
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
             RowBatch b = batch(allocator, t, row(1, 2), row(2, 1), row(1, 2), row(2, 1), row(1, 1), row(2, 2))) {
            assertArrayEquals(new int[] {0, 1, 0, 1, 2, 3}, findOrInsert(table, b));
        }
        RowType s = rowType("s", LogicalType.string());
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, s.types());
             RowBatch b = batch(allocator, s, row("Aa"), row("BB"), row("Aa"), row("BB"))) {
            assertArrayEquals(new int[] {0, 1, 0, 1}, findOrInsert(table, b));
        }
    }

    @Test
    void groupingEqualityPutsNullsTogether() {
        RowType t = rowType("a", LogicalType.integer(), "b", LogicalType.string());
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
             RowBatch b = batch(allocator, t, row(null, "x"), row(1, null), row(null, "x"), row(null, null),
                     row(1, null), row(0, "x"))) {
            assertArrayEquals(new int[] {0, 1, 0, 2, 1, 3}, findOrInsert(table, b));
            assertNull(VectorValues.get(t.type(0), table.keyVector(0), 0));
            assertNull(VectorValues.get(t.type(1), table.keyVector(1), 2));
        }
    }

    @Test
    void sqlEqualityRejectsNullsButNullSafeColumnsMatchThem() {
        RowType t = rowType("a", LogicalType.integer(), "b", LogicalType.integer());
        try (KeyHashTable table = new KeyHashTable(allocator, t.types(), new boolean[] {false, true});
             RowBatch build = batch(allocator, t, row(1, null), row(null, 1), row(1, 1), row(1, null));
             RowBatch probe = batch(allocator, t, row(1, null), row(null, 1), row(1, 1), row(2, 1), row(null, null))) {
            assertArrayEquals(new int[] {0, -1, 1, 0}, findOrInsert(table, build));
            assertEquals(2, table.size());
            int[] ids = new int[5];
            table.find(TestBatches.vectors(probe), 5, ids);
            assertArrayEquals(new int[] {0, -1, 1, -1, -1}, ids);
            assertEquals(2, table.size());
        }
    }

    @Test
    void everyKeyTypeHashesAndComparesByValue() {
        RowType t = rowType("bool", LogicalType.booleanType(), "tiny", LogicalType.tinyint(),
                "small", LogicalType.smallint(), "f", LogicalType.floatType(), "d", LogicalType.doubleType(),
                "dec", LogicalType.decimal(20, 3), "day", LogicalType.date(), "ts", LogicalType.timestamp(3),
                "bin", LogicalType.bytes());
        Object[] a = row(true, (byte) 1, (short) 2, 1.5f, 0.0d, new BigDecimal("12345678901234567.891"),
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 12, 0), new byte[] {1, 2});
        Object[] negZero = row(true, (byte) 1, (short) 2, 1.5f, -0.0d, new BigDecimal("12345678901234567.891"),
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 12, 0), new byte[] {1, 2});
        Object[] otherDecimal = row(true, (byte) 1, (short) 2, 1.5f, 0.0d, new BigDecimal("-12345678901234567.891"),
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 12, 0), new byte[] {1, 2});
        Object[] otherBool = row(false, (byte) 1, (short) 2, 1.5f, 0.0d, new BigDecimal("12345678901234567.891"),
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 12, 0), new byte[] {1, 2});
        Object[] otherBytes = row(true, (byte) 1, (short) 2, 1.5f, 0.0d, new BigDecimal("12345678901234567.891"),
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 12, 0), new byte[] {1, 3});
        Object[] nan1 = row(true, (byte) 1, (short) 2, Float.NaN, Double.NaN, null, null, null, null);
        Object[] nan2 = row(true, (byte) 1, (short) 2, Float.intBitsToFloat(0x7fc00001), Double.NaN, null, null, null, null);
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
             RowBatch b = batch(allocator, t, a, negZero, otherDecimal, otherBool, otherBytes, nan1, nan2, a)) {
            assertArrayEquals(new int[] {0, 0, 1, 2, 3, 4, 4, 0}, findOrInsert(table, b));
            assertEquals(new BigDecimal("-12345678901234567.891"), VectorValues.get(t.type(5), table.keyVector(5), 1));
        }
    }

    @Test
    void nullTypedKeysFormOneGroup() {
        RowType t = rowType("n", LogicalType.of(io.sluice.runtime.types.TypeRoot.NULL), "i", LogicalType.integer());
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
             RowBatch b = batch(allocator, t, row(null, 1), row(null, 2), row(null, 1))) {
            assertArrayEquals(new int[] {0, 1, 0}, findOrInsert(table, b));
            assertEquals(2, table.keyVector(0).getValueCount());
        }
    }

    @Test
    void releasesItsMemoryOnClose() {
        RowType t = rowType("s", LogicalType.string());
        KeyHashTable table = KeyHashTable.forGrouping(allocator, List.of(LogicalType.string()));
        try (RowBatch b = batch(allocator, t, row("a"), row("b"))) {
            findOrInsert(table, b);
        }
        table.close();
        assertEquals(0, allocator.getAllocatedMemory());
    }
}
