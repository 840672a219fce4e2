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
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionWindowOperatorTest {
    private final RootAllocator allocator = new RootAllocator();
    private final RowType in = rowType("k", LogicalType.string(), "ts", LogicalType.timestamp(3));
    private final RowType out = rowType("k", LogicalType.string(), "ts", LogicalType.timestamp(3),
            "window_start", LogicalType.timestamp(3), "window_end", LogicalType.timestamp(3),
            "window_time", LogicalType.timestamp(3));

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void rowsCloserThanTheGapFormOneSessionPerKeyAndCloseWithTheWatermark() throws Exception {
        CollectingOutput output = new CollectingOutput();
        try (SessionWindowOperator op = new SessionWindowOperator(in, 1, 5_000, new int[] {0}, out)) {
            op.open(TestBatches.context(allocator, 1024), output);
            op.processBatch(0, batch(allocator, in, row("a", t(0)), row("b", t(1)), row("a", t(3)), row("a", t(10))));
            // a: [0, 8) and [10, 15); b: [1, 6)
            op.processWatermark(0, millis(7), output);
            assertEquals(List.of(list("b", t(1), t(1), t(6), t(6).minusNanos(1_000_000))), output.rows);
            op.processWatermark(0, millis(8) - 1, output);
            assertEquals(3, output.rows.size());
            assertEquals(list("a", t(0), t(0), t(8), t(8).minusNanos(1_000_000)), output.rows.get(1));
            assertEquals(list("a", t(3), t(0), t(8), t(8).minusNanos(1_000_000)), output.rows.get(2));
            // a late row for the closed session of b is dropped; one extending a's open session merges into it
            op.processBatch(0, batch(allocator, in, row("b", t(2)), row("a", t(13))));
            assertEquals(1, op.lateRowsDropped());
            op.endInput(0);
        }
        assertEquals(List.of(list("a", t(10), t(10), t(18), t(18).minusNanos(1_000_000)),
                list("a", t(13), t(10), t(18), t(18).minusNanos(1_000_000))), output.rows.subList(3, 5));
        assertEquals(List.of(millis(7), millis(8) - 1), output.watermarks);
    }

    @Test
    void rowsTheGapApartAreOneSessionAndALateRowJoiningAnOpenSessionIsKept() throws Exception {
        CollectingOutput output = new CollectingOutput();
        try (SessionWindowOperator op = new SessionWindowOperator(in, 1, 5_000, new int[] {0}, out)) {
            op.open(TestBatches.context(allocator, 1024), output);
            // a: [0, 5) and [5, 10) touch, so one session [0, 10); b: [20, 25)
            op.processBatch(0, batch(allocator, in, row("a", t(0)), row("a", t(5)), row("b", t(20))));
            op.processWatermark(0, millis(10) - 1, output);
            assertEquals(List.of(list("a", t(0), t(0), t(10), t(10).minusNanos(1_000_000)),
                    list("a", t(5), t(0), t(10), t(10).minusNanos(1_000_000))), output.rows);
            // b 15 ([15, 20), closed at this watermark) touches b's open session and joins it; b 9 touches none
            op.processWatermark(0, millis(20) - 1, output);
            op.processBatch(0, batch(allocator, in, row("b", t(15)), row("b", t(9))));
            assertEquals(1, op.lateRowsDropped());
            op.endInput(0);
        }
        assertEquals(List.of(list("b", t(15), t(15), t(25), t(25).minusNanos(1_000_000)),
                list("b", t(20), t(15), t(25), t(25).minusNanos(1_000_000))), output.rows.subList(2, 4));
    }
}
