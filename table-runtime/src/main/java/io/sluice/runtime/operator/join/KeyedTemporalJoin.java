package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
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
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The state and the firing of a {@link TemporalJoinOperator} whose pending left rows and right versions live in a
 * keyed-state backend ({@code state.backend.type} other than {@code hashmap}, e.g. {@code rocksdb}), so both may be far
 * more than the heap.
 *
 * <p><b>Layout.</b> Per join key (the backend key: a marker byte and the encoded key columns, with the hash the
 * exchanges route the key by): a map of the pending left rows and a map of the right versions, both from (rowtime,
 * sequence number) to the row kind and the encoded row ({@link StoredRowCodec}), so that they iterate in time order and
 * rows of equal times in arrival order, as on the heap.
 *
 * <p><b>Firing without scanning every key.</b> Two {@link TimeSliceKeyIndex}es (slices of {@link #GRANULARITY}
 * milliseconds) hold the keys by the times of their pending left rows and by the times of their versions. When the
 * watermark {@code W} advances, the keys with left rows at or before {@code W} are read: those rows are joined with the
 * key's version valid at their time, emitted and deleted. Then the keys with versions at or before {@code W} are
 * pruned as the heap path prunes: the versions before the latest one at or before {@code W} are deleted, and that one
 * too when it is a deletion. So a watermark reads only the keys it concerns, and the state is the heap path's, entry
 * for entry (a late left row finds the same versions).
 *
 * <p><b>Checkpoints</b> hold the sequence counter, the indexes' heap part and the backend's snapshot. A restore at
 * another parallelism loads the index entries of every old instance and the rows and versions of the keys the
 * exchanges now route to this instance; index entries naming other keys find nothing when swept.
 */
final class KeyedTemporalJoin implements AutoCloseable {
    /** Milliseconds of event time per slice of the indexes. */
    static final long GRANULARITY = 100;
    private static final byte DELETE = RowKind.DELETE.toByteValue();
    /** The first byte of a join key's backend key (the indexes' keys start with their id, 0 or 1). */
    private static final byte DATA_KEY = (byte) 0xff;

    private final JoinType type;
    private final RowType leftType;
    private final RowType rightType;
    private final int[][] keys;
    private final BatchPredicate residual;
    private final JoinOutputBuffer out;
    private final BufferAllocator allocator;
    private final int batchSize;
    private final int maxParallelism;
    private final KeyedStateBackend<RoutedKey> backend;
    private final StoredRowCodec[] keyCodecs = new StoredRowCodec[2];
    private final StoredRowCodec[] rowCodecs = new StoredRowCodec[2];
    private final KeyedMapState<VoidNamespace, byte[], byte[]> leftRows;
    private final KeyedMapState<VoidNamespace, byte[], byte[]> versions;
    /** The keys by the times of their pending left rows. */
    private final TimeSliceKeyIndex pending;
    /** The keys by the times of their versions. */
    private final TimeSliceKeyIndex pruning;
    private long sequence;

    KeyedTemporalJoin(OperatorContext context, JoinType type, RowType leftType, RowType rightType, int[][] keys,
            BatchPredicate residual, JoinOutputBuffer out) {
        this.type = type;
        this.leftType = leftType;
        this.rightType = rightType;
        this.keys = keys;
        this.residual = residual;
        this.out = out;
        this.allocator = context.allocator();
        this.batchSize = context.batchSize();
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        RowType[] types = {leftType, rightType};
        for (int s = 0; s < 2; s++) {
            keyCodecs[s] = new StoredRowCodec(types[s].project(keys[s]));
            rowCodecs[s] = new StoredRowCodec(types[s]);
        }
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-temporal-join-key"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
        this.leftRows = backend.getMapState("left-rows", StateSerializers.BYTES, StateSerializers.BYTES);
        this.versions = backend.getMapState("versions", StateSerializers.BYTES, StateSerializers.BYTES);
        this.pending = new TimeSliceKeyIndex(backend, "time-index", 0, GRANULARITY);
        this.pruning = new TimeSliceKeyIndex(backend, "time-index", 1, GRANULARITY);
    }

    private void setKey(RoutedKey key) {
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
    }

    // ---------------------------------------------------------------- encodings

    private static FieldVector[] vectorsOf(RowBatch batch) {
        return batch.root().getFieldVectors().toArray(new FieldVector[0]);
    }

    private static FieldVector[] columns(FieldVector[] row, int[] columns) {
        FieldVector[] v = new FieldVector[columns.length];
        for (int k = 0; k < columns.length; k++) {
            v[k] = row[columns[k]];
        }
        return v;
    }

    private static boolean hasNull(FieldVector[] keyVectors, int row) {
        for (FieldVector v : keyVectors) {
            if (v.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    /** The backend key of row {@code row}'s join key (key columns {@code keyVectors} of input {@code side}). */
    private RoutedKey keyOf(int side, FieldVector[] keyVectors, int row) {
        byte[] encoded = keyCodecs[side].encode(keyVectors, row);
        byte[] bytes = new byte[encoded.length + 1];
        bytes[0] = DATA_KEY;
        System.arraycopy(encoded, 0, bytes, 1, encoded.length);
        return new RoutedKey(KeyOwnership.keyHash(keyVectors, row), bytes);
    }

    /** An entry's value: the row kind, then the encoded row. */
    private static byte[] entryValue(byte kind, byte[] row) {
        byte[] value = new byte[row.length + 1];
        value[0] = kind;
        System.arraycopy(row, 0, value, 1, row.length);
        return value;
    }

    // ---------------------------------------------------------------- rows in

    /**
     * Keeps the left rows of {@code batch} (rowtimes in epoch millis, {@link Long#MIN_VALUE} for NULL, and row kinds
     * given) until the watermark passes them; a row with a NULL time is emitted at once (LEFT) or dropped, as is an
     * INNER join's row with a NULL key, which can match nothing.
     */
    void addLeft(RowBatch batch, int rows, long[] times, byte[] kinds) throws Exception {
        FieldVector[] in = vectorsOf(batch);
        FieldVector[] keyVectors = columns(in, keys[0]);
        Map<RoutedKey, Long> registered = new HashMap<>();
        boolean nullTimes = false;
        for (int i = 0; i < rows; i++) {
            if (times[i] == Long.MIN_VALUE) {
                nullTimes = true;
                continue;
            }
            if (type == JoinType.INNER && hasNull(keyVectors, i)) {
                continue;
            }
            RoutedKey key = keyOf(0, keyVectors, i);
            setKey(key);
            leftRows.put(TimeOrderedName.of(times[i], sequence++), entryValue(kinds[i], rowCodecs[0].encode(in, i)));
            register(pending, registered, key, times[i]);
        }
        if (nullTimes && type == JoinType.LEFT) {
            try (Decoded none = new Decoded(rightType)) {
                out.setSources(in, none.vectors);
                for (int i = 0; i < rows; i++) {
                    if (times[i] == Long.MIN_VALUE) {
                        out.add(kinds[i], i, -1);
                    }
                }
                out.flush();
            }
        }
    }

    /** Stores the right rows of {@code batch} as versions (skipping {@code -U}, NULL keys and NULL rowtimes). */
    void addVersions(RowBatch batch, int rows, long[] times, byte[] kinds) {
        FieldVector[] in = vectorsOf(batch);
        FieldVector[] keyVectors = columns(in, keys[1]);
        Map<RoutedKey, Long> registered = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            if (times[i] == Long.MIN_VALUE || kinds[i] == RowKind.UPDATE_BEFORE.toByteValue()
                    || hasNull(keyVectors, i)) {
                continue;
            }
            RoutedKey key = keyOf(1, keyVectors, i);
            setKey(key);
            versions.put(TimeOrderedName.of(times[i], sequence++), entryValue(kinds[i], rowCodecs[1].encode(in, i)));
            register(pruning, registered, key, times[i]);
        }
    }

    /** Registers {@code key} at {@code time} unless this batch registered it in the same slice already. */
    private void register(TimeSliceKeyIndex index, Map<RoutedKey, Long> registered, RoutedKey key, long time) {
        long sliceEnd = index.sliceEnd(time);
        Long before = registered.put(key, sliceEnd);
        if (before == null || before != sliceEnd) {
            index.register(time, key);
        }
    }

    // ---------------------------------------------------------------- firing

    /**
     * Joins and emits the left rows at or before {@code watermark} (all of them at {@link Long#MAX_VALUE}), then prunes
     * the versions as the heap path does at that watermark ({@code prune}).
     */
    void advance(long watermark, boolean prune) throws Exception {
        boolean all = watermark == Long.MAX_VALUE;
        long before = all ? Long.MAX_VALUE : watermark + 1;
        if (!pending.isEmpty()) {
            try (Ready ready = new Ready()) {
                pending.sweep(before, all, (key, sliceEnd) -> {
                    setKey(key);
                    return emitKey(watermark, sliceEnd, ready);
                });
            }
        }
        if (prune && !pruning.isEmpty()) {
            pruning.sweep(before, all, (key, sliceEnd) -> {
                setKey(key);
                return pruneKey(watermark, sliceEnd);
            });
        }
    }

    /**
     * Emits the current key's left rows at or before {@code watermark}; returns whether none is left before
     * {@code sliceEnd}.
     */
    private boolean emitKey(long watermark, long sliceEnd, Ready ready) throws Exception {
        List<Map.Entry<byte[], byte[]>> stored = null;
        for (Map.Entry<byte[], byte[]> e : leftRows.entries()) {
            long t = TimeOrderedName.timeOf(e.getKey());
            if (t > watermark) {
                return t >= sliceEnd; // entries come in time order
            }
            if (stored == null) {
                stored = new ArrayList<>();
                versions.entries().forEach(stored::add);
            }
            byte[] version = null;
            for (Map.Entry<byte[], byte[]> v : stored) {
                if (TimeOrderedName.timeOf(v.getKey()) > t) {
                    break;
                }
                version = v.getValue();
            }
            ready.add(e.getValue(), version != null && version[0] != DELETE ? version : null);
            leftRows.remove(e.getKey());
        }
        return true;
    }

    /**
     * Deletes the current key's versions before its latest one at or before {@code watermark}, and that one too when it
     * is a deletion; whether no version is left between the watermark and {@code sliceEnd}.
     */
    private boolean pruneKey(long watermark, long sliceEnd) {
        List<Map.Entry<byte[], byte[]>> stored = new ArrayList<>();
        versions.entries().forEach(stored::add);
        int latest = -1;
        boolean dueInSlice = false;
        for (int v = 0; v < stored.size(); v++) {
            long t = TimeOrderedName.timeOf(stored.get(v).getKey());
            if (t <= watermark) {
                latest = v;
            } else {
                dueInSlice = t < sliceEnd;
                break;
            }
        }
        if (latest >= 0) {
            int end = stored.get(latest).getValue()[0] == DELETE ? latest + 1 : latest;
            for (int v = 0; v < end; v++) {
                versions.remove(stored.get(v).getKey());
            }
        }
        return !dueInSlice;
    }

    /** Decoded rows of one row type, in vectors of their own. */
    private final class Decoded implements AutoCloseable {
        final FieldVector[] vectors;
        int count;

        Decoded(RowType rowType) {
            vectors = new FieldVector[rowType.size()];
            for (int c = 0; c < vectors.length; c++) {
                vectors[c] = ArrowTypes.toField(rowType.name(c), rowType.type(c)).createVector(allocator);
                vectors[c].setInitialCapacity(batchSize);
                vectors[c].allocateNew();
            }
        }

        /** Decodes an entry value (kind, then row) with {@code codec}; returns its position. */
        int add(StoredRowCodec codec, byte[] entry) {
            codec.decode(entry, 1, vectors, count);
            return count++;
        }

        void seal() {
            for (FieldVector v : vectors) {
                v.setValueCount(count);
            }
        }

        void reset() {
            for (FieldVector v : vectors) {
                v.reset();
            }
            count = 0;
        }

        @Override
        public void close() {
            for (FieldVector v : vectors) {
                v.close();
            }
        }
    }

    /** Left rows ready to be emitted with their versions, joined and emitted a batch at a time. */
    private final class Ready implements AutoCloseable {
        private final Decoded left = new Decoded(leftType);
        private final Decoded right = new Decoded(rightType);
        private final byte[] kinds = new byte[batchSize];
        private final int[] version = new int[batchSize];
        private final boolean[] matched = new boolean[batchSize];
        private final int[] selected = new int[batchSize];
        private byte[] lastVersion;

        void add(byte[] leftEntry, byte[] versionEntry) throws Exception {
            int k = left.add(rowCodecs[0], leftEntry);
            kinds[k] = leftEntry[0];
            if (versionEntry == null) {
                version[k] = -1;
            } else {
                if (versionEntry != lastVersion) {
                    right.add(rowCodecs[1], versionEntry);
                    lastVersion = versionEntry;
                }
                version[k] = right.count - 1;
            }
            if (left.count == batchSize) {
                flush();
            }
        }

        private void flush() throws Exception {
            int n = left.count;
            if (n == 0) {
                return;
            }
            left.seal();
            right.seal();
            for (int k = 0; k < n; k++) {
                matched[k] = version[k] >= 0;
            }
            if (residual != null) {
                filter(n);
            }
            out.setSources(left.vectors, right.vectors);
            for (int k = 0; k < n; k++) {
                if (matched[k]) {
                    out.add(kinds[k], k, version[k]);
                } else if (type == JoinType.LEFT) {
                    out.add(kinds[k], k, -1);
                }
            }
            out.flush();
            left.reset();
            right.reset();
            lastVersion = null;
        }

        /** Keeps {@code matched} only for the pairs the residual condition selects. */
        private void filter(int n) {
            int[] pairs = new int[n];
            int[] versionRows = new int[n];
            int candidates = 0;
            for (int k = 0; k < n; k++) {
                if (matched[k]) {
                    pairs[candidates] = k;
                    versionRows[candidates++] = version[k];
                    matched[k] = false;
                }
            }
            if (candidates == 0) {
                return;
            }
            List<FieldVector> vectors = new ArrayList<>(left.vectors.length + right.vectors.length);
            try {
                for (FieldVector from : left.vectors) {
                    vectors.add(gathered(from, pairs, candidates));
                }
                for (FieldVector from : right.vectors) {
                    vectors.add(gathered(from, versionRows, candidates));
                }
                VectorSchemaRoot root = new VectorSchemaRoot(vectors);
                root.setRowCount(candidates);
                int s = residual.filter(root, candidates, selected);
                for (int i = 0; i < s; i++) {
                    matched[pairs[selected[i]]] = true;
                }
            } finally {
                vectors.forEach(FieldVector::close);
            }
        }

        private FieldVector gathered(FieldVector from, int[] rows, int n) {
            FieldVector to = from.getField().createVector(allocator);
            to.setInitialCapacity(n);
            to.allocateNew();
            VectorGather.gather(from, rows, n, to, 0);
            to.setValueCount(n);
            return to;
        }

        @Override
        public void close() throws Exception {
            try {
                flush();
            } finally {
                left.close();
                right.close();
            }
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /** Writes the sequence counter, the indexes' heap part and the backend's snapshot. */
    void snapshot(StateWriter w) throws IOException {
        w.writeLong(sequence);
        pending.write(w);
        pruning.write(w);
        w.writeBytes(backend.snapshotBytes());
    }

    /** Restores what {@link #snapshot} wrote (same parallelism). */
    void restore(StateReader r) throws IOException {
        readIndexes(r);
        backend.restore(List.of(new ByteArrayInputStream(r.readBytes())));
    }

    /**
     * Restores the snapshots of every instance of a run at another parallelism (each positioned after the operator's
     * own fields), keeping the join keys {@code owned} accepts (null: every key).
     */
    void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        boolean every = owned == null || owned.routing() == KeyOwnership.Routing.ALL;
        if (!every && (!Arrays.equals(owned.inputKeys(0), keys[0]) || !Arrays.equals(owned.inputKeys(1), keys[1]))) {
            throw new UnsupportedFeatureException("restoring the backend state of a temporal join at another"
                    + " parallelism when its inputs are not partitioned by exactly its join keys");
        }
        List<InputStream> streams = new ArrayList<>();
        for (StateReader r : snapshots) {
            readIndexes(r);
            streams.add(new ByteArrayInputStream(r.readBytes()));
        }
        backend.restore(streams, key -> every || !isJoinKey(key) || owned.ownsHash(RoutedKey.hashOf(key)));
    }

    /** Whether a serialized backend key is a join key (not an index entry): its bytes start with the marker. */
    private static boolean isJoinKey(byte[] serialized) {
        int p = 4; // the hash, then the length of the bytes as a variable-length int
        while ((serialized[p] & 0x80) != 0) {
            p++;
        }
        p++;
        return p < serialized.length && serialized[p] == DATA_KEY;
    }

    private void readIndexes(StateReader r) throws IOException {
        sequence = Math.max(sequence, r.readLong());
        pending.read(r);
        pruning.read(r);
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
