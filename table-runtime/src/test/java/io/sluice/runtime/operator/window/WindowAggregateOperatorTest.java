package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.window.WindowTestTimes.millis;
import static io.sluice.runtime.operator.window.WindowTestTimes.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.operator.aggregate.AggregateKind;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WindowAggregateOperatorTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void firesWindowsWhenTheWatermarkPassesTheirEndAndDropsLateRows() throws Exception {
        // input: key, window_start, window_end
        RowType in = rowType("k", LogicalType.string(), "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3));
        RowType out = rowType("k", LogicalType.string(), "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3),
                "c", LogicalType.bigint().notNull());
        AggregateSpec count = new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1,
                LogicalType.bigint().notNull(), "c");
        CollectingOutput output = new CollectingOutput();
        io.sluice.runtime.metrics.OperatorMetrics metrics = io.sluice.runtime.metrics.OperatorMetrics.detached("w");
        try (WindowAggregateOperator op = new WindowAggregateOperator(in, new int[] {0, 1, 2}, List.of(count), out, 2)) {
            io.sluice.runtime.operator.OperatorContext base = TestBatches.context(allocator, 1024);
            op.open(new io.sluice.runtime.operator.OperatorContext(base.operatorName(), base.allocator(), base.config(),
                    metrics), output);
            // two windows in one batch: [0,5) and [5,10)
            op.processBatch(0, batch(allocator, in, row("a", t(0), t(5)), row("b", t(5), t(10)), row("a", t(0), t(5))));
            op.processWatermark(0, millis(4), output);
            assertEquals(List.of(), output.rows);
            op.processWatermark(0, millis(5) - 1, output);
            assertEquals(List.of(list("a", t(0), t(5), 2L)), output.rows);
            // a late row for [0,5) is dropped; [5,10) still accepts rows
            op.processBatch(0, batch(allocator, in, row("a", t(0), t(5)), row("b", t(5), t(10))));
            assertEquals(1, op.lateRowsDropped());
            assertEquals(1, metrics.numLateRecordsDropped(), "counted into the instance's numLateRecordsDropped");
            op.endInput(0);
        }
        assertEquals(List.of(list("a", t(0), t(5), 2L), list("b", t(5), t(10), 2L)), output.rows);
        assertEquals(List.of(millis(4), millis(5) - 1), output.watermarks);
    }

    @Test
    void snapshotAndRestoreContinueExactlyWhereTheStateWas() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3),
                "v", LogicalType.bigint());
        RowType out = rowType("k", LogicalType.string(), "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3),
                "c", LogicalType.bigint().notNull(), "s", LogicalType.bigint());
        List<AggregateSpec> aggs = List.of(
                new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1, LogicalType.bigint().notNull(), "c"),
                new AggregateSpec(AggregateKind.SUM, new int[] {3}, false, -1, LogicalType.bigint(), "s"));
        Object[][] first = {row("a", t(0), t(5), 1L), row("b", t(5), t(10), 2L), row("a", t(0), t(5), 3L),
            row("c", t(10), t(15), 4L)};
        Object[][] late = {row("a", t(0), t(5), 100L), row("b", t(5), t(10), 5L)};
        Object[][] second = {row("a", t(0), t(5), 100L), row("b", t(5), t(10), 6L), row("c", t(10), t(15), 7L),
            row("d", t(15), t(20), 8L)};

        CollectingOutput uninterrupted = new CollectingOutput();
        long lateUninterrupted;
        try (WindowAggregateOperator op = new WindowAggregateOperator(in, new int[] {0, 1, 2}, aggs, out, 2)) {
            op.open(TestBatches.context(allocator, 1024), uninterrupted);
            op.processBatch(0, batch(allocator, in, first));
            op.processWatermark(0, millis(5) - 1, uninterrupted);
            op.processBatch(0, batch(allocator, in, late));
            op.processBatch(0, batch(allocator, in, second));
            op.processWatermark(0, millis(12), uninterrupted);
            op.endInput(0);
            lateUninterrupted = op.lateRowsDropped();
        }

        CollectingOutput restored = new CollectingOutput();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (WindowAggregateOperator op = new WindowAggregateOperator(in, new int[] {0, 1, 2}, aggs, out, 2)) {
            op.open(TestBatches.context(allocator, 1024), restored);
            op.processBatch(0, batch(allocator, in, first));
            op.processWatermark(0, millis(5) - 1, restored);
            op.processBatch(0, batch(allocator, in, late));
            op.snapshotState(new io.sluice.runtime.state.StateWriter(bytes));
        }
        long lateRestored;
        try (WindowAggregateOperator op = new WindowAggregateOperator(in, new int[] {0, 1, 2}, aggs, out, 2)) {
            op.open(TestBatches.context(allocator, 1024), restored);
            op.restoreState(new io.sluice.runtime.state.StateReader(
                    new java.io.ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, batch(allocator, in, second));
            // the restored watermark still holds: an older one fires nothing
            op.processWatermark(0, millis(5) - 1, restored);
            op.processWatermark(0, millis(12), restored);
            op.endInput(0);
            lateRestored = op.lateRowsDropped();
        }
        assertEquals(uninterrupted.rows, restored.rows);
        assertEquals(uninterrupted.watermarks, restored.watermarks);
        assertEquals(2, lateUninterrupted);
        assertEquals(lateUninterrupted, lateRestored);
        assertEquals(List.of(list("a", t(0), t(5), 2L, 4L), list("b", t(5), t(10), 3L, 13L),
                list("c", t(10), t(15), 2L, 11L), list("d", t(15), t(20), 1L, 8L)), uninterrupted.rows);
    }
}
