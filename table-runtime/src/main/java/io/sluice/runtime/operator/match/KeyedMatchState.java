package io.sluice.runtime.operator.match;

import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RoutedKey;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
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
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partitions of a {@link MatchRecognizeOperator} kept in a keyed-state backend ({@code state.backend.type} other
 * than {@code hashmap}, e.g. {@code rocksdb}), so that the rows waiting for the watermark and the partial matches of
 * all partitions may be far more than the heap.
 *
 * <p><b>Layout.</b> Per partition key (the backend key: a marker byte and the key's values, with the hash the exchange
 * routes the partition by): a map of the rows waiting for the watermark, from (rowtime, arrival number) to the row, and
 * one value holding the rest of the {@link PartitionState}: the rows open partial matches reference, the partial
 * matches and the completed matches waiting for an earlier one. A batch loads the partitions of its rows only when
 * it matches them (ordered by processing time); ordered by event time it only adds waiting rows.
 *
 * <p><b>Firing without scanning every partition.</b> A {@link TimeSliceKeyIndex} holds each partition at the times of
 * its waiting rows, at the time its earliest partial match passes the {@code WITHIN} bound, and, while it holds partial
 * or completed matches, at the end of the input. A watermark (or, ordered by processing time, the clock) reads only
 * the partitions due at or before it: their waiting rows up to it are matched, their partial matches bounded, their
 * matches released, and the partition stored again. The matches are those of the heap path.
 *
 * <p><b>Checkpoints</b> hold the index's heap part and the backend's snapshot. A restore at another parallelism loads
 * the index entries of every old instance and the partitions the exchange now routes to this instance; index entries
 * naming other partitions find nothing when swept.
 */
final class KeyedMatchState implements AutoCloseable {
    /** Milliseconds per slice of the index. */
    static final long GRANULARITY = 100;
    /** Where a partition with matches but nothing else due waits: swept when the input ends. */
    private static final long END = Long.MAX_VALUE - GRANULARITY;
    /** The first byte of a partition's backend key (the index's keys start with its id, 0). */
    private static final byte DATA_KEY = (byte) 0xff;

    /** Advances one partition: matches its ready rows and bounds its partial matches. */
    @FunctionalInterface
    interface Advance {
        void advance(PartitionState partition, List<PartitionState.Pending> ready);
    }

    private final RowType keyType;
    private final RowType storedType;
    private final int[] partitionKeys;
    private final long within;
    private final int maxParallelism;
    private final KeyedStateBackend<RoutedKey> backend;
    private final KeyedMapState<VoidNamespace, byte[], byte[]> waiting;
    private final KeyedValueState<VoidNamespace, byte[]> partitions;
    private final TimeSliceKeyIndex due;
    /** The partitions a batch touched, with whether they were loaded (false: only rows were added). */
    private final Map<RoutedKey, PartitionState> touched = new LinkedHashMap<>();
    private final Set<RoutedKey> loaded = new HashSet<>();

    KeyedMatchState(OperatorContext context, MatchSpec spec, RowType keyType) {
        this.keyType = keyType;
        this.storedType = spec.storedType();
        this.partitionKeys = spec.partitionKeys().clone();
        this.within = spec.withinMillis();
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-match-partition-key"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
        this.waiting = backend.getMapState("waiting-rows", StateSerializers.BYTES, StateSerializers.BYTES);
        this.partitions = backend.getValueState("partitions", StateSerializers.BYTES);
        this.due = new TimeSliceKeyIndex(backend, "due-index", 0, GRANULARITY);
    }

    private void setKey(RoutedKey key) {
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
    }

    // ---------------------------------------------------------------- encodings

    /** The backend key of a partition with key values {@code key} that the exchange routes by {@code hash}. */
    RoutedKey keyOf(Object[] key, int hash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        bytes.write(DATA_KEY);
        write(bytes, keyType, key);
        return new RoutedKey(hash, bytes.toByteArray());
    }

    private Object[] keyValues(RoutedKey key) {
        return read(key.bytes, 1, keyType);
    }

    private static void write(ByteArrayOutputStream bytes, RowType type, Object[] row) {
        try {
            StateWriter w = new StateWriter(bytes);
            PartitionState.writeRow(w, type, row);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a MATCH_RECOGNIZE row of " + type, e);
        }
    }

