package io.sluice.runtime.operator.sort;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.batch;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.context;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TemporalSortOperatorTest {
    private final RootAllocator allocator = new RootAllocator();
    private final RowType type = rowType("ts", LogicalType.timestamp(3), "id", LogicalType.integer());
    private final SortKey[] keys = {SortKey.asc(0), SortKey.desc(1)};

    @AfterEach
    void closeAllocator() {
        allocator.close(); // fails on leaks
    }

    private static LocalDateTime t(int second) {
        return LocalDateTime.of(2024, 1, 1, 0, 0, second);
    }

    private static long millis(int second) {
        return t(second).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void releasesSortedRowsAtEachWatermarkAndDropsLateOnes() throws Exception {
        var out = new OperatorTestSupport.Collector();
        TemporalSortOperator op = new TemporalSortOperator(type, 0, keys);
        try (op) {
            op.open(context(allocator, 100), out);
            op.processBatch(0, batch(allocator, type, row(t(3), 1), row(t(1), 2), row(t(3), 3), row(t(5), 4)));
            op.processWatermark(0, millis(3), out);
            assertEquals(List.of(2, 3, 1), out.column(1)); // rowtime, then id descending
            // behind the watermark (or without a rowtime): dropped and counted; the buffered row 4 stays
            op.processBatch(0, batch(allocator, type, row(t(2), 5), row(null, 6), row(t(4), 7), row(t(3), 8)));
            assertEquals(3, op.lateRowsDropped());
            op.endInput(0);
            assertEquals(List.of(2, 3, 1, 7, 4), out.column(1));
            assertEquals(List.of(millis(3)), out.watermarks);
        }
    }

    @Test
    void aRestoredOperatorContinuesWithTheBufferedRowsAndTheWatermark() throws Exception {
        var before = new OperatorTestSupport.Collector();
        byte[] snapshot;
        TemporalSortOperator op = new TemporalSortOperator(type, 0, keys);
        try (op) {
            op.open(context(allocator, 100), before);
            op.processBatch(0, batch(allocator, type, row(t(4), 1), row(t(2), 2), row(t(6), 3)));
            op.processWatermark(0, millis(2), before);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StateWriter w = new StateWriter(bytes);
            op.snapshotState(w);
            w.flush();
            snapshot = bytes.toByteArray();
        }
        assertEquals(List.of(2), before.column(1));
        var after = new OperatorTestSupport.Collector();
        TemporalSortOperator restored = new TemporalSortOperator(type, 0, keys);
        try (restored) {
            restored.open(context(allocator, 100), after);
            restored.restoreState(new StateReader(new ByteArrayInputStream(snapshot)));
            restored.processBatch(0, batch(allocator, type, row(t(1), 4), row(t(5), 5)));
            assertEquals(1, restored.lateRowsDropped()); // row 4 is behind the restored watermark
            restored.endInput(0);
        }
        assertEquals(List.of(1, 5, 3), after.column(1));
    }
}
