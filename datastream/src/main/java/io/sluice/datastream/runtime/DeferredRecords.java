package io.sluice.datastream.runtime;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * The rows of a {@link RecordBatches} batch kept as Java values instead of in its vectors ({@link RowBatch#defer}):
 * per row the record object, its timestamp, its key hash and its exit. A chain that is the batch's only receiver reads
 * them as they are ({@link ChainOperator}); for anything else the runtime has {@link #write} serialize each record
 * with its serializer and fill the batch's vectors. The records must be objects nothing else refers to.
 */
public final class DeferredRecords implements RowBatch.DeferredRows {
    /** The room the arrays start with (they double as rows are added). */
    private static final int INITIAL_CAPACITY = 64;
    private Object[] records;
    /** Per row the serializer of its record; null when every record has {@link #serializer}. */
    private StateSerializer<?>[] serializers;
    private final StateSerializer<?> serializer;
    private long[] timestamps;
    /** Per row its key hash, or (when {@link #hashed} is false) none. */
    private int[] keyHashes;
    private boolean[] hashed;
    private int[] exits;
    private int size;

    /** No rows yet; the records may each have another serializer. */
    public DeferredRecords() {
        this(null, INITIAL_CAPACITY);
    }

    /**
     * No rows yet, room for {@code capacity}; {@code serializer} non-null: every record is serialized with it.
     */
    public DeferredRecords(StateSerializer<?> serializer, int capacity) {
        int n = Math.max(1, capacity);
        this.records = new Object[n];
        this.serializer = serializer;
        this.serializers = serializer == null ? new StateSerializer<?>[n] : null;
        this.timestamps = new long[n];
        this.keyHashes = new int[n];
        this.hashed = new boolean[n];
        this.exits = new int[n];
    }

    private void grow() {
        int n = records.length * 2;
        records = java.util.Arrays.copyOf(records, n);
        if (serializers != null) {
            serializers = java.util.Arrays.copyOf(serializers, n);
        }
        timestamps = java.util.Arrays.copyOf(timestamps, n);
        keyHashes = java.util.Arrays.copyOf(keyHashes, n);
        hashed = java.util.Arrays.copyOf(hashed, n);
        exits = java.util.Arrays.copyOf(exits, n);
    }

    /** Appends a row; returns the number of rows. */
    public int add(StateSerializer<?> recordSerializer, Object record, long timestamp, boolean hasKeyHash,
            int keyHash, int exit) {
        int r = size;
        if (r == records.length) {
            grow();
        }
        records[r] = record;
        if (serializers != null) {
            serializers[r] = recordSerializer;
        }
        timestamps[r] = timestamp;
        keyHashes[r] = keyHash;
        hashed[r] = hasKeyHash;
        exits[r] = exit;
        return ++size;
    }

    public int size() {
        return size;
    }

    /** The record of row {@code r}. */
    public Object record(int r) {
        return records[r];
    }

    /** The timestamp of row {@code r}, or {@link RecordBatches#NO_TIMESTAMP}. */
    public long timestamp(int r) {
        return timestamps[r];
    }

    /** The exit of row {@code r}. */
    public int exit(int r) {
        return exits[r];
    }

    /** A batch of this layout with {@link #size} rows, carrying these rows in place of its vectors' contents. */
    public RowBatch toBatch(org.apache.arrow.memory.BufferAllocator allocator) {
        RowBatch batch = RowBatch.allocate(RecordBatches.TYPE, allocator, size);
        batch.setRowCount(size);
        batch.defer(this, this);
        return batch;
    }

    /** Serializes the records into the batch's vectors, with their timestamps, key hashes and exits. */
    @Override
    @SuppressWarnings("unchecked")
    public void write(RowBatch batch, Object rows) {
        int n = batch.rowCount();
        VarBinaryVector column = RecordBatches.records(batch);
        BigIntVector ts = RecordBatches.timestamps(batch);
        IntVector hash = (IntVector) batch.vector(RecordBatches.KEY_HASH);
        IntVector exit = RecordBatches.exits(batch);
        column.reset();
        RecordBytes.Output out = new RecordBytes.Output();
        try {
            for (int r = 0; r < n; r++) {
                out.reset();
                StateSerializer<Object> s = (StateSerializer<Object>) (serializers != null ? serializers[r] : serializer);
                s.serialize(records[r], out);
                column.setSafe(r, out.buffer(), 0, out.size());
                if (timestamps[r] == RecordBatches.NO_TIMESTAMP) {
                    ts.setNull(r);
                } else {
                    ts.setSafe(r, timestamps[r]);
                }
                if (hashed[r]) {
                    hash.setSafe(r, keyHashes[r]);
                } else {
                    hash.setNull(r);
                }
                exit.setSafe(r, exits[r]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize a record", e);
        }
        column.setValueCount(n);
        ts.setValueCount(n);
        hash.setValueCount(n);
        exit.setValueCount(n);
    }
}
