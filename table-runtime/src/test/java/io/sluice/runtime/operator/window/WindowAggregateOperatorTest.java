package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.operator.aggregate.AggregateKind;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.time.LocalDateTime;
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

    private static LocalDateTime t(int second) {
        return LocalDateTime.of(2024, 1, 1, 0, 0, second);
    }

    private static long millis(int second) {
        return io.sluice.runtime.data.VectorValues.toEpochMillis(t(second));
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
        try (WindowAggregateOperator op = new WindowAggregateOperator(in, new int[] {0, 1, 2}, List.of(count), out, 2)) {
            op.open(TestBatches.context(allocator, 1024), output);
            // two windows in one batch: [0,5) and [5,10)
            op.processBatch(0, batch(allocator, in, row("a", t(0), t(5)), row("b", t(5), t(10)), row("a", t(0), t(5))));
            op.processWatermark(0, millis(4), output);
            assertEquals(List.of(), output.rows);
            op.processWatermark(0, millis(5) - 1, output);
            assertEquals(List.of(list("a", t(0), t(5), 2L)), output.rows);
            // a late row for [0,5) is dropped; [5,10) still accepts rows
            op.processBatch(0, batch(allocator, in, row("a", t(0), t(5)), row("b", t(5), t(10))));
            assertEquals(1, op.lateRowsDropped());
            op.endInput(0);
        }
        assertEquals(List.of(list("a", t(0), t(5), 2L), list("b", t(5), t(10), 2L)), output.rows);
        assertEquals(List.of(millis(4), millis(5) - 1), output.watermarks);
    }
}
