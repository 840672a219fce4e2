package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.keys.TestBatches.batch;

import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Drives a two-input join operator in a chosen input order. */
final class JoinTestSupport {
    private JoinTestSupport() {
    }

    /** The join output type: left then right (nullable where padded), or left only for SEMI/ANTI. */
    static RowType outputType(JoinType type, RowType left, RowType right) {
        List<String> names = new ArrayList<>(left.names());
        List<LogicalType> types = new ArrayList<>();
        for (LogicalType t : left.types()) {
            types.add(type.padsRight() ? t.copy(true) : t);
        }
        if (type.emitsPairs()) {
            for (int c = 0; c < right.size(); c++) {
                names.add("r_" + right.name(c));
                types.add(type.padsLeft() ? right.type(c).copy(true) : right.type(c));
            }
        }
        return new RowType(names, types);
    }

    /**
     * Feeds {@code right} then {@code left} (build side first, as the planner orders it) or, when
     * {@code leftFirst}, every left batch and its end before any right batch.
     */
    static CollectingOutput run(BufferAllocator allocator, StreamOperator op, int batchSize, RowType leftType,
            List<Object[][]> left, RowType rightType, List<Object[][]> right, boolean leftFirst) throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (op) {
            op.open(TestBatches.context(allocator, batchSize), out);
            if (leftFirst) {
                feed(allocator, op, 0, leftType, left);
                feed(allocator, op, 1, rightType, right);
            } else {
                feed(allocator, op, 1, rightType, right);
                feed(allocator, op, 0, leftType, left);
            }
        }
        if (out.maxBatchSize() > batchSize) {
            throw new AssertionError("batch of " + out.maxBatchSize() + " rows exceeds batch size " + batchSize);
        }
        return out;
    }

    private static void feed(BufferAllocator allocator, StreamOperator op, int input, RowType type,
            List<Object[][]> batches) throws Exception {
        for (Object[][] rows : batches) {
            op.processBatch(input, batch(allocator, type, rows));
        }
        op.endInput(input);
    }
}
