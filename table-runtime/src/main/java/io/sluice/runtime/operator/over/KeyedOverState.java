package io.sluice.runtime.operator.over;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RoutedKey;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StoredRowCodec;
import io.sluice.runtime.state.TimeOrderedName;
import io.sluice.runtime.state.TimeSliceKeyIndex;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedStateBackends;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * The state of a {@link StreamingOverAggregateOperator} kept in a keyed-state backend ({@code state.backend.type}
 * other than {@code hashmap}, e.g. {@code rocksdb}), per partition key (the encoded PARTITION BY columns and the hash
 * the input exchange routes them by), so that it may be far larger than the heap.
 *
 * <p><b>Layout.</b> Per partition: the rows waiting for the watermark (rowtime) and the rows kept for later rows'
 * frames, each a map from (time, sequence number) to the encoded row ({@link StoredRowCodec}) in time order, and the
 * running aggregates of frames from UNBOUNDED PRECEDING, one value. The operator evaluates a firing exactly as on the
 * heap, over the partitions of the firing only: their ready rows, kept rows and running aggregates are loaded into the
 * operator's heap structures, the firing runs, and what it keeps is written back.
 *
 * <p><b>Firing without scanning every partition.</b> A {@link TimeSliceKeyIndex} holds each partition with waiting
 * rows at the times of those rows; a watermark reads only the partitions holding rows at or before it. A second index
 * lists every partition that keeps rows or aggregates, so that a restore at another parallelism can delete the
 * partitions the exchange now routes elsewhere.
 */
final class KeyedOverState implements AutoCloseable {
    /** Milliseconds per time slice of the index of waiting rows. */
    static final long SLICE_MILLIS = 100;
    /** A firing round ends after the partition that brings its ready rows to at least this many. */
    static final int ROUND_ROWS = 4096;

    /** Receives the ready rows of a round of partitions (each partition's rows contiguous, in time order). */
    @FunctionalInterface
    interface Round {
        void fire(RowBatch ready) throws Exception;
    }

    private final RowType inputType;
    private final int timeField;
    private final int[] partitionFields;
    private final BufferAllocator allocator;
    private final int maxParallelism;
    private final KeyedStateBackend<RoutedKey> backend;
    private final StoredRowCodec keyCodec;
    private final StoredRowCodec rowCodec;
    private final KeyedMapState<VoidNamespace, byte[], byte[]> pending;
    private final KeyedMapState<VoidNamespace, byte[], byte[]> retained;
    private final KeyedValueState<VoidNamespace, byte[]> running;
    private final TimeSliceKeyIndex waiting;
    private final TimeSliceKeyIndex stored;
    private long sequence;
    private int roundRows = ROUND_ROWS;

    KeyedOverState(OperatorContext context, RowType inputType, int timeField, int[] partitionFields) {
        this.inputType = inputType;
        this.timeField = timeField;
        this.partitionFields = partitionFields.clone();
        this.allocator = context.allocator();
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        this.keyCodec = new StoredRowCodec(inputType.project(partitionFields));
        this.rowCodec = new StoredRowCodec(inputType);
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-over-partition"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
        this.pending = backend.getMapState("over-pending", StateSerializers.BYTES, StateSerializers.BYTES);
        this.retained = backend.getMapState("over-retained", StateSerializers.BYTES, StateSerializers.BYTES);
        this.running = backend.getValueState("over-running", StateSerializers.BYTES);
        this.waiting = new TimeSliceKeyIndex(backend, "over-index", 0, SLICE_MILLIS);
        this.stored = new TimeSliceKeyIndex(backend, "over-index", 1, 1);
    }

    /** A firing round ends after the partition that brings its ready rows to at least {@code rows} (tests). */
    void setRoundRows(int rows) {
        this.roundRows = rows;
    }

    private void setKey(RoutedKey key) {
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
    }

    // ---------------------------------------------------------------- encodings

    private void decode(byte[] row, FieldVector[] target, int index) {
        rowCodec.decode(row, 0, target, index);
    }

    /** A row's entry name: its time, then a sequence number. */
    private byte[] entryName(long time) {
        return TimeOrderedName.of(time, sequence++);
    }

