package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.window.WindowTestTimes.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WindowTableFunctionOperatorTest {
    private static final RowType IN = rowType("k", LogicalType.bigint(), "ts", LogicalType.timestamp(3));
    private static final RowType OUT = rowType("k", LogicalType.bigint(), "ts", LogicalType.timestamp(3),
            "window_start", LogicalType.timestamp(3).notNull(), "window_end", LogicalType.timestamp(3).notNull(),
            "window_time", LogicalType.timestamp(3).notNull());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void hopEmitsEachRowOncePerWindowWithTheWindowColumnsAndDropsNullTimes() throws Exception {
        CollectingOutput output = new CollectingOutput();
        try (WindowTableFunctionOperator op = new WindowTableFunctionOperator(IN, 1,
                WindowSpec.hop(2000, 4000, 0), OUT)) {
            op.open(TestBatches.context(allocator, 1024), output);
            op.processBatch(0, batch(allocator, IN, row(1L, t(3)), row(2L, null), row(null, t(4))));
        }
        LocalDateTime wt8 = t(8).minusNanos(1_000_000);
        assertEquals(List.of(list(1L, t(3), t(0), t(4), t(4).minusNanos(1_000_000)), list(1L, t(3), t(2), t(6),
                t(6).minusNanos(1_000_000)), list(null, t(4), t(2), t(6), t(6).minusNanos(1_000_000)),
                list(null, t(4), t(4), t(8), wt8)), output.rows);
    }

    @Test
    void largeBatchesGetEveryWindowColumnValueNonNull() throws Exception {
        CollectingOutput output = new CollectingOutput();
        Object[][] rows = new Object[3000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row((long) i, t(10 + i % 40));
        }
        try (WindowTableFunctionOperator op = new WindowTableFunctionOperator(IN, 1,
                WindowSpec.hop(1000, 5000, 0), OUT)) {
            op.open(TestBatches.context(allocator, 1024), output);
            op.processBatch(0, batch(allocator, IN, rows));
        }
        assertEquals(5 * rows.length, output.rows.size());
        List<Object> expectedFirst = List.of(0L, t(10), t(6), t(11), t(11).minusNanos(1_000_000));
        assertEquals(expectedFirst, output.rows.get(0));
        for (List<Object> r : output.rows) {
            LocalDateTime ts = (LocalDateTime) r.get(1);
            LocalDateTime start = (LocalDateTime) r.get(2);
            LocalDateTime end = (LocalDateTime) r.get(3);
            assertEquals(start.plusSeconds(5), end);
            assertEquals(end.minusNanos(1_000_000), r.get(4));
            assertTrue(!ts.isBefore(start) && ts.isBefore(end), r::toString);
        }
    }
}
