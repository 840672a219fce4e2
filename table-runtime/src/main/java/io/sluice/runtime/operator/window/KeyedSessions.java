package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * The open sessions of a {@link SessionWindowOperator} whose rows live in a keyed-state backend
 * ({@code state.backend.type} other than {@code hashmap}, e.g. {@code rocksdb}), so that the rows of the open
 * sessions may be far more than the heap.
 *
 * <p><b>Layout.</b> Per partition key (the backend key: the encoded partition columns and the hash the input exchange
 * routes them by): a map from (row time, sequence number) to the encoded row ({@link StoredRowCodec}), in time order,
 * and a value holding the key's open sessions (their starts and ends). A batch reads and writes each of its keys'
 * sessions once.
 *
 * <p><b>Firing without scanning every key.</b> A {@link TimeSliceKeyIndex} holds each key with open sessions at a time
 * at or before the earliest end among them (sessions only grow, so an entry may be early). When the watermark passes
 * a slice, its keys are read: each key's sessions whose last millisecond the watermark passed are emitted (their rows
 * read in time order, up to the last closed session's end, and deleted) and the key is indexed again at its next
 * earliest end. So a watermark reads only the keys whose sessions may close.
 *
 * <p><b>Checkpoints</b> hold the sequence counter, the index's heap part and the backend's snapshot. A restore at
 * another parallelism loads every old instance's entries, then deletes through the index the keys the exchange no
 * longer routes to this instance.
 */
final class KeyedSessions implements AutoCloseable {
    private final RowType inputType;
    private final int timeField;
    private final long gap;
    private final int[] partitionFields;
    private final RowType outputType;
    private final BufferAllocator allocator;
    private final int batchSize;
    private final int maxParallelism;
    private final KeyedStateBackend<RoutedKey> backend;
    private final StoredRowCodec keyCodec;
    private final StoredRowCodec rowCodec;
    private final KeyedMapState<VoidNamespace, byte[], byte[]> rows;
    private final KeyedValueState<VoidNamespace, byte[]> bounds;
    private final TimeSliceKeyIndex closing;
    private long sequence;

    KeyedSessions(OperatorContext context, RowType inputType, int timeField, long gap, int[] partitionFields,
            RowType outputType) {
        this.inputType = inputType;
        this.timeField = timeField;
        this.gap = gap;
        this.partitionFields = partitionFields.clone();
        this.outputType = outputType;
        this.allocator = context.allocator();
        this.batchSize = context.batchSize();
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        this.keyCodec = new StoredRowCodec(inputType.project(partitionFields));
        this.rowCodec = new StoredRowCodec(inputType);
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-session-key"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
        this.rows = backend.getMapState("session-rows", StateSerializers.BYTES, StateSerializers.BYTES);
        this.bounds = backend.getValueState("open-sessions", StateSerializers.BYTES);
        // slices of an eighth of the gap: few slices on the heap, a key read early at most a few times a session
        this.closing = new TimeSliceKeyIndex(backend, "close-index", 0, Math.max(1, gap / 8));
    }

    private void setKey(RoutedKey key) {
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
    }

    // ---------------------------------------------------------------- encodings

    /** A row's entry name: its time, then a sequence number. */
    private byte[] entryName(long time) {
        return TimeOrderedName.of(time, sequence++);
    }

    /** The current key's open sessions, or null. */
    private OpenSessions readSessions() {
        byte[] b = bounds.value();
        if (b == null) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(b);
        OpenSessions open = new OpenSessions();
        int n = in.getInt();
        for (int i = 0; i < n; i++) {
            open.add(in.getLong(), in.getLong());
        }
        return open;
    }

    /** Stores the current key's open sessions (none: deletes them). */
    private void writeSessions(OpenSessions open) {
        if (open.size() == 0) {
            bounds.clear();
            return;
        }
        ByteBuffer out = ByteBuffer.allocate(4 + 16 * open.size()).putInt(open.size());
        for (int i = 0; i < open.size(); i++) {
            // stored as (start, end - start): OpenSessions.add(start, length) restores the interval exactly
            out.putLong(open.start(i)).putLong(open.end(i) - open.start(i));
        }
        bounds.update(out.array());
    }

    // ---------------------------------------------------------------- rows

    /** Receives a late row: its position in the batch and its time. */
    interface LateRowSink {
        void add(int row, long time) throws Exception;
    }

