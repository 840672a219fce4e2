package io.sluice.runtime.operator.union;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.batch;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.operator.sort.OperatorTestSupport;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnionOperatorTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void unionAllRelabelsBatchesOfEveryInput() throws Exception {
        RowType left = rowType("id", LogicalType.integer().notNull(), "name", LogicalType.string());
        RowType right = rowType("x", LogicalType.integer(), "y", LogicalType.string().notNull());
        RowType out = rowType("id", LogicalType.integer(), "name", LogicalType.string());
        UnionOperator op = new UnionOperator(2, out);
        var collector = new OperatorTestSupport.Collector();
        try (op) {
            op.open(OperatorTestSupport.context(allocator, 10), collector);
            op.processBatch(0, batch(allocator, left, row(1, "a"), row(2, null)));
            op.processBatch(1, batch(allocator, right, row(3, "c")));
            op.endInput(1);
            assertFalse(op.allInputsEnded());
            op.processBatch(0, batch(allocator, left, row(1, "a")));
            op.endInput(0);
            assertTrue(op.allInputsEnded());
        }
        assertEquals(List.of(1, 2, 3, 1), collector.column(0));
        assertEquals(java.util.Arrays.asList("a", null, "c", "a"), collector.column(1));
        for (RowType t : collector.batchTypes) {
            assertEquals(out, t);
        }
    }

    @Test
    void rejectsDifferentValueTypes() throws Exception {
        RowType in = rowType("v", LogicalType.bigint());
        UnionOperator op = new UnionOperator(1, rowType("v", LogicalType.integer()));
        try (op) {
            op.open(OperatorTestSupport.context(allocator, 10), new OperatorTestSupport.Collector());
            assertThrows(IllegalStateException.class, () -> op.processBatch(0, batch(allocator, in, row(1L))));
        }
    }
}
