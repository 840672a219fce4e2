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
import io.sluice.runtime.operator.sort.SortKey;
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

class WindowRankOperatorTest {
    private final RootAllocator allocator = new RootAllocator();
    // key, v, window_end
    private final RowType in = rowType("k", LogicalType.string(), "v", LogicalType.integer(),
            "we", LogicalType.timestamp(3));
    private final RowType out = rowType("k", LogicalType.string(), "v", LogicalType.integer(),
            "we", LogicalType.timestamp(3), "rn", LogicalType.bigint().notNull());

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private WindowRankOperator top2() {
        return new WindowRankOperator(in, new int[] {2, 0}, new SortKey[] {SortKey.desc(1)}, 1, 2, true, 2, out);
    }

    @Test
    void emitsTheTopRowsOfEachPartitionOnceItsWindowCloses() throws Exception {
        CollectingOutput output = new CollectingOutput();
        try (WindowRankOperator op = top2()) {
            op.open(TestBatches.context(allocator, 1024), output);
            op.processBatch(0, batch(allocator, in, row("a", 1, t(5)), row("a", 7, t(5)), row("b", 3, t(5)),
                    row("a", 4, t(5)), row("a", 9, t(10))));
            op.processWatermark(0, millis(4), output);
            assertEquals(List.of(), output.rows);
            op.processWatermark(0, millis(5) - 1, output);
            assertEquals(List.of(list("a", 7, t(5), 1L), list("a", 4, t(5), 2L), list("b", 3, t(5), 1L)), output.rows);
            op.processBatch(0, batch(allocator, in, row("b", 100, t(5))));
            assertEquals(1, op.lateRowsDropped());
            op.endInput(0);
        }
        assertEquals(list("a", 9, t(10), 1L), output.rows.get(3));
        assertEquals(4, output.rows.size());
    }

    @Test
    void snapshotKeepsTheOpenWindows() throws Exception {
        CollectingOutput output = new CollectingOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WindowRankOperator op = top2()) {
            op.open(TestBatches.context(allocator, 1024), output);
            op.processBatch(0, batch(allocator, in, row("a", 1, t(5)), row("a", 7, t(5)), row("a", 3, t(5))));
            op.snapshotState(new StateWriter(bytes));
        }
        try (WindowRankOperator op = top2()) {
            op.open(TestBatches.context(allocator, 1024), output);
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, batch(allocator, in, row("a", 5, t(5))));
            op.endInput(0);
        }
        assertEquals(List.of(list("a", 7, t(5), 1L), list("a", 5, t(5), 2L)), output.rows);
    }
}