    /**
     * Adds the rows of {@code batch} (none with a NULL time) to their keys' sessions, each key's rows in row order;
     * hands to {@code late} instead each row whose interval {@code [t, t + gap)} closed at {@code watermark} and
     * touches no open session of its key (pass {@link Long#MIN_VALUE} to admit every row).
     */
    void admit(RowBatch batch, long watermark, LateRowSink late) throws Exception {
        int n = batch.rowCount();
        FieldVector[] in = batch.root().getFieldVectors().toArray(new FieldVector[0]);
        FieldVector[] keyVectors = new FieldVector[partitionFields.length];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = in[partitionFields[k]];
        }
        Map<RoutedKey, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            RoutedKey key = new RoutedKey(KeyOwnership.keyHash(keyVectors, i), keyCodec.encode(keyVectors, i));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        TimeStampVector time = (TimeStampVector) in[timeField];
        for (Map.Entry<RoutedKey, List<Integer>> e : byKey.entrySet()) {
            RoutedKey key = e.getKey();
            setKey(key);
            OpenSessions open = readSessions();
            long before = open == null ? Long.MAX_VALUE : open.earliestEnd();
            if (open == null) {
                open = new OpenSessions();
            }
            for (int i : e.getValue()) {
                long t = time.get(i);
                if (t + gap - 1 <= watermark && !open.touches(t, gap)) {
                    late.add(i, t);
                    continue;
                }
                open.add(t, gap);
                rows.put(entryName(t), rowCodec.encode(in, i));
            }
            writeSessions(open);
            if (open.size() == 0) {
                continue; // every row of a new key was late
            }
            long after = open.earliestEnd();
            if (before == Long.MAX_VALUE || closing.sliceEnd(after) < closing.sliceEnd(before)) {
                closing.register(after, key); // an earlier end than the key is indexed at
            }
        }
    }

    // ---------------------------------------------------------------- firing

    /**
     * Emits the rows of every session whose last millisecond is at or before {@code watermark} (every session at
     * {@link Long#MAX_VALUE}) with {@code window_start}, {@code window_end} and {@code window_time} appended, key by
     * key in time order, and deletes them.
     */
    void fire(long watermark, Output output) throws Exception {
        if (closing.isEmpty()) {
            return;
        }
        boolean all = watermark >= Long.MAX_VALUE - 1;
        // a session closes when its last millisecond (end - 1) is at or before the watermark: end < watermark + 2
        try (SessionRows out = new SessionRows(output)) {
            closing.sweep(all ? Long.MAX_VALUE : watermark + 2, all, (key, sliceEnd) -> {
                setKey(key);
                OpenSessions open = readSessions();
                if (open == null) {
                    return true;
                }
                OpenSessions done = new OpenSessions();
                open.closeUpTo(watermark, done);
                if (done.size() > 0) {
                    emitClosed(done, out);
                    writeSessions(open);
                }
                if (open.size() == 0) {
                    return true;
                }
                long next = open.earliestEnd();
                if (next < sliceEnd) {
                    return false; // still due in this slice
                }
                closing.register(next, key);
                return true;
            });
        }
    }

    /** Emits and deletes the current key's rows of the closed sessions {@code done} (which precede the open ones). */
    private void emitClosed(OpenSessions done, SessionRows out) throws Exception {
        long lastEnd = done.end(done.size() - 1);
        for (Map.Entry<byte[], byte[]> e : rows.entries()) {
            long t = TimeOrderedName.timeOf(e.getKey());
            if (t >= lastEnd) {
                break; // entries come in time order; the rest belong to open sessions
            }
            int s = done.indexOf(t);
            out.add(e.getValue(), done.start(s), done.end(s));
            rows.remove(e.getKey());
        }
    }

    /** Decodes fired rows into output batches of at most the batch size. */
    private final class SessionRows implements AutoCloseable {
        private final Output output;
        private RowBatch batch;
        private int count;

        SessionRows(Output output) {
            this.output = output;
        }

        void add(byte[] row, long start, long end) throws Exception {
            if (batch == null) {
                batch = RowBatch.allocate(outputType, allocator, batchSize);
                count = 0;
            }
            FieldVector[] target = new FieldVector[inputType.size()];
            for (int c = 0; c < target.length; c++) {
                target[c] = batch.vector(c);
            }
            rowCodec.decode(row, 0, target, count);
            int base = inputType.size();
            ((TimeStampVector) batch.vector(base)).setSafe(count, start);
            ((TimeStampVector) batch.vector(base + 1)).setSafe(count, end);
            ((TimeStampVector) batch.vector(base + 2)).setSafe(count, end - 1);
            count++;
            if (count == batchSize) {
                flush();
            }
        }

        private void flush() throws Exception {
            if (batch == null) {
                return;
            }
            RowBatch full = batch;
            batch = null;
            full.setRowCount(count);
            output.emit(full);
        }

        @Override
        public void close() throws Exception {
            flush();
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /** Writes the sequence counter, the index's heap part and the backend's snapshot. */
    void snapshot(StateWriter w) throws IOException {
        w.writeLong(sequence);
        closing.write(w);
        w.writeBytes(backend.snapshotBytes());
    }

    /** Restores what {@link #snapshot} wrote (same parallelism). */
    void restore(StateReader r) throws IOException {
        sequence = Math.max(sequence, r.readLong());
        closing.read(r);
        backend.restore(List.of(new ByteArrayInputStream(r.readBytes())));
    }

    /**
     * Restores the snapshots of every instance of a run at another parallelism (each positioned after the operator's
     * own fields), keeping the partition keys {@code owned} accepts (null: every key).
     */
    void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (StateReader r : snapshots) {
            sequence = Math.max(sequence, r.readLong());
            closing.read(r);
            streams.add(new ByteArrayInputStream(r.readBytes()));
        }
        backend.restore(streams, key -> true);
        if (owned == null || owned.routing() == KeyOwnership.Routing.ALL) {
            return;
        }
        closing.dropUnowned(owned, key -> {
            rows.clear();
            bounds.clear();
        });
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
