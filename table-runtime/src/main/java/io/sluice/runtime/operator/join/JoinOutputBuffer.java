package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Collects a join's output rows as (row kind, left row, right row) index triples and turns them into
 * batches of at most {@code capacity} rows by gathering from the current left and right sources (an
 * input batch or a side's stored rows); an index {@code < 0} is a NULL-padded side. Output columns
 * {@code 0 .. leftColumns-1} come from the left source, the rest from the right source.
 */
final class JoinOutputBuffer {
    private final RowType outputType;
    private final int leftColumns;
    private final BufferAllocator allocator;
    private final Output output;
    private final int[] leftRows;
    private final int[] rightRows;
    private final byte[] kinds;
    private int count;
    private FieldVector[] leftSource;
    private FieldVector[] rightSource;

    JoinOutputBuffer(RowType outputType, int leftColumns, BufferAllocator allocator, int capacity, Output output) {
        this.outputType = outputType;
        this.leftColumns = leftColumns;
        this.allocator = allocator;
        this.output = output;
        this.leftRows = new int[capacity];
        this.rightRows = new int[capacity];
        this.kinds = new byte[capacity];
    }

    /** Sets where left and right values come from; flushes rows gathered from the previous sources. */
    void setSources(FieldVector[] left, FieldVector[] right) throws Exception {
        flush();
        leftSource = left;
        rightSource = right;
    }

    /** Adds one output row; flushes when a batch is full. */
    void add(byte kind, int leftRow, int rightRow) throws Exception {
        kinds[count] = kind;
        leftRows[count] = leftRow;
        rightRows[count] = rightRow;
        if (++count == kinds.length) {
            flush();
        }
    }

    /** Emits the collected rows, if any, as one batch. */
    void flush() throws Exception {
        int n = count;
        if (n == 0) {
            return;
        }
        count = 0;
        output.emit(gather(n));
    }

    private RowBatch gather(int n) {
        List<FieldVector> vectors = new ArrayList<>(outputType.size());
        TinyIntVector rowKinds = null;
        try {
            for (int c = 0; c < outputType.size(); c++) {
                FieldVector v = ArrowTypes.toField(outputType.name(c), outputType.type(c)).createVector(allocator);
                vectors.add(v);
                v.setInitialCapacity(n);
                v.allocateNew();
                if (c < leftColumns) {
                    VectorGather.gather(leftSource[c], leftRows, n, v, 0);
                } else {
                    VectorGather.gather(rightSource[c - leftColumns], rightRows, n, v, 0);
                }
                v.setValueCount(n);
            }
            rowKinds = new TinyIntVector("$row_kind", allocator);
            rowKinds.allocateNew(n);
            for (int k = 0; k < n; k++) {
                rowKinds.set(k, kinds[k]);
            }
            rowKinds.setValueCount(n);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            if (rowKinds != null) {
                rowKinds.close();
            }
            throw e;
        }
        RowBatch batch = RowBatch.of(outputType, vectors, n);
        batch.setRowKinds(rowKinds);
        return batch;
    }
}
