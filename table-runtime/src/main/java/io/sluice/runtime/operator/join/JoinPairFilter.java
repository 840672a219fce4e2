package io.sluice.runtime.operator.join;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.types.RowType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Evaluates a join's residual condition on candidate pairs a batch at a time: pairs of (input row,
 * other-side row) are buffered, then gathered into one batch of left columns followed by right
 * columns, and the predicate keeps the pairs for which it is TRUE.
 */
final class JoinPairFilter {
    private final BatchPredicate predicate;
    private final JoinPairBatch pairs;
    private final BufferAllocator allocator;
    private final int[] inputRows;
    private final int[] otherRows;
    private final int[] selected;
    private int count;

    /**
     * A filter of at most {@code capacity} pairs per evaluation; {@code inputColumns} are the pair columns the
     * predicate reads (null: any).
     */
    JoinPairFilter(BatchPredicate predicate, int[] inputColumns, RowType leftType, RowType rightType,
            BufferAllocator allocator, int capacity) {
        this.predicate = predicate;
        this.pairs = new JoinPairBatch(leftType, rightType, inputColumns);
        this.allocator = allocator;
        this.inputRows = new int[capacity];
        this.otherRows = new int[capacity];
        this.selected = new int[capacity];
    }

    /** Buffers a pair; returns true when the buffer is full and must be {@link #evaluate}d. */
    boolean add(int inputRow, int otherRow) {
        inputRows[count] = inputRow;
        otherRows[count] = otherRow;
        return ++count == inputRows.length;
    }

    /**
     * Evaluates the buffered pairs, reading input rows from {@code input} and other-side rows from
     * {@code other} ({@code inputIsLeft} tells which side is which), passes each pair that holds to
     * {@code matches} in buffer order and empties the buffer.
     */
    void evaluate(FieldVector[] input, FieldVector[] other, boolean inputIsLeft, MatchSink matches) {
        int n = count;
        if (n == 0) {
            return;
        }
        count = 0;
        try (VectorSchemaRoot batch = pairs.gather(input, inputRows, other, otherRows, inputIsLeft, n, allocator)) {
            int kept = predicate.filter(batch, n, selected);
            for (int k = 0; k < kept; k++) {
                int s = selected[k];
                matches.accept(inputRows[s], otherRows[s]);
            }
        }
    }

    /** Receives the pairs that satisfy the condition. */
    interface MatchSink {
        void accept(int inputRow, int otherRow);
    }
}
