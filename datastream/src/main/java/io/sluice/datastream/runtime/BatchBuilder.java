package io.sluice.datastream.runtime;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Collects serialized records into {@link RecordBatches} batches and emits each when full, before a watermark and
 * at the end of every input batch. A builder that defers records keeps each record as an object beside the batch
 * ({@link RowBatch#defer}) and serializes it only if the runtime needs the bytes: a consumer that reads deferred rows
 * and gets the whole batch (a chain after {@code keyBy} at parallelism 1, a forward exchange) takes the objects.
 */
public final class BatchBuilder implements AutoCloseable {
    private final BufferAllocator allocator;
    private final int capacity;
    private final Output output;
    private final boolean deferRecords;
    private final RecordBytes.Output bytes = new RecordBytes.Output();
    private RowBatch batch;
    private int rows;
    private long emittedWatermark = Long.MIN_VALUE;
    /** Deferring: the rows of the batch being built; null when none is. */
    private DeferredRecords deferred;

    public BatchBuilder(BufferAllocator allocator, int capacity, Output output) {
        this(allocator, capacity, output, false);
    }

    /**
     * @param deferRecords whether records are kept as objects until their bytes are needed; {@link #add} must then
     *     be given records nothing else refers to (copies of what a user function emitted)
     */
    public BatchBuilder(BufferAllocator allocator, int capacity, Output output, boolean deferRecords) {
        this.allocator = allocator;
        this.capacity = Math.max(1, capacity);
        this.output = output;
        this.deferRecords = deferRecords;
    }

    /** Whether records are kept as objects: {@link #add} then takes ownership of them. */
    public boolean defersRecords() {
        return deferRecords;
    }

    /** Serializes {@code record} with {@code serializer} (or keeps it, when deferring) and appends it. */
    public <T> void add(io.sluice.runtime.state.keyed.StateSerializer<T> serializer, T record, long timestamp,
            boolean hasKeyHash, int keyHash, int exit) throws Exception {
        if (deferRecords) {
            if (deferred == null) {
                deferred = new DeferredRecords();
            }
            if (deferred.add(serializer, record, timestamp, hasKeyHash, keyHash, exit) >= capacity) {
                flush();
            }
            return;
        }
        bytes.reset();
        serializer.serialize(record, bytes.data);
        bytes.data.flush();
        if (batch == null) {
            batch = RowBatch.allocate(RecordBatches.TYPE, allocator, capacity);
        }
        ((VarBinaryVector) batch.vector(RecordBatches.RECORD)).setSafe(rows, bytes.buffer(), 0, bytes.size());
        BigIntVector ts = (BigIntVector) batch.vector(RecordBatches.TIMESTAMP);
        if (timestamp == RecordBatches.NO_TIMESTAMP) {
            ts.setNull(rows);
        } else {
            ts.setSafe(rows, timestamp);
        }
        IntVector hash = (IntVector) batch.vector(RecordBatches.KEY_HASH);
        if (hasKeyHash) {
            hash.setSafe(rows, keyHash);
        } else {
            hash.setNull(rows);
        }
        ((IntVector) batch.vector(RecordBatches.EXIT)).setSafe(rows, exit);
        rows++;
        if (rows >= capacity) {
            flush();
        }
    }

    /** Emits the rows collected so far. */
    public void flush() throws Exception {
        if (deferred != null) {
            DeferredRecords d = deferred;
            deferred = null;
            output.emit(d.toBatch(allocator));
            return;
        }
        if (batch == null) {
            return;
        }
        RowBatch b = batch;
        batch = null;
        b.setRowCount(rows);
        rows = 0;
        output.emit(b);
    }

    /** Emits the collected rows, then {@code watermark} if it is above every watermark emitted before. */
    public void watermark(long watermark) throws Exception {
        if (watermark > emittedWatermark) {
            flush();
            emittedWatermark = watermark;
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void close() {
        if (batch != null) {
            batch.close();
            batch = null;
        }
        deferred = null;
    }
}
