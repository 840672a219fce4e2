package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Evaluates a join's residual condition on candidate pairs a batch at a time: pairs of (input row,
 * other-side row) are buffered, then gathered into one batch of left columns followed by right
 * columns, and the predicate keeps the pairs for which it is TRUE.
 */
final class JoinPairFilter {
    private final BatchPredicate predicate;
    private final RowType pairType;
    private final int leftColumns;
    private final BufferAllocator allocator;
    private final int[] inputRows;
    private final int[] otherRows;
    private final int[] selected;
    private int count;

    /** A filter of at most {@code capacity} pairs per evaluation. */
    JoinPairFilter(BatchPredicate predicate, RowType leftType, RowType rightType, BufferAllocator allocator,
            int capacity) {
        this.predicate = predicate;
        List<String> names = new ArrayList<>(leftType.names());
        names.addAll(rightType.names());
        List<LogicalType> types = new ArrayList<>(leftType.types());
        types.addAll(rightType.types());
        this.pairType = new RowType(names, types);
        this.leftColumns = leftType.size();
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
        List<FieldVector> vectors = new ArrayList<>(pairType.size());
        try {
            for (int c = 0; c < pairType.size(); c++) {
                FieldVector v = ArrowTypes.toField(pairType.name(c), pairType.type(c)).createVector(allocator);
                vectors.add(v);
                v.setInitialCapacity(n);
                v.allocateNew();
                boolean fromLeft = c < leftColumns;
                int column = fromLeft ? c : c - leftColumns;
                if (fromLeft == inputIsLeft) {
                    VectorGather.gather(input[column], inputRows, n, v, 0);
                } else {
                    VectorGather.gather(other[column], otherRows, n, v, 0);
                }
                v.setValueCount(n);
            }
            try (RowBatch pairs = RowBatch.of(pairType, vectors, n)) {
                vectors.clear();
                int kept = predicate.filter(pairs.root(), n, selected);
                for (int k = 0; k < kept; k++) {
                    int s = selected[k];
                    matches.accept(inputRows[s], otherRows[s]);
                }
            }
        } finally {
            vectors.forEach(FieldVector::close);
        }
    }

    /** Receives the pairs that satisfy the condition. */
    interface MatchSink {
        void accept(int inputRow, int otherRow);
    }
}
