package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.aggregate.KeyedWindowAggregates;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RoutedKey;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StoredRowCodec;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedStateBackends;
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
import java.util.NavigableSet;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * The rows of the windows not yet fired of a window Top-N, a window deduplication or a window join (two sides) when
 * the job's keyed state lives in a backend ({@code state.backend.type} other than {@code hashmap}, e.g.
 * {@code rocksdb}), so that they may be far more than the heap.
 *
 * <p><b>Layout</b>, as for {@link KeyedWindowAggregates}: the rows of one window are spread over
 * {@link KeyedWindowAggregates#BUCKETS} buckets by the exchange hash of their partition (Top-N), key (deduplication)
 * or join key (window join, the same hash on both sides) columns; each (window end, bucket) is one key of the backend,
 * holding a map per side. A Top-N or a join keeps every row, named by a sequence number and the instance that wrote it
 * (so a bucket reads back in arrival order); a deduplication keeps one row per key, named by the encoded key, with its
 * rowtime. The heap keeps, per window not yet fired, one bit per bucket holding rows. A window fires bucket
 * by bucket: the bucket's rows are decoded (a partition never spans buckets), handed to the operator and deleted, so
 * only one bucket is on the heap at a time.
 *
 * <p><b>Checkpoints</b> hold the sequence counter, the bucket index and the backend's snapshot. A restore at another
 * parallelism loads every old instance's entries, then deletes, bucket by bucket, the rows the input exchange no
 * longer routes to this instance.
 */
final class KeyedWindowRows implements AutoCloseable {
    private static final int BUCKETS = KeyedWindowAggregates.BUCKETS;
    private static final int WORDS = BUCKETS / 64;

    /** Receives the rows of one bucket of a fired window, one buffer per side (in arrival order). */
    @FunctionalInterface
    interface BucketRows {
        void accept(RowBuffer[] sides) throws Exception;
    }

    private final RowType[] types;
    private final int[][] bucketFields;
    private final BufferAllocator allocator;
    private final int maxParallelism;
    private final int subtask;
    private final KeyedStateBackend<RoutedKey> backend;
    private final StoredRowCodec keyCodec;
    private final StoredRowCodec[] rowCodecs;
    private final KeyedMapState<VoidNamespace, byte[], byte[]>[] rows;
    /** Per window not yet fired (by its end): the buckets holding rows, one bit each. */
    private final TreeMap<Long, long[]> windows = new TreeMap<>();
    private long sequence;

    /** Rows of {@code inputType}, bucketed by {@code bucketFields}; {@code identity} names the backend's keys. */
    KeyedWindowRows(OperatorContext context, RowType inputType, int[] bucketFields, String identity) {
        this(context, new RowType[] {inputType}, new int[][] {bucketFields}, identity);
    }

    /**
     * Rows of one or two sides (a join's left and right input), side {@code s} of type {@code types[s]} bucketed by
     * its columns {@code bucketFields[s]}; {@code identity} names the backend's keys.
     */
    @SuppressWarnings("unchecked")
    KeyedWindowRows(OperatorContext context, RowType[] types, int[][] bucketFields, String identity) {
        this.types = types.clone();
        this.bucketFields = bucketFields.clone();
        this.allocator = context.allocator();
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        this.subtask = context.subtaskIndex();
        this.keyCodec = new StoredRowCodec(types[0].project(bucketFields[0]));
        this.rowCodecs = new StoredRowCodec[types.length];
        this.rows = new KeyedMapState[types.length];
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer(identity),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
        for (int side = 0; side < types.length; side++) {
            rowCodecs[side] = new StoredRowCodec(types[side]);
            rows[side] = backend.getMapState(side == 0 ? "window-rows" : "window-rows-" + side, StateSerializers.BYTES,
                    StateSerializers.BYTES);
        }
    }

    /** The ends of the windows holding rows, in order. */
    NavigableSet<Long> windowEnds() {
        return windows.navigableKeySet();
    }

    // ---------------------------------------------------------------- encodings

    private static FieldVector[] columns(FieldVector[] in, int[] fields) {
        FieldVector[] keyVectors = new FieldVector[fields.length];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = in[fields[k]];
        }
        return keyVectors;
    }

    /** The bucket of a row whose bucket columns have exchange hash {@code hash}. */
    private static int bucketOf(int hash) {
        int h = hash * 0x9E3779B9;
        return (h >>> 16) & (BUCKETS - 1);
    }

    /** A row's name for {@link #append}: a sequence number, then this instance (unique across a merged restore). */
    private byte[] nextName() {
        return ByteBuffer.allocate(12).putLong(sequence++).putInt(subtask).array();
    }

    /** Makes (window end, bucket) the backend's current key and marks the bucket as holding rows. */
    private void selectBucket(long windowEnd, int bucket, boolean mark) {
        byte[] k = ByteBuffer.allocate(10).putLong(windowEnd).putShort((short) bucket).array();
        int hash = 31 * Long.hashCode(windowEnd) + bucket;
        backend.setCurrentKey(new RoutedKey(hash, k), KeyGroupAssignment.keyGroupFor(hash, maxParallelism));
        if (mark) {
            windows.computeIfAbsent(windowEnd, w -> new long[WORDS])[bucket >>> 6] |= 1L << (bucket & 63);
        }
    }

    // ---------------------------------------------------------------- rows

    /** Keeps every row of {@code batch} of side {@code side} (all of the window ending at {@code windowEnd}). */
    void append(int side, RowBatch batch, long windowEnd) {
        FieldVector[] in = batch.root().getFieldVectors().toArray(new FieldVector[0]);
        FieldVector[] keys = columns(in, bucketFields[side]);
        for (int i = 0; i < batch.rowCount(); i++) {
            selectBucket(windowEnd, bucketOf(KeyOwnership.keyHash(keys, i)), true);
            rows[side].put(nextName(), rowCodecs[side].encode(in, i));
        }
    }

    /**
     * Offers every row of {@code batch} (all of the window ending at {@code windowEnd}; rowtime {@code timeField} not
     * NULL) to its key: it replaces the key's kept row when its rowtime is smaller (first row) or not smaller (last
     * row, {@code keepLast}). A key is read and written once per batch.
     */
    void offer(RowBatch batch, long windowEnd, int timeField, boolean keepLast) {
        FieldVector[] in = batch.root().getFieldVectors().toArray(new FieldVector[0]);
        FieldVector[] keys = columns(in, bucketFields[0]);
        TimeStampVector time = (TimeStampVector) in[timeField];
        Map<ByteBuffer, Integer> winners = new LinkedHashMap<>();
        for (int i = 0; i < batch.rowCount(); i++) {
            ByteBuffer key = ByteBuffer.wrap(keyCodec.encode(keys, i));
            Integer current = winners.get(key);
            if (current == null || beats(time.get(i), time.get(current), keepLast)) {
                winners.put(key, i);
            }
        }
        for (Map.Entry<ByteBuffer, Integer> w : winners.entrySet()) {
            byte[] key = w.getKey().array();
            int i = w.getValue();
            selectBucket(windowEnd, bucketOf(KeyOwnership.keyHash(keys, i)), true);
            byte[] kept = rows[0].get(key);
            if (kept == null || beats(time.get(i), ByteBuffer.wrap(kept).getLong(), keepLast)) {
                byte[] row = rowCodecs[0].encode(in, i);
                rows[0].put(key, ByteBuffer.allocate(8 + row.length).putLong(time.get(i)).put(row).array());
            }
        }
    }

    /** Whether a later row at {@code time} replaces a kept row at {@code keptTime}. */
    private static boolean beats(long time, long keptTime, boolean keepLast) {
        return keepLast ? time >= keptTime : time < keptTime;
    }

    // ---------------------------------------------------------------- firing

    /**
     * Hands the rows of the window ending at {@code windowEnd} to {@code consumer}, bucket by bucket (a bucket holding
     * rows of at least one side), and deletes them; {@code timed}: the rows were kept by {@link #offer} (else by
     * {@link #append}).
     */
    void fire(long windowEnd, boolean timed, BucketRows consumer) throws Exception {
        long[] bits = windows.remove(windowEnd);
        if (bits == null) {
            return;
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            if ((bits[bucket >>> 6] & (1L << (bucket & 63))) == 0) {
                continue;
            }
            selectBucket(windowEnd, bucket, false);
            RowBuffer[] sides = new RowBuffer[types.length];
            try {
                boolean any = false;
                for (int side = 0; side < types.length; side++) {
                    List<byte[]> stored = new ArrayList<>();
                    for (byte[] value : rows[side].values()) {
                        stored.add(value);
                    }
                    rows[side].clear();
                    sides[side] = new RowBuffer(types[side], allocator);
                    if (!stored.isEmpty()) {
                        any = true;
                        try (RowBatch decoded = decode(side, stored, timed)) {
                            sides[side].append(decoded);
                        }
                    }
                }
                if (any) {
                    consumer.accept(sides);
                }
            } finally {
                for (RowBuffer b : sides) {
                    if (b != null) {
                        b.close();
                    }
                }
            }
        }
    }

    private RowBatch decode(int side, List<byte[]> stored, boolean timed) {
        RowBatch out = RowBatch.allocate(types[side], allocator, stored.size());
        try {
            FieldVector[] target = out.root().getFieldVectors().toArray(new FieldVector[0]);
            int skip = timed ? 8 : 0;
            for (int j = 0; j < stored.size(); j++) {
                rowCodecs[side].decode(stored.get(j), skip, target, j);
            }
            out.setRowCount(stored.size());
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /** Writes the sequence counter, the bucket index and the backend's snapshot. */
    void snapshot(StateWriter out) throws IOException {
        out.writeLong(sequence);
        out.writeInt(windows.size());
        for (Map.Entry<Long, long[]> e : windows.entrySet()) {
            out.writeLong(e.getKey());
            for (long word : e.getValue()) {
                out.writeLong(word);
            }
        }
        out.writeBytes(backend.snapshotBytes());
    }

    /** Restores what {@link #snapshot} wrote (same parallelism). */
    void restore(StateReader in) throws IOException {
        readIndex(in);
        backend.restore(List.of(new ByteArrayInputStream(in.readBytes())));
    }

    /**
     * Restores the snapshots of every instance of a run at another parallelism (each positioned after the operator's
     * own fields), keeping the rows {@code owned} accepts (null: every row); {@code timed} as for {@link #fire}.
     */
    void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned, boolean timed) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (StateReader in : snapshots) {
            readIndex(in);
            streams.add(new ByteArrayInputStream(in.readBytes()));
        }
        backend.restore(streams, key -> true);
        if (owned == null || owned.routing() == KeyOwnership.Routing.ALL) {
            return;
        }
        for (Map.Entry<Long, long[]> w : windows.entrySet()) {
            long[] bits = w.getValue();
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                if ((bits[bucket >>> 6] & (1L << (bucket & 63))) == 0) {
                    continue;
                }
                selectBucket(w.getKey(), bucket, false);
                for (int side = 0; side < types.length; side++) {
                    dropUnowned(side, owned, timed);
                }
            }
        }
    }

    /** Deletes the current bucket's rows of side {@code side} that {@code owned} routes to other instances. */
    private void dropUnowned(int side, KeyOwnership owned, boolean timed) throws IOException {
        List<byte[]> names = new ArrayList<>();
        List<byte[]> stored = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : rows[side].entries()) {
            names.add(e.getKey());
            stored.add(e.getValue());
        }
        if (stored.isEmpty()) {
            return;
        }
        int[] allColumns = new int[types[side].size()];
        for (int c = 0; c < allColumns.length; c++) {
            allColumns[c] = c;
        }
        try (RowBatch decoded = decode(side, stored, timed)) {
            boolean[] mine = owned.ownedRows(decoded, allColumns, side);
            for (int j = 0; j < mine.length; j++) {
                if (!mine[j]) {
                    rows[side].remove(names.get(j));
                }
            }
        }
    }

    private void readIndex(StateReader in) throws IOException {
        sequence = Math.max(sequence, in.readLong());
        int n = in.readInt();
        for (int w = 0; w < n; w++) {
            long end = in.readLong();
            long[] bits = windows.computeIfAbsent(end, e -> new long[WORDS]);
            for (int i = 0; i < WORDS; i++) {
                bits[i] |= in.readLong();
            }
        }
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
