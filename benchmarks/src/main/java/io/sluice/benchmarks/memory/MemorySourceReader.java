package io.sluice.benchmarks.memory;

import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Emits one batch per dataset batch, holding only the projected columns.
 *
 * <p>Arrow can only transfer or share a buffer between allocators of the same root, and each job has
 * its own root allocator. So in {@link ReplayMode#COPY} the buffers are copied into the reader's
 * allocator: one bulk memory copy per Arrow buffer (validity, offsets, data), no per-value work. In
 * {@link ReplayMode#SHARE} the emitted vectors are zero-copy views of the dataset's buffers that stay
 * accounted to the dataset's allocator (a reference count each, released when the receiver closes
 * the batch); that only works while no downstream operator transfers input vectors into its own
 * allocator (Arrow then fails with "A buffer can only be associated between two allocators that share
 * the same root").
 */
final class MemorySourceReader implements SourceReader {
    private final List<RowBatch> batches;
    private final int[] fields;
    private final RowType producedType;
    private final BufferAllocator allocator;
    private final ReplayMode mode;
    private int next;

    MemorySourceReader(List<RowBatch> batches, ReaderContext context, ReplayMode mode) {
        this.batches = batches;
        this.mode = mode;
        this.fields = context.projectedFields().clone();
        this.producedType = context.producedType();
        this.allocator = context.allocator();
    }

    @Override
    public void open() {
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        if (next >= batches.size()) {
            return ReadStatus.END_OF_INPUT;
        }
        RowBatch source = batches.get(next++);
        int rows = source.rowCount();
        List<FieldVector> vectors = new ArrayList<>(fields.length);
        try {
            for (int k = 0; k < fields.length; k++) {
                FieldVector src = source.vector(fields[k]);
                vectors.add(mode == ReplayMode.COPY ? copy(src, k, rows) : share(src, rows));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        output.emit(RowBatch.of(producedType, vectors, rows));
        return next < batches.size() ? ReadStatus.MORE_AVAILABLE : ReadStatus.END_OF_INPUT;
    }

    /** A vector viewing the buffers of {@code src}, with one more reference on them in their own allocator. */
    private static FieldVector share(FieldVector src, int rows) {
        TransferPair pair = src.getTransferPair(src.getAllocator());
        pair.splitAndTransfer(0, rows);
        return (FieldVector) pair.getTo();
    }

    /** A vector of output column {@code k} in this reader's allocator with the same content as {@code src}. */
    private FieldVector copy(FieldVector src, int k, int rows) {
        FieldVector dst = ArrowTypes.toField(producedType.name(k), producedType.type(k)).createVector(allocator);
        List<ArrowBuf> from = src.getFieldBuffers();
        List<ArrowBuf> to = new ArrayList<>(from.size());
        try {
            for (ArrowBuf buf : from) {
                long length = buf.writerIndex();
                ArrowBuf copy = allocator.buffer(Math.max(length, 1));
                copy.setBytes(0, buf, 0, length);
                copy.writerIndex(length);
                to.add(copy);
            }
            dst.loadFieldBuffers(new ArrowFieldNode(rows, src.getNullCount()), to);
            dst.setValueCount(rows);
        } catch (RuntimeException e) {
            dst.close();
            throw e;
        } finally {
            // loadFieldBuffers took its own reference; drop ours.
            to.forEach(ArrowBuf::close);
        }
        return dst;
    }

    @Override
    public void close() {
    }
}
