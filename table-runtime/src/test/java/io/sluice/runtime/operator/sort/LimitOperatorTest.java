package io.sluice.runtime.operator.sort;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.batches;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitOperatorTest {
    private final RootAllocator allocator = new RootAllocator();
    private final RowType type = rowType("v", LogicalType.integer(), "s", LogicalType.string());

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private List<Object[]> rows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(i, "s" + i));
        }
        return rows;
    }

    @Test
    void skipsOffsetAcrossBatchesThenPassesFetchRows() throws Exception {
        LimitOperator op = new LimitOperator(type, 5, 6);
        var out = new OperatorTestSupport.Collector();
        try (op) {
            op.open(OperatorTestSupport.context(allocator, 100), out);
            for (RowBatch b : batches(allocator, type, rows(20), 3)) {
                op.processBatch(0, b);
            }
            assertTrue(op.isFinished());
            op.endInput(0);
        }
        assertEquals(List.of(5, 6, 7, 8, 9, 10), out.column(0));
        assertEquals(List.of("s5", "s6", "s7", "s8", "s9", "s10"), out.column(1));
        assertEquals(List.of(1, 3, 2), out.batchSizes);
    }

    @Test
    void noFetchPassesEverythingAfterOffset() throws Exception {
        LimitOperator op = new LimitOperator(type, 2, -1);
        var out = OperatorTestSupport.run(op, allocator, 100, batches(allocator, type, rows(7), 4));
        assertEquals(List.of(2, 3, 4, 5, 6), out.column(0));
        assertFalse(op.isFinished());
    }

    @Test
    void snapshotAndRestoreContinueExactlyWhereTheStateWas() throws Exception {
        var uninterrupted = OperatorTestSupport.run(new LimitOperator(type, 5, 6), allocator, 100,
                batches(allocator, type, rows(20), 3));
        List<RowBatch> input = batches(allocator, type, rows(20), 3);
        var restored = new OperatorTestSupport.Collector();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (LimitOperator op = new LimitOperator(type, 5, 6)) {
            op.open(OperatorTestSupport.context(allocator, 100), restored);
            op.processBatch(0, input.get(0));
            op.processBatch(0, input.get(1)); // 5 rows skipped, 1 emitted so far
            op.snapshotState(new io.sluice.runtime.state.StateWriter(bytes));
        }
        try (LimitOperator op = new LimitOperator(type, 5, 6)) {
            op.open(OperatorTestSupport.context(allocator, 100), restored);
            op.restoreState(new io.sluice.runtime.state.StateReader(
                    new java.io.ByteArrayInputStream(bytes.toByteArray())));
            for (RowBatch b : input.subList(2, input.size())) {
                op.processBatch(0, b);
            }
            assertTrue(op.isFinished());
            op.endInput(0);
        }
        assertEquals(List.of(5, 6, 7, 8, 9, 10), uninterrupted.column(0));
        assertEquals(uninterrupted.column(0), restored.column(0));
        assertEquals(uninterrupted.column(1), restored.column(1));
    }
}
