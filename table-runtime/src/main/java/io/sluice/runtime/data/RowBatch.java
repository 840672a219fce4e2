package io.sluice.runtime.data;

import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The unit of data flowing between operators: Arrow vectors of one {@link RowType} plus an optional
 * row-kind vector (absent means every row is {@link RowKind#INSERT}).
 *
 * <p><b>Ownership.</b> A batch owns its vectors. Passing a batch to
 * {@code StreamOperator.processBatch} or {@code Output.emit} hands ownership over: the receiver must
 * {@link #close()} it (or pass it on) and the sender must not touch it again.
 */
public final class RowBatch implements AutoCloseable {
    private final RowType type;
    private final VectorSchemaRoot root;
    private TinyIntVector rowKinds;
    /** The root's vectors, looked up once (the root's vector list never changes); null until first needed. */
    private FieldVector[] vectors;
    /** What stands for the rows until {@link #materialize} writes it into the vectors; null when nothing does. */
    private Object deferredRows;
    private DeferredRows deferredWriter;

    /** Writes what a batch carries in place of its vectors' contents ({@link #defer}) into its vectors. */
    @FunctionalInterface
    public interface DeferredRows {
        /** Writes {@code rows} (what was given to {@link #defer}) into {@code batch}'s vectors. */
        void write(RowBatch batch, Object rows);
    }

    public RowBatch(RowType type, VectorSchemaRoot root, TinyIntVector rowKinds) {
        this.type = type;
        this.root = root;
        this.rowKinds = rowKinds;
    }

    /** Wraps vectors that already hold {@code rowCount} values each; takes ownership of them. */
    public static RowBatch of(RowType type, List<FieldVector> vectors, int rowCount) {
        VectorSchemaRoot root = new VectorSchemaRoot(new ArrayList<>(vectors));
        root.setRowCount(rowCount);
        return new RowBatch(type, root, null);
    }

    /** Allocates empty vectors for {@code type} with room for {@code capacity} rows. */
    public static RowBatch allocate(RowType type, BufferAllocator allocator, int capacity) {
        VectorSchemaRoot root = VectorSchemaRoot.create(type.toArrowSchema(), allocator);
        for (FieldVector v : root.getFieldVectors()) {
            v.setInitialCapacity(capacity);
            v.allocateNew();
        }
        return new RowBatch(type, root, null);
    }

    public RowType type() {
        return type;
    }

    public VectorSchemaRoot root() {
        return root;
    }

    public int rowCount() {
        return root.getRowCount();
    }

    /** Sets the row count of the batch and the value count of every vector. */
    public void setRowCount(int rows) {
        root.setRowCount(rows);
        if (rowKinds != null) {
            rowKinds.setValueCount(rows);
        }
    }

    public int columnCount() {
        return vectors().length;
    }

    public FieldVector vector(int column) {
        FieldVector[] vs = vectors;
        return (vs != null ? vs : vectors())[column];
    }

    private FieldVector[] vectors() {
        if (vectors == null) {
            vectors = root.getFieldVectors().toArray(new FieldVector[0]);
        }
        return vectors;
    }

    /** The row-kind vector, or null when every row is an insert. */
    public TinyIntVector rowKinds() {
        return rowKinds;
    }

    public void setRowKinds(TinyIntVector rowKinds) {
        if (this.rowKinds != null && this.rowKinds != rowKinds) {
            this.rowKinds.close();
        }
        this.rowKinds = rowKinds;
    }

    /** True when the batch has only inserts. */
    public boolean isInsertOnly() {
        if (rowKinds == null) {
            return true;
        }
        for (int i = 0; i < rowCount(); i++) {
            if (rowKinds.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    public RowKind rowKind(int row) {
        return rowKinds == null ? RowKind.INSERT : RowKind.fromByteValue(rowKinds.get(row));
    }

    /** Reads row {@code row} as external Java values. Slow path: for results and tests, not operators. */
    public io.sluice.types.Row getRow(int row) {
        io.sluice.types.Row r = new io.sluice.types.Row(rowKind(row), columnCount());
        for (int c = 0; c < columnCount(); c++) {
            r.setField(c, VectorValues.get(type.type(c), vector(c), row));
        }
        return r;
    }

    /**
     * Lets the batch carry its rows as objects ({@code rows}, in a form its producer and consumers agree on) in place
     * of (some of) its vectors' contents, which the producer has not written: an operator that reads such rows
     * ({@code StreamOperator.readsDeferredRows}) and is the batch's only receiver takes them as they are, on any
     * thread; any other use of the batch first calls {@link #materialize}, which has {@code writer} write them into
     * the vectors. The row count is set as for any batch. The producer must not touch {@code rows} afterwards.
     */
    public void defer(Object rows, DeferredRows writer) {
        this.deferredRows = rows;
        this.deferredWriter = writer;
    }

    /** The rows the batch carries in place of its vectors' contents ({@link #defer}), or null. */
    public Object deferredRows() {
        return deferredRows;
    }

    /** Writes the deferred rows (if any) into the batch's vectors; afterwards the batch carries none. */
    public void materialize() {
        if (deferredRows == null) {
            return;
        }
        Object rows = deferredRows;
        DeferredRows writer = deferredWriter;
        deferredRows = null;
        deferredWriter = null;
        writer.write(this, rows);
    }

    /** Bytes held by this batch's buffers. */
    public long sizeInBytes() {
        long size = 0;
        for (ValueVector v : root.getFieldVectors()) {
            size += v.getBufferSize();
        }
        return size;
    }

    @Override
    public void close() {
        deferredRows = null;
        deferredWriter = null;
        root.close();
        if (rowKinds != null) {
            rowKinds.close();
            rowKinds = null;
        }
    }

    @Override
    public String toString() {
        return "RowBatch{" + type + ", rows=" + rowCount() + "}";
    }
}