    /** The partition key of row {@code row} of {@code vectors} (every column of the input). */
    RoutedKey keyOf(List<FieldVector> vectors, int row) {
        FieldVector[] keyVectors = new FieldVector[partitionFields.length];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = vectors.get(partitionFields[k]);
        }
        return new RoutedKey(KeyOwnership.keyHash(keyVectors, row), keyCodec.encode(keyVectors, row));
    }

    // ---------------------------------------------------------------- waiting rows (rowtime)

    /** Keeps the rows of {@code batch} (none late, none with a NULL time) until the watermark reaches them. */
    void addPending(RowBatch batch) {
        List<FieldVector> vectors = batch.root().getFieldVectors();
        FieldVector[] in = vectors.toArray(new FieldVector[0]);
        TimeStampVector time = (TimeStampVector) in[timeField];
        Set<List<Object>> registered = new HashSet<>();
        for (int i = 0; i < batch.rowCount(); i++) {
            RoutedKey key = keyOf(vectors, i);
            long t = time.get(i);
            setKey(key);
            pending.put(entryName(t), rowCodec.encode(in, i));
            if (registered.add(List.of(Math.floorDiv(t, SLICE_MILLIS), key))) {
                waiting.register(t, key);
            }
        }
    }

    /**
     * Hands the waiting rows with a time before {@code before} (every waiting row when {@code all}) to {@code round},
     * partition by partition in time order, in rounds of about {@link #ROUND_ROWS} rows, and deletes them.
     */
    void takeReady(long before, boolean all, Round round) throws Exception {
        if (waiting.isEmpty()) {
            return;
        }
        Collector collector = new Collector(round);
        try {
            waiting.sweep(before, all, (key, sliceEnd) -> {
                setKey(key);
                boolean stillInSlice = false;
                for (Map.Entry<byte[], byte[]> e : pending.entries()) {
                    long t = TimeOrderedName.timeOf(e.getKey());
                    if (all || t < before) {
                        collector.add(e.getValue());
                        pending.remove(e.getKey());
                    } else {
                        stillInSlice = t < sliceEnd;
                        break; // entries come in time order
                    }
                }
                collector.endPartition();
                return !stillInSlice;
            });
            collector.flush();
        } finally {
            collector.close();
        }
    }

    /** Decodes ready rows into a batch and hands it over once a partition ends past {@link #ROUND_ROWS} rows. */
    private final class Collector implements AutoCloseable {
        private final Round round;
        private RowBatch batch;
        private int count;

        Collector(Round round) {
            this.round = round;
        }

        void add(byte[] row) {
            if (batch == null) {
                batch = RowBatch.allocate(inputType, allocator, ROUND_ROWS);
                count = 0;
            }
            FieldVector[] target = batch.root().getFieldVectors().toArray(new FieldVector[0]);
            decode(row, target, count++);
        }

        void endPartition() throws Exception {
            if (count >= roundRows) {
                flush();
            }
        }

        void flush() throws Exception {
            if (batch == null) {
                return;
            }
            RowBatch full = batch;
            batch = null;
            full.setRowCount(count);
            try (full) {
                round.fire(full);
            }
        }

        @Override
        public void close() {
            if (batch != null) {
                batch.close();
                batch = null;
            }
        }
    }

    // ---------------------------------------------------------------- kept rows and running aggregates

    /**
     * Loads partition {@code key}'s kept rows (appended to {@code rows}) and running aggregates (into slot
     * {@code slot}); returns whether it had any.
     */
    boolean load(RoutedKey key, int slot, List<RunningAggregate> aggregates, RowBatchSink rows) throws IOException {
        setKey(key);
        List<byte[]> kept = new ArrayList<>();
        for (byte[] row : retained.values()) {
            kept.add(row);
        }
        if (!kept.isEmpty()) {
            try (RowBatch b = RowBatch.allocate(inputType, allocator, kept.size())) {
                FieldVector[] target = b.root().getFieldVectors().toArray(new FieldVector[0]);
                for (int i = 0; i < kept.size(); i++) {
                    decode(kept.get(i), target, i);
                }
                b.setRowCount(kept.size());
                rows.append(b);
            }
        }
        byte[] state = running.value();
        if (state != null) {
            StateReader in = new StateReader(new ByteArrayInputStream(state));
            int[] target = {slot};
            for (RunningAggregate a : aggregates) {
                a.restoreRemapped(in, target);
            }
        }
        return state != null || !kept.isEmpty();
    }

    /** Where {@link #load} puts the kept rows. */
    @FunctionalInterface
    interface RowBatchSink {
        void append(RowBatch rows);
    }

    /**
     * Replaces partition {@code key}'s kept rows with rows {@code rows[0, count)} of {@code vectors} (in time order)
     * and its running aggregates with slot {@code slot} of {@code aggregates}; {@code known}: it had state before.
     */
    void store(RoutedKey key, boolean known, List<FieldVector> vectors, int[] rows, int count, int slot,
            List<RunningAggregate> aggregates) throws IOException {
        setKey(key);
        retained.clear();
        FieldVector[] in = vectors.toArray(new FieldVector[0]);
        TimeStampVector time = (TimeStampVector) in[timeField];
        for (int i = 0; i < count; i++) {
            retained.put(entryName(time.get(rows[i])), rowCodec.encode(in, rows[i]));
        }
        if (!aggregates.isEmpty()) {
            ByteArrayOutputStream state = new ByteArrayOutputStream();
            StateWriter w = new StateWriter(state);
            for (RunningAggregate a : aggregates) {
                a.snapshotSlot(w, slot);
            }
            w.flush();
            running.update(state.toByteArray());
        }
        if (!known && (count > 0 || !aggregates.isEmpty())) {
            stored.register(0, key);
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /** Writes the sequence counter, the indexes' heap parts and the backend's snapshot. */
    void snapshot(StateWriter w) throws IOException {
        w.writeLong(sequence);
        waiting.write(w);
        stored.write(w);
        w.writeBytes(backend.snapshotBytes());
    }

    /** Restores what {@link #snapshot} wrote (same parallelism). */
    void restore(StateReader r) throws IOException {
        readIndexes(r);
        backend.restore(List.of(new ByteArrayInputStream(r.readBytes())));
    }

    /**
     * Restores the snapshots of every instance of a run at another parallelism (each positioned after the operator's
     * own fields), keeping the partitions {@code owned} accepts (null: every partition).
     */
    void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (StateReader r : snapshots) {
            readIndexes(r);
            streams.add(new ByteArrayInputStream(r.readBytes()));
        }
        backend.restore(streams, key -> true);
        if (owned == null || owned.routing() == KeyOwnership.Routing.ALL) {
            return;
        }
        for (TimeSliceKeyIndex index : new TimeSliceKeyIndex[] {waiting, stored}) {
            index.dropUnowned(owned, key -> {
                pending.clear();
                retained.clear();
                running.clear();
            });
        }
    }

    private void readIndexes(StateReader r) throws IOException {
        sequence = Math.max(sequence, r.readLong());
        waiting.read(r);
        stored.read(r);
    }

    /** Bytes of state (on disk for RocksDB), an estimate for metrics. */
    long stateSizeBytes() {
        return backend.stateSizeBytes();
    }

    @Override
    public void close() {
        backend.close();
    }
}
