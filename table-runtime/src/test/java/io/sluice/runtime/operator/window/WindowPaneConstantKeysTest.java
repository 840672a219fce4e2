package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.window.WindowTestTimes.millis;
import static io.sluice.runtime.operator.window.WindowTestTimes.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.operator.aggregate.AggregateKind;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.HashAggregateOperator;
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

/** Window panes that hash only the group columns that vary within a window (window columns are constant). */
class WindowPaneConstantKeysTest {
    private static final RowType IN = rowType("ws", LogicalType.timestamp(3), "k", LogicalType.bigint(),
            "we", LogicalType.timestamp(3), "v", LogicalType.bigint());
    private static final RowType OUT = rowType("ws", LogicalType.timestamp(3), "k", LogicalType.bigint(),
            "we", LogicalType.timestamp(3), "c", LogicalType.bigint().notNull(), "s", LogicalType.bigint());
    private static final List<AggregateSpec> AGGS = List.of(
            new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1, LogicalType.bigint().notNull(), "c"),
            new AggregateSpec(AggregateKind.SUM, new int[] {3}, false, -1, LogicalType.bigint(), "s"));
    private static final Object[][] PANE = {row(t(0), 7L, t(10), 1L), row(t(0), null, t(10), 2L),
        row(t(0), 7L, t(10), 3L), row(t(0), 8L, t(10), null)};

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void constantWindowColumnsGiveTheSameResultsAndTheSameSnapshotBytes() throws Exception {
        byte[] hashedAll = snapshotOfPane(new int[0]);
        byte[] constantWindow = snapshotOfPane(new int[] {0, 2});
        assertArrayEquals(hashedAll, constantWindow);
        // a snapshot of either restores into the other and ends with the same rows
        for (int[] constant : List.of(new int[0], new int[] {0, 2})) {
            CollectingOutput output = new CollectingOutput();
            try (HashAggregateOperator op = pane(constant)) {
                op.open(TestBatches.context(allocator, 1024), output);
                op.restoreState(new StateReader(new ByteArrayInputStream(hashedAll)));
                op.processBatch(0, batch(allocator, IN, row(t(0), 8L, t(10), 5L), row(t(0), 9L, t(10), 6L)));
                op.endInput(0);
            }
            assertEquals(List.of(list(t(0), 7L, t(10), 2L, 4L), list(t(0), null, t(10), 1L, 2L),
                    list(t(0), 8L, t(10), 2L, 5L), list(t(0), 9L, t(10), 1L, 6L)), output.rows);
        }
    }

    @Test
    void windowAggregateHashesOnlyTheKeyAndEmitsTheWindowColumns() throws Exception {
        CollectingOutput output = new CollectingOutput();
        try (WindowAggregateOperator op = new WindowAggregateOperator(IN, new int[] {0, 1, 2}, AGGS, OUT, 2,
                new int[] {0, 2})) {
            op.open(TestBatches.context(allocator, 2), output);
            op.processBatch(0, batch(allocator, IN, row(t(0), 7L, t(10), 1L), row(t(2), 7L, t(12), 2L),
                    row(t(0), 8L, t(10), 3L), row(t(0), 9L, t(10), 4L), row(t(2), 7L, t(12), 5L)));
            op.processWatermark(0, millis(10) - 1, output);
            assertEquals(List.of(list(t(0), 7L, t(10), 1L, 1L), list(t(0), 8L, t(10), 1L, 3L),
                    list(t(0), 9L, t(10), 1L, 4L)), output.rows);
            op.endInput(0);
        }
        assertEquals(list(t(2), 7L, t(12), 2L, 7L), output.rows.get(3));
        assertEquals(4, output.rows.size());
    }

    @Test
    void onlyConstantGroupColumnsGiveOneRowPerWindowAndNoneForAnEmptyPane() throws Exception {
        RowType out = rowType("ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3),
                "c", LogicalType.bigint().notNull(), "s", LogicalType.bigint());
        CollectingOutput output = new CollectingOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HashAggregateOperator op = new HashAggregateOperator(IN, new int[] {0, 2}, AGGS, out, null,
                new int[] {0, 1})) {
            op.open(TestBatches.context(allocator, 1024), output);
            op.snapshotState(new StateWriter(bytes));
            op.endInput(0);
        }
        assertEquals(List.of(), output.rows);
        try (HashAggregateOperator op = new HashAggregateOperator(IN, new int[] {0, 2}, AGGS, out, null,
                new int[] {0, 1})) {
            op.open(TestBatches.context(allocator, 1024), output);
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, batch(allocator, IN, PANE));
            op.endInput(0);
        }
        assertEquals(List.of(list(t(0), t(10), 4L, 6L)), output.rows);
    }

    private HashAggregateOperator pane(int[] constant) {
        return new HashAggregateOperator(IN, new int[] {0, 1, 2}, AGGS, OUT, null, constant);
    }

    private byte[] snapshotOfPane(int[] constant) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HashAggregateOperator op = pane(constant)) {
            op.open(TestBatches.context(allocator, 1024), new CollectingOutput());
            op.processBatch(0, batch(allocator, IN, PANE));
            op.snapshotState(new StateWriter(bytes));
        }
        return bytes.toByteArray();
    }
}
