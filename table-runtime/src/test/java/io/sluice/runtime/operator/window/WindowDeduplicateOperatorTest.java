package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.window.WindowTestTimes.millis;
import static io.sluice.runtime.operator.window.WindowTestTimes.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WindowDeduplicateOperatorTest {
    /** key, id, rowtime, window_end. */
    private static final RowType IN = rowType("k", LogicalType.string(), "id", LogicalType.integer(),
            "ts", LogicalType.timestamp(3), "we", LogicalType.timestamp(3));
    private static final RowType OUT_WITH_RANK = rowType("k", LogicalType.string(), "id", LogicalType.integer(),
            "ts", LogicalType.timestamp(3), "we", LogicalType.timestamp(3), "rn", LogicalType.bigint().notNull());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private WindowDeduplicateOperator op(boolean keepLast, boolean rank) {
        return new WindowDeduplicateOperator(IN, new int[] {0}, 2, keepLast, rank, 3, rank ? OUT_WITH_RANK : IN);
    }

    @Test
    void keepsTheFirstRowPerWindowAndKeyAndEmitsItWhenTheWindowFires() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (WindowDeduplicateOperator op = op(false, false)) {
            op.open(TestBatches.context(allocator, 1024), out);
            op.processBatch(0, batch(allocator, IN, row("a", 1, t(3), t(5)), row("a", 2, t(1), t(5)),
                    row(null, 3, t(2), t(5)), row("a", 4, t(6), t(10)), row(null, 5, t(1), t(5))));
            // equal rowtime: the first row keeps the earlier arrival
            op.processBatch(0, batch(allocator, IN, row("a", 6, t(1), t(5))));
            assertEquals(3, op.stateRows());
            op.processWatermark(0, millis(5) - 2, out);
            assertEquals(List.of(), out.rows);
            op.processWatermark(0, millis(5) - 1, out);
            assertEquals(List.of(list("a", 2, t(1), t(5)), list(null, 5, t(1), t(5))), out.rows);
            assertEquals(1, op.stateRows());
            op.processBatch(0, batch(allocator, IN, row("a", 7, t(0), t(5))));
            assertEquals(1, op.lateRowsDropped());
            op.endInput(0);
        }
        assertEquals(List.of(list("a", 2, t(1), t(5)), list(null, 5, t(1), t(5)), list("a", 4, t(6), t(10))),
                out.rows);
        assertEquals(List.of(millis(5) - 2, millis(5) - 1), out.watermarks);
    }

    @Test
    void keepsTheLastRowAndTheLaterArrivalAmongEqualRowtimes() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (WindowDeduplicateOperator op = op(true, true)) {
            op.open(TestBatches.context(allocator, 1024), out);
            op.processBatch(0, batch(allocator, IN, row("a", 1, t(3), t(5)), row("a", 2, t(1), t(5)),
                    row("b", 3, t(2), t(5))));
            op.processBatch(0, batch(allocator, IN, row("a", 4, t(3), t(5)), row("b", 5, t(1), t(5))));
            op.endInput(0);
        }
        assertEquals(List.of(list("a", 4, t(3), t(5), 1L), list("b", 3, t(2), t(5), 1L)), out.rows);
    }

    @Test
    void manyReplacementsKeepOneRowPerKey() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (WindowDeduplicateOperator op = op(true, false)) {
            op.open(TestBatches.context(allocator, 1024), out);
            for (int i = 0; i < 3000; i++) {
                op.processBatch(0, batch(allocator, IN, row("k" + (i % 3), i, t(i % 4), t(5))));
            }
            assertEquals(3, op.stateRows());
            op.endInput(0);
        }
        // the last arrival at the largest rowtime (3 s) per key
        assertEquals(List.of(list("k0", 2991, t(3), t(5)), list("k1", 2995, t(3), t(5)), list("k2", 2999, t(3), t(5))),
                out.rows);
    }

    @Test
    void snapshotAndRestoreContinueExactlyWhereTheStateWas() throws Exception {
        Object[][] first = {row("a", 1, t(3), t(5)), row("b", 2, t(7), t(10)), row("a", 3, t(8), t(10))};
        Object[][] late = {row("a", 4, t(0), t(5))};
        Object[][] second = {row("b", 5, t(6), t(10)), row("c", 6, t(12), t(15))};
        CollectingOutput uninterrupted = new CollectingOutput();
        try (WindowDeduplicateOperator op = op(false, false)) {
            op.open(TestBatches.context(allocator, 1024), uninterrupted);
            op.processBatch(0, batch(allocator, IN, first));
            op.processWatermark(0, millis(5), uninterrupted);
            op.processBatch(0, batch(allocator, IN, late));
            op.processBatch(0, batch(allocator, IN, second));
            op.endInput(0);
        }
        CollectingOutput restored = new CollectingOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WindowDeduplicateOperator op = op(false, false)) {
            op.open(TestBatches.context(allocator, 1024), restored);
            op.processBatch(0, batch(allocator, IN, first));
            op.processWatermark(0, millis(5), restored);
            op.processBatch(0, batch(allocator, IN, late));
            op.snapshotState(new StateWriter(bytes));
        }
        try (WindowDeduplicateOperator op = op(false, false)) {
            op.open(TestBatches.context(allocator, 1024), restored);
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(1, op.lateRowsDropped());
            op.processBatch(0, batch(allocator, IN, second));
            op.endInput(0);
        }
        assertEquals(uninterrupted.rows, restored.rows);
        assertEquals(List.of(list("a", 1, t(3), t(5)), list("b", 5, t(6), t(10)), list("a", 3, t(8), t(10)),
                list("c", 6, t(12), t(15))), uninterrupted.rows);
    }
}
