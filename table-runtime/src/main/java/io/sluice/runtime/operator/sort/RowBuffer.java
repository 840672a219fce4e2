package io.sluice.runtime.operator.sort;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.util.VectorBatchAppender;

/**
 * Rows of one {@link RowType} collected from many batches into one growing set of vectors, so that
 * sorting and windowing address every buffered row by a single {@code int} index.
 *
 * <p>Appending copies the batch's buffers (whole-buffer copies, not per value); the caller keeps
 * ownership of the appended batch. {@link #close()} releases all buffered memory.
 */
public final class RowBuffer implements AutoCloseable {
    private final RowType type;
    private final BufferAllocator allocator;
    private final List<FieldVector> vectors;
    private int rowCount;

    public RowBuffer(RowType type, BufferAllocator allocator) {
        this.type = type;
        this.allocator = allocator;
        this.vectors = new ArrayList<>(type.size());
        for (int c = 0; c < type.size(); c++) {
            vectors.add(ArrowTypes.toField(type.name(c), type.type(c)).createVector(allocator));
        }
        allocateEmpty();
    }

    public RowType type() {
        return type;
    }

    /**
     * Copies the rows of {@code batch} to the end of the buffer. The caller still owns and closes the
     * batch; a column whose Arrow field differs from the buffer's only in name, nullability or metadata
     * is moved (not copied) out of the batch, leaving that batch vector empty.
     */
    public void append(RowBatch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        if (batch.columnCount() != vectors.size()) {
            throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, buffer has "
                    + vectors.size());
        }
        for (int c = 0; c < vectors.size(); c++) {
            FieldVector target = vectors.get(c);
            FieldVector delta = batch.vector(c);
            if (delta.getValueCount() != rows) {
                delta.setValueCount(rows);
            }
            if (delta.getField().equals(target.getField())) {
                VectorBatchAppender.batchAppend(target, delta);
            } else {
                // Same Arrow type, other name / nullability / metadata: relabel the buffers, then append.
                TransferPair relabel = delta.getTransferPair(target.getField(), allocator);
                relabel.transfer();
                try (FieldVector same = (FieldVector) relabel.getTo()) {
                    same.setValueCount(rows);
                    VectorBatchAppender.batchAppend(target, same);
                }
            }
        }
        rowCount += rows;
    }

    /** Number of buffered rows. */
    public int rowCount() {
        return rowCount;
    }

    /** The buffer's vectors, one per column, holding {@link #rowCount()} rows. Owned by the buffer. */
    public List<FieldVector> vectors() {
        return vectors;
    }

    /** A new batch of the rows {@code indexes[from, to)}, in that order, allocated from {@code alloc}. */
    public RowBatch gather(int[] indexes, int from, int to, RowType outType, BufferAllocator alloc) {
        int n = to - from;
        RowBatch out = RowBatch.allocate(outType, alloc, n);
        try {
            for (int c = 0; c < vectors.size(); c++) {
                VectorGather.gather(vectors.get(c), indexes, from, to, out.vector(c), 0);
            }
            out.setRowCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Keeps only the rows {@code indexes[0, count)}, in that order, releasing the memory of the others.
     */
    public void keepOnly(int[] indexes, int count) {
        List<FieldVector> kept = new ArrayList<>(vectors.size());
        try {
            for (FieldVector old : vectors) {
                FieldVector v = old.getField().createVector(allocator);
                kept.add(v);
                v.setInitialCapacity(Math.max(count, 1));
                v.allocateNew();
                VectorGather.gather(old, indexes, 0, count, v, 0);
                v.setValueCount(count);
            }
        } catch (RuntimeException e) {
            kept.forEach(FieldVector::close);
            throw e;
        }
        for (FieldVector old : vectors) {
            old.close();
        }
        vectors.clear();
        vectors.addAll(kept);
        rowCount = count;
    }

    /** Empties the buffer and releases its memory; it can be appended to again. */
    public void clear() {
        for (FieldVector v : vectors) {
            v.clear();
        }
        rowCount = 0;
        allocateEmpty();
    }

    /** Appending needs allocated target buffers (the offset buffer of a variable-width vector). */
    private void allocateEmpty() {
        for (FieldVector v : vectors) {
            v.setInitialCapacity(16);
            v.allocateNew();
        }
    }

    @Override
    public void close() {
        for (FieldVector v : vectors) {
            v.close();
        }
        rowCount = 0;
    }
}
