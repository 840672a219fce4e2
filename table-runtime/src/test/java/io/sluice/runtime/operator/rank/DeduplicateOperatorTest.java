package io.sluice.runtime.operator.rank;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.rank.ChangelogCollector.changelog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeduplicateOperatorTest {
    private static final RowKind I = RowKind.INSERT;
    private static final RowKind UB = RowKind.UPDATE_BEFORE;
    private static final RowKind UA = RowKind.UPDATE_AFTER;
    private static final RowKind D = RowKind.DELETE;

    private static final RowType KV = rowType("k", LogicalType.string(), "v", LogicalType.integer());
    private static final RowType KVT = rowType("k", LogicalType.string(), "v", LogicalType.integer(), "ts",
            LogicalType.timestamp(3));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static LocalDateTime t(int second) {
        return LocalDateTime.of(2024, 1, 1, 0, 0, second);
    }

    private DeduplicateOperator open(RowType type, boolean keepLast, int rowtimeField, ChangelogCollector out)
            throws Exception {
        DeduplicateOperator op = new DeduplicateOperator(type, new int[] {0}, keepLast, rowtimeField, type);
        op.open(TestBatches.context(allocator, 1024), out);
        return op;
    }

    @Test
    void keepFirstRowOnProcessingTimeEmitsOnlyTheFirstRowPerKey() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(KV, false, -1, out)) {
            assertTrue(op.producesInsertOnly());
            op.processBatch(0, batch(allocator, KV, row("a", 1), row("b", 2), row("a", 3)));
            op.processBatch(0, batch(allocator, KV, row("b", 4), row("c", 5), row(null, 6), row(null, 7)));
        }
        assertEquals(List.of("+I[a, 1]", "+I[b, 2]", "+I[c, 5]", "+I[null, 6]"), out.rows);
    }

    @Test
    void keepLastRowOnProcessingTimeUpdatesAndSkipsIdenticalRows() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(KV, true, -1, out)) {
            assertFalse(op.producesInsertOnly());
            op.processBatch(0, batch(allocator, KV, row("a", 1), row("b", 2), row("a", 3), row("a", 3)));
            assertEquals(List.of("+I[a, 1]", "+I[b, 2]", "-U[a, 1]", "+U[a, 3]"), out.take());
            op.processBatch(0, changelog(allocator, KV, row(D, "a", 3), row(D, "z", 0), row(I, "a", 7),
                    row(UB, "b", 2), row(UA, "b", 9)));
            assertEquals(List.of("-D[a, 3]", "+I[a, 7]", "-D[b, 2]", "+I[b, 9]"), out.take());
        }
    }

    @Test
    void keepFirstRowOnRowtimeRetractsWhenAnEarlierRowArrives() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(KVT, false, 2, out)) {
            op.processBatch(0, batch(allocator, KVT, row("a", 1, t(5)), row("a", 2, t(3)), row("a", 3, t(3)),
                    row("b", 5, t(1)), row("a", 4, t(9))));
        }
        assertEquals(List.of("+I[a, 1, " + t(5) + "]", "-U[a, 1, " + t(5) + "]", "+U[a, 2, " + t(3) + "]",
                "+I[b, 5, " + t(1) + "]"), out.rows);
    }

    @Test
    void keepLastRowOnRowtimeKeepsTheLatestAndLaterTiesWin() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(KVT, true, 2, out)) {
            op.processBatch(0, batch(allocator, KVT, row("a", 1, t(5)), row("a", 2, t(3)), row("b", 5, t(1))));
            op.processBatch(0, batch(allocator, KVT, row("a", 4, t(9)), row("a", 6, t(9))));
        }
        assertEquals(List.of("+I[a, 1, " + t(5) + "]", "+I[b, 5, " + t(1) + "]",
                "-U[a, 1, " + t(5) + "]", "+U[a, 4, " + t(9) + "]",
                "-U[a, 4, " + t(9) + "]", "+U[a, 6, " + t(9) + "]"), out.rows);
    }

    @Test
    void manyUpdatesOfOneKeyCompactTheStoredRows() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(KV, true, -1, out)) {
            for (int b = 0; b < 6; b++) {
                Object[][] rows = new Object[500][];
                for (int k = 0; k < 500; k++) {
                    rows[k] = row("a", b * 500 + k);
                }
                op.processBatch(0, batch(allocator, KV, rows));
            }
            op.processBatch(0, batch(allocator, KV, row("a", -1)));
            assertTrue(op.storedRowIds() < 1024, "dead rows were compacted away: " + op.storedRowIds());
        }
        assertEquals(1 + 2 * 3000, out.rows.size());
        assertEquals(List.of("-U[a, 2999]", "+U[a, -1]"), out.rows.subList(out.rows.size() - 2, out.rows.size()));
    }

    @Test
    void forwardsWatermarks() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(KVT, true, 2, out)) {
            op.processWatermark(0, 7L, out);
            op.processWatermark(0, 9L, out);
        }
        assertEquals(List.of(7L, 9L), out.watermarks);
    }

    @Test
    void keepFirstAndRowtimeModesRejectRetractions() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator first = open(KV, false, -1, out);
                DeduplicateOperator rowtime = open(KVT, true, 2, out)) {
            RowBatch b1 = changelog(allocator, KV, row(D, "a", 1));
            assertThrows(IllegalStateException.class, () -> first.processBatch(0, b1));
            RowBatch b2 = changelog(allocator, KVT, row(UB, "a", 1, t(1)));
            assertThrows(IllegalStateException.class, () -> rowtime.processBatch(0, b2));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new DeduplicateOperator(KV, new int[] {0}, true, 0, KV));
    }
}
