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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The single-integral-column fast path of {@link KeyHashTable}, checked against a {@link HashMap}. */
class IntegralKeyIndexTest {
    private static final Object[] NULL_KEY = {null};

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static int[] findOrInsert(KeyHashTable table, RowBatch b) {
        int[] ids = new int[b.rowCount()];
        table.findOrInsert(TestBatches.vectors(b), b.rowCount(), ids);
        return ids;
    }

    private static int[] find(KeyHashTable table, RowBatch b) {
        int[] ids = new int[b.rowCount()];
        table.find(TestBatches.vectors(b), b.rowCount(), ids);
        return ids;
    }

    @Test
    void groupsNullsTogetherAndEmitsThemAsNull() {
        RowType t = rowType("k", LogicalType.integer());
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
             RowBatch b = batch(allocator, t, row(7), NULL_KEY, row(-7), row(7), NULL_KEY, row(0))) {
            assertArrayEquals(new int[] {0, 1, 2, 0, 1, 3}, findOrInsert(table, b));
            assertEquals(4, table.size());
            FieldVector keys = table.keyVector(0);
            assertEquals(4, keys.getValueCount());
            assertEquals(7, VectorValues.get(t.type(0), keys, 0));
            assertNull(VectorValues.get(t.type(0), keys, 1));
            assertEquals(-7, VectorValues.get(t.type(0), keys, 2));
            assertEquals(0, VectorValues.get(t.type(0), keys, 3));
            assertArrayEquals(new int[] {0, 1, 2, 0, 1, 3}, find(table, b));
        }
    }

    @Test
    void sqlEqualityNeverInsertsOrFindsNull() {
        RowType t = rowType("k", LogicalType.bigint());
        try (KeyHashTable table = new KeyHashTable(allocator, t.types(), new boolean[] {false});
             RowBatch build = batch(allocator, t, row(1L), NULL_KEY, row(2L), row(1L));
             RowBatch probe = batch(allocator, t, NULL_KEY, row(2L), row(3L), row(1L), row(0L))) {
            assertArrayEquals(new int[] {0, -1, 1, 0}, findOrInsert(table, build));
            assertEquals(2, table.size());
            assertArrayEquals(new int[] {-1, 1, -1, 0, -1}, find(table, probe));
            assertEquals(2, table.size());
            assertEquals(2, table.keyVector(0).getValueCount());
        }
    }

    @Test
    void findInsertsNothingAndSeesNullGroupOnlyOnceInserted() {
        RowType t = rowType("k", LogicalType.integer());
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
             RowBatch nulls = batch(allocator, t, NULL_KEY, row(5))) {
            assertArrayEquals(new int[] {-1, -1}, find(table, nulls));
            assertEquals(0, table.size());
            assertArrayEquals(new int[] {0, 1}, findOrInsert(table, nulls));
            assertArrayEquals(new int[] {0, 1}, find(table, nulls));
        }
    }

    @Test
    void bigintExtremesAndKeysDifferingOnlyInHighBits() {
        RowType t = rowType("k", LogicalType.bigint());
        Object[][] rows = {row(Long.MIN_VALUE), row(Long.MAX_VALUE), row(0L), row(-1L), row(1L << 32),
            row(2L << 32), row(-(1L << 32)), row(1L << 63 >>> 1), row(Long.MIN_VALUE + 1), NULL_KEY};
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
             RowBatch b = batch(allocator, t, rows)) {
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, findOrInsert(table, b));
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, findOrInsert(table, b));
            FieldVector keys = table.keyVector(0);
            for (int g = 0; g < rows.length; g++) {
                assertEquals(rows[g][0], VectorValues.get(t.type(0), keys, g));
            }
        }
    }

    @Test
    void everyWidthAndTemporalTypeGroupsByValue() {
        List<LogicalType> types = List.of(LogicalType.tinyint(), LogicalType.smallint(), LogicalType.date(),
                LogicalType.timestamp(3));
        List<Object[][]> rows = List.of(
                new Object[][] {row((byte) -128), row((byte) 127), NULL_KEY, row((byte) -128), row((byte) 0)},
                new Object[][] {row((short) -32768), row((short) 32767), NULL_KEY, row((short) -32768), row((short) 0)},
                new Object[][] {row(LocalDate.of(1969, 12, 31)), row(LocalDate.of(2024, 2, 29)), NULL_KEY,
                    row(LocalDate.of(1969, 12, 31)), row(LocalDate.of(1970, 1, 1))},
                new Object[][] {row(LocalDateTime.of(1900, 1, 1, 0, 0)), row(LocalDateTime.of(2024, 1, 1, 12, 0)),
                    NULL_KEY, row(LocalDateTime.of(1900, 1, 1, 0, 0)), row(LocalDateTime.of(1970, 1, 1, 0, 0))});
        for (int c = 0; c < types.size(); c++) {
            RowType t = rowType("k", types.get(c));
            try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types());
                 RowBatch b = batch(allocator, t, rows.get(c))) {
                assertArrayEquals(new int[] {0, 1, 2, 0, 3}, findOrInsert(table, b), t.toString());
                FieldVector keys = table.keyVector(0);
                assertEquals(4, keys.getValueCount());
                int[][] groupAndRow = {{0, 0}, {1, 1}, {3, 4}};
                for (int[] gr : groupAndRow) {
                    assertEquals(rows.get(c)[gr[1]][0], VectorValues.get(t.type(0), keys, gr[0]), t.toString());
                }
                assertNull(VectorValues.get(t.type(0), keys, 2));
            }
        }
    }

    @Test
    void randomKeysAcrossManyRehashesMatchAReferenceMap() {
        RowType t = rowType("k", LogicalType.bigint());
        Random random = new Random(42);
        Map<Long, Integer> reference = new HashMap<>();
        List<Long> byId = new ArrayList<>();
        int nullId = -1;
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types())) {
            for (int batchNo = 0; batchNo < 60; batchNo++) {
                int rows = 1 + random.nextInt(4096);
                Object[][] data = new Object[rows][];
                for (int i = 0; i < rows; i++) {
                    int pick = random.nextInt(100);
                    Long k = pick == 0 ? null
                            : pick < 50 ? (long) random.nextInt(200_000) - 100_000
                            : pick < 60 ? random.nextLong()
                            : (long) random.nextInt(1000) << 40;
                    data[i] = new Object[] {k};
                }
                try (RowBatch b = batch(allocator, t, data)) {
                    int[] ids = findOrInsert(table, b);
                    for (int i = 0; i < rows; i++) {
                        Long k = (Long) data[i][0];
                        int expected;
                        if (k == null) {
                            if (nullId < 0) {
                                nullId = byId.size();
                                byId.add(null);
                            }
                            expected = nullId;
                        } else {
                            Integer id = reference.get(k);
                            if (id == null) {
                                id = byId.size();
                                reference.put(k, id);
                                byId.add(k);
                            }
                            expected = id;
                        }
                        assertEquals(expected, ids[i], "row " + i + " of batch " + batchNo);
                    }
                }
                if (batchNo % 7 == 0) {
                    checkStoredKeys(table, byId);
                }
            }
            assertEquals(byId.size(), table.size());
            checkStoredKeys(table, byId);
        }
    }

    private static void checkStoredKeys(KeyHashTable table, List<Long> byId) {
        BigIntVector keys = (BigIntVector) table.keyVector(0);
        assertEquals(byId.size(), keys.getValueCount());
        for (int g = 0; g < byId.size(); g++) {
            assertEquals(byId.get(g), keys.getObject(g), "group " + g);
        }
    }

    @Test
    void denseKeysSurviveGrowthAndAreFoundAfterwards() {
        RowType t = rowType("k", LogicalType.integer());
        int n = 300_000; // 128 slots at first: about a dozen doublings
        try (KeyHashTable table = KeyHashTable.forGrouping(allocator, t.types())) {
            for (int pass = 0; pass < 2; pass++) {
                for (int start = 0; start < n; start += 4096) {
                    int rows = Math.min(4096, n - start);
                    Object[][] data = new Object[rows][];
                    for (int i = 0; i < rows; i++) {
                        int k = start + i;
                        data[i] = row(k % 2 == 0 ? k : -k);
                    }
                    try (RowBatch b = batch(allocator, t, data)) {
                        int[] ids = pass == 0 ? findOrInsert(table, b) : find(table, b);
                        for (int i = 0; i < rows; i++) {
                            assertEquals(start + i, ids[i]);
                        }
                    }
                }
                assertEquals(n, table.size());
            }
            assertEquals(-12_345, VectorValues.get(t.type(0), table.keyVector(0), 12_345));
            assertEquals(299_998, VectorValues.get(t.type(0), table.keyVector(0), 299_998));
        }
        assertEquals(0, allocator.getAllocatedMemory());
    }
}