    private static Object[] read(byte[] bytes, int offset, RowType type) {
        try {
            return PartitionState.readRow(
                    new StateReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset)), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored MATCH_RECOGNIZE row of " + type, e);
        }
    }

    /** The current key's stored partition (without waiting rows), or a new one. */
    private PartitionState loadCurrent(RoutedKey key) {
        byte[] stored = partitions.value();
        if (stored == null) {
            return new PartitionState(keyValues(key));
        }
        try {
            return PartitionState.read(new StateReader(new ByteArrayInputStream(stored)), keyType, storedType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored MATCH_RECOGNIZE partition", e);
        }
    }

    /** Stores the current key's partition (its waiting rows are stored apart); an empty one is deleted. */
    private void storeCurrent(PartitionState p) {
        if (p.computations.isEmpty() && p.completed.isEmpty()) {
            partitions.clear();
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            StateWriter w = new StateWriter(bytes);
            List<PartitionState.Pending> pending = new ArrayList<>(p.pending);
            p.pending.clear();
            p.write(w, keyType, storedType);
            p.pending.addAll(pending);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a MATCH_RECOGNIZE partition", e);
        }
        partitions.update(bytes.toByteArray());
    }

    /** Registers the current key at the time its partial matches need attention, unless before {@code sliceEnd}. */
    private boolean registerMatches(RoutedKey key, PartitionState p, long sliceEnd) {
        if (p.computations.isEmpty() && p.completed.isEmpty()) {
            return false;
        }
        long earliest = p.earliestStart();
        long time = within > 0 && earliest != Long.MAX_VALUE ? Math.min(END, earliest + within) : END;
        if (time < sliceEnd) {
            return true;
        }
        due.register(time, key);
        return false;
    }

    // ---------------------------------------------------------------- batches

    /** The partition {@code key} for a batch to add waiting rows to (not loaded: its rows are only appended). */
    PartitionState forWaitingRows(RoutedKey key, Object[] keyValues) {
        return touched.computeIfAbsent(key, k -> new PartitionState(keyValues));
    }

    /** The partition {@code key}, loaded, for a batch to match rows in. */
    PartitionState forMatching(RoutedKey key) {
        PartitionState p = touched.get(key);
        if (p == null || !loaded.contains(key)) {
            setKey(key);
            PartitionState stored = loadCurrent(key);
            if (p != null) {
                stored.pending.addAll(p.pending);
            }
            p = stored;
            touched.put(key, p);
            loaded.add(key);
        }
        return p;
    }

    /** Stores what the batch changed: new waiting rows, the partitions it matched rows in; indexes them. */
    void writeBack() {
        for (Map.Entry<RoutedKey, PartitionState> e : touched.entrySet()) {
            RoutedKey key = e.getKey();
            PartitionState p = e.getValue();
            setKey(key);
            long lastSlice = Long.MIN_VALUE;
            for (PartitionState.Pending r : p.pending) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
                write(bytes, storedType, r.row());
                waiting.put(TimeOrderedName.of(r.time(), r.seq()), bytes.toByteArray());
                long slice = due.sliceEnd(r.time());
                if (slice != lastSlice) {
                    due.register(r.time(), key);
                    setKey(key);
                    lastSlice = slice;
                }
            }
            p.pending.clear();
            if (loaded.contains(key)) {
                storeCurrent(p);
                registerMatches(key, p, Long.MIN_VALUE);
            }
        }
        touched.clear();
        loaded.clear();
    }

    // ---------------------------------------------------------------- firing

    /**
     * Advances every partition due at or before {@code upTo} (every partition at {@link Long#MAX_VALUE}): hands it
     * with its waiting rows up to {@code upTo} (in arrival order) to {@code advance}, then stores it.
     */
    void advance(long upTo, Advance advance) throws Exception {
        if (due.isEmpty()) {
            return;
        }
        boolean all = upTo == Long.MAX_VALUE;
        due.sweep(all ? Long.MAX_VALUE : upTo + 1, all, (key, sliceEnd) -> {
            setKey(key);
            List<PartitionState.Pending> ready = new ArrayList<>();
            long nextWaiting = Long.MAX_VALUE;
            for (Map.Entry<byte[], byte[]> e : waiting.entries()) {
                long t = TimeOrderedName.timeOf(e.getKey());
                if (t > upTo) {
                    nextWaiting = t;
                    break; // entries come in time order
                }
                long seq = java.nio.ByteBuffer.wrap(e.getKey()).getLong(8);
                ready.add(new PartitionState.Pending(read(e.getValue(), 0, storedType), t, seq));
                waiting.remove(e.getKey());
            }
            byte[] stored = partitions.value();
            if (ready.isEmpty() && stored == null) {
                return nextWaiting >= sliceEnd; // nothing of this partition is due
            }
            PartitionState p = loadCurrent(key);
            advance.advance(p, ready);
            setKey(key);
            storeCurrent(p);
            boolean stay = registerMatches(key, p, all ? Long.MIN_VALUE : sliceEnd);
            return !stay && nextWaiting >= sliceEnd;
        });
    }

    // ---------------------------------------------------------------- checkpoints

    /** Writes the index's heap part and the backend's snapshot (call {@link #writeBack} first). */
    void snapshot(StateWriter w) throws IOException {
        due.write(w);
        w.writeBytes(backend.snapshotBytes());
    }

    /** Restores what {@link #snapshot} wrote (same parallelism). */
    void restore(StateReader r) throws IOException {
        due.read(r);
        backend.restore(List.of(new ByteArrayInputStream(r.readBytes())));
    }

    /**
     * Restores the snapshots of every instance of a run at another parallelism (each positioned after the operator's
     * own fields), keeping the partitions {@code owned} accepts.
     */
    void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        boolean every = owned == null || owned.routing() == KeyOwnership.Routing.ALL;
        if (!every && !Arrays.equals(owned.inputKeys(0), partitionKeys)) {
            throw new UnsupportedFeatureException("restoring the backend state of MATCH_RECOGNIZE at another"
                    + " parallelism when its input is not partitioned by exactly its PARTITION BY columns");
        }
        List<InputStream> streams = new ArrayList<>();
        for (StateReader r : snapshots) {
            due.read(r);
            streams.add(new ByteArrayInputStream(r.readBytes()));
        }
        backend.restore(streams, key -> every || !isPartitionKey(key) || owned.ownsHash(RoutedKey.hashOf(key)));
    }

    /** Whether a serialized backend key is a partition (not an index entry): its bytes start with the marker. */
    private static boolean isPartitionKey(byte[] serialized) {
        int p = 4; // the hash, then the length of the bytes as a variable-length int
        while ((serialized[p] & 0x80) != 0) {
            p++;
        }
        p++;
        return p < serialized.length && serialized[p] == DATA_KEY;
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
