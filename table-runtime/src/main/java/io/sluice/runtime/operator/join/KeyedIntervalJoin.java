package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
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
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The state and per-batch work of an {@link IntervalJoinOperator} whose rows live in a keyed-state backend
 * ({@code state.backend.type} other than {@code hashmap}, e.g. {@code rocksdb}), so the rows whose interval is still
 * open may be far more than the heap.
 *
 * <p><b>Rows.</b> Each side is a map state per join key: a kept row's entry is named by the time it leaves the state
 * (its <i>limit</i>: {@code time - lowerBound} for a left row, {@code time + upperBound} for a right one) and a
 * sequence number, and holds the row's match count (for an outer side) and its columns. A batch reads the other
 * side's rows of each of its join keys once, decodes them into Arrow vectors, finds the pairs exactly as the heap
 * path does (the time condition, then the residual condition), writes back the match counts that changed, and adds
 * its own kept rows. A row whose limit the watermark has passed never matches, as on the heap, even before it is
 * deleted.
 *
 * <p><b>Expiry without scanning every key.</b> A second map state indexes the kept rows by time
 * ({@link TimeSliceKeyIndex}): per side, per {@link #granularity} milliseconds of limits and per
 * {@link TimeSliceKeyIndex#BUCKETS}-th of join-key hashes, the join keys holding such rows. The heap keeps only which
 * (side, time slice, hash bucket) hold keys, one bit each. When the watermark advances, the slices it reached are read
 * bucket by bucket; each key's rows whose limit the watermark passed are deleted (an outer side's unmatched ones are
 * emitted padded with NULLs first), and a key leaves a slice's index once it holds no row of that slice. So a
 * watermark costs reads of the keys whose rows expire, not of every key.
 *
 * <p><b>Checkpoints</b> hold the sequence counter, the heap index and the backend's snapshot. A restore at another
 * parallelism loads every old instance's entries and then deletes, through the index, the join keys the exchange no
 * longer routes to this instance.
 */
final class KeyedIntervalJoin implements AutoCloseable {
    private static final byte INSERT = RowKind.INSERT.toByteValue();
    private static final int MATCHES_PER_ROUND = 1 << 16;

    private final RowType[] types;
    private final int[][] keys;
    private final boolean[] nullSafe;
    private final int[] timeFields;
    private final long[] keep;
    private final boolean[] outer;
    private final JoinPairFilter residual;
    private final JoinOutputBuffer out;
    private final long granularity;
    private final BufferAllocator allocator;
    private final int batchSize;
    private final int maxParallelism;
    private final KeyedStateBackend<RoutedKey> backend;
    private final JoinRowCodec[] keyCodecs = new JoinRowCodec[2];
    private final JoinRowCodec[] rowCodecs = new JoinRowCodec[2];
    @SuppressWarnings("unchecked")
    private final KeyedMapState<VoidNamespace, byte[], byte[]>[] rowStates = new KeyedMapState[2];
    /** Per side: the join keys by the limits of their rows. */
    private final TimeSliceKeyIndex[] expiryIndex = new TimeSliceKeyIndex[2];
    private long sequence;

    // per batch
    private RoutedKey[] rowKeys = new RoutedKey[0];
    private boolean[] matchable = new boolean[0];
    private long[] rowTimes = new long[0];
    private FieldVector[] other;
    private int entryCount;
    private RoutedKey[] entryKey = new RoutedKey[16];
    private byte[][] entryName = new byte[16][];
    private byte[][] entryValue = new byte[16][];
    private long[] entryTime = new long[16];
    private boolean[] entryDirty = new boolean[16];
    private final Map<RoutedKey, int[]> entryRanges = new HashMap<>();
    private int[] matchInput = new int[256];
    private int[] matchOther = new int[256];
    private int matchCount;

    KeyedIntervalJoin(OperatorContext context, RowType[] types, int[][] keys, boolean[] nullSafe, int[] timeFields,
            long[] keep, boolean[] outer, JoinPairFilter residual, JoinOutputBuffer out) {
        this.types = types;
        this.keys = keys;
        this.nullSafe = nullSafe;
        this.timeFields = timeFields;
        this.keep = keep;
        this.outer = outer;
        this.residual = residual;
        this.out = out;
        // about a thousand slices over the interval's width: few slices on the heap, few keys read twice
        this.granularity = Math.max(1, (Math.abs(keep[0]) + Math.abs(keep[1])) / 1024);
        this.allocator = context.allocator();
        this.batchSize = context.batchSize();
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        for (int s = 0; s < 2; s++) {
            keyCodecs[s] = new JoinRowCodec(types[s], keys[s]);
            rowCodecs[s] = JoinRowCodec.allColumns(types[s]);
        }
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-interval-join-key"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
        for (int s = 0; s < 2; s++) {
            expiryIndex[s] = new TimeSliceKeyIndex(backend, "expiry-index", s, granularity);
        }
    }

    private KeyedMapState<VoidNamespace, byte[], byte[]> rows(int side) {
        if (rowStates[side] == null) {
            rowStates[side] = backend.getMapState(side == 0 ? "left-rows" : "right-rows", StateSerializers.BYTES,
                    StateSerializers.BYTES);
        }
        return rowStates[side];
    }

    private void setKey(RoutedKey key) {
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
    }

    // ---------------------------------------------------------------- encodings

    /** A row's entry name: its limit (ordered as bytes: sign bit flipped), then a sequence number. */
    private byte[] entryName(long limit) {
        return TimeOrderedName.of(limit, sequence++);
    }

    private static long limitOf(byte[] name) {
        return TimeOrderedName.timeOf(name);
    }

    /** A row's entry value: its match count, then its columns. */
    private static byte[] entryValue(int associations, byte[] row) {
        return ByteBuffer.allocate(4 + row.length).putInt(associations).put(row).array();
    }

    private static int associationsOf(byte[] value) {
        return ByteBuffer.wrap(value).getInt();
    }

    private static byte[] rowOf(byte[] value) {
        return Arrays.copyOfRange(value, 4, value.length);
    }

    // ---------------------------------------------------------------- a batch

    /**
     * Joins the rows of {@code batch} (input {@code input}) with the other side's rows, emits the pairs (and the
     * unmatched rows of an outer side that are not kept) and keeps the rows whose limit is at or after
     * {@code watermark} when {@code keepRows}.
     */
    void processBatch(int input, RowBatch batch, long watermark, boolean keepRows) throws Exception {
        int rows = batch.rowCount();
        FieldVector[] in = batch.root().getFieldVectors().toArray(new FieldVector[0]);
        computeKeys(input, in, rows);
        try {
            loadOtherSide(1 - input, rows, watermark);
            if (input == 0) {
                out.setSources(in, other);
            } else {
                out.setSources(other, in);
            }
            for (int start = 0; start < rows; ) {
                int end = collectMatches(input, in, start, rows);
                int m = 0;
                for (int i = start; i < end; i++) {
                    int from = m;
                    while (m < matchCount && matchInput[m] == i) {
                        m++;
                    }
                    processRow(input, in, i, from, m, watermark, keepRows);
                }
                start = end;
            }
            out.flush();
            writeBackMatchCounts(1 - input);
        } finally {
            closeOther();
        }
    }

    /** Each row's join key and time, and whether it can match (a time, no NULL in a key compared with =). */
    private void computeKeys(int input, FieldVector[] in, int rows) {
        if (rowKeys.length < rows) {
            rowKeys = new RoutedKey[rows];
            matchable = new boolean[rows];
            rowTimes = new long[rows];
        }
        int[] keyColumns = keys[input];
        FieldVector[] keyVectors = new FieldVector[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            keyVectors[k] = in[keyColumns[k]];
        }
        FieldVector time = in[timeFields[input]];
        ArrowBuf validity = time.getValidityBuffer();
        ArrowBuf data = time.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            boolean canMatch = BitVectorHelper.get(validity, i) != 0;
            for (int k = 0; canMatch && k < keyColumns.length; k++) {
                if (!nullSafe[k] && keyVectors[k].isNull(i)) {
                    canMatch = false;
                }
            }
            matchable[i] = canMatch;
            if (canMatch) {
                rowTimes[i] = data.getLong((long) i * 8);
                rowKeys[i] = new RoutedKey(KeyOwnership.keyHash(keyVectors, i), keyCodecs[input].encode(in, i));
            }
        }
    }

    /** Decodes the other side's rows still open at {@code watermark} of every matchable key of the batch. */
    private void loadOtherSide(int side, int rows, long watermark) {
        RowType type = types[side];
        other = new FieldVector[type.size()];
        for (int c = 0; c < other.length; c++) {
            other[c] = ArrowTypes.toField(type.name(c), type.type(c)).createVector(allocator);
            other[c].allocateNew();
        }
        entryCount = 0;
        entryRanges.clear();
        KeyedMapState<VoidNamespace, byte[], byte[]> state = rows(side);
        for (int i = 0; i < rows; i++) {
            RoutedKey key = rowKeys[i];
            if (!matchable[i] || entryRanges.containsKey(key)) {
                continue;
            }
            setKey(key);
            int start = entryCount;
            for (Map.Entry<byte[], byte[]> e : state.entries()) {
                if (limitOf(e.getKey()) < watermark) {
                    continue; // expired: the next expiry pass deletes it
                }
                ensureEntryCapacity(entryCount + 1);
                rowCodecs[side].decodeInto(rowOf(e.getValue()), other, entryCount);
                entryKey[entryCount] = key;
                entryName[entryCount] = e.getKey();
                entryValue[entryCount] = e.getValue();
                entryDirty[entryCount] = false;
                entryCount++;
            }
            entryRanges.put(key, new int[] {start, entryCount});
        }
        for (FieldVector v : other) {
            v.setValueCount(entryCount);
        }
        ArrowBuf times = other[timeFields[side]].getDataBuffer();
        for (int e = 0; e < entryCount; e++) {
            entryTime[e] = times.getLong((long) e * 8);
        }
    }

    private void ensureEntryCapacity(int n) {
        if (n > entryName.length) {
            int size = Math.max(n, 2 * entryName.length);
            entryKey = Arrays.copyOf(entryKey, size);
            entryName = Arrays.copyOf(entryName, size);
            entryValue = Arrays.copyOf(entryValue, size);
            entryTime = Arrays.copyOf(entryTime, size);
            entryDirty = Arrays.copyOf(entryDirty, size);
        }
    }

    private void closeOther() {
        if (other != null) {
            for (FieldVector v : other) {
                v.close();
            }
            other = null;
        }
        Arrays.fill(rowKeys, null);
        Arrays.fill(entryKey, 0, entryCount, null);
        Arrays.fill(entryName, 0, entryCount, null);
        Arrays.fill(entryValue, 0, entryCount, null);
    }

    /** The pairs of rows {@code start ..} (time condition, then residual), for as many rows as fit one round. */
    private int collectMatches(int input, FieldVector[] in, int start, int rows) {
        matchCount = 0;
        int i = start;
        while (i < rows && matchCount < MATCHES_PER_ROUND) {
            int[] range = matchable[i] ? entryRanges.get(rowKeys[i]) : null;
            if (range != null) {
                long from = rowTimes[i] + lowOffset(input);
                long to = rowTimes[i] + highOffset(input);
                for (int e = range[0]; e < range[1]; e++) {
                    long ot = entryTime[e];
                    if (ot < from || ot > to) {
                        continue;
                    }
                    if (residual == null) {
                        addMatch(i, e);
                    } else if (residual.add(i, e)) {
                        residual.evaluate(in, other, input == 0, this::addMatch);
                    }
                }
            }
            i++;
        }
        if (residual != null) {
            residual.evaluate(in, other, input == 0, this::addMatch);
        }
        return i;
    }

    /** The other row's time must be at least the input row's time plus this. */
    private long lowOffset(int input) {
        // keep = {-lowerBound, upperBound}: a left row meets right rows in [t - upper, t - lower]
        return input == 0 ? -keep[1] : -keep[0];
    }

    /** The other row's time must be at most the input row's time plus this. */
    private long highOffset(int input) {
        return input == 0 ? keep[0] : keep[1];
    }

    private void addMatch(int inputRow, int entry) {
        if (matchCount == matchInput.length) {
            matchInput = Arrays.copyOf(matchInput, 2 * matchCount);
            matchOther = Arrays.copyOf(matchOther, 2 * matchCount);
        }
        matchInput[matchCount] = inputRow;
        matchOther[matchCount++] = entry;
    }

    /** Emits row {@code i}'s pairs (matches {@code [from, to)}) and keeps it if it may match later. */
    private void processRow(int input, FieldVector[] in, int i, int from, int to, long watermark, boolean keepRows)
            throws Exception {
        boolean otherOuter = outer[1 - input];
        for (int m = from; m < to; m++) {
            int e = matchOther[m];
            if (otherOuter) {
                entryValue[e] = entryValue(associationsOf(entryValue[e]) + 1, rowOf(entryValue[e]));
                entryDirty[e] = true;
            }
            if (input == 0) {
                out.add(INSERT, i, e);
            } else {
                out.add(INSERT, e, i);
            }
        }
        boolean kept = matchable[i] && keepRows && rowTimes[i] + keep[input] >= watermark;
        if (kept) {
            long limit = rowTimes[i] + keep[input];
            setKey(rowKeys[i]);
            rows(input).put(entryName(limit), entryValue(to - from, rowCodecs[input].encode(in, i)));
            register(input, limit, rowKeys[i]);
        } else if (from == to && outer[input]) {
            if (input == 0) {
                out.add(INSERT, i, -1);
            } else {
                out.add(INSERT, -1, i);
            }
        }
    }

    /** Adds {@code key} to the expiry index of side {@code side} at {@code limit}. */
    private void register(int side, long limit, RoutedKey key) {
        expiryIndex[side].register(limit, key);
    }

    private void writeBackMatchCounts(int side) {
        for (int e = 0; e < entryCount; e++) {
            if (entryDirty[e]) {
                setKey(entryKey[e]);
                rows(side).put(entryName[e], entryValue[e]);
            }
        }
    }

    // ---------------------------------------------------------------- expiry

    /**
     * Deletes the rows of side {@code side} whose limit is below {@code watermark} (every row when {@code all}),
     * emitting an outer side's unmatched ones padded with NULLs.
     */
    void expire(int side, long watermark, boolean all) throws Exception {
        if (expiryIndex[side].isEmpty()) {
            return;
        }
        Padded padded = outer[side] ? new Padded(side) : null;
        KeyedMapState<VoidNamespace, byte[], byte[]> state = rows(side);
        try {
            expiryIndex[side].sweep(watermark, all, (key, sliceEnd) -> {
                setKey(key);
                boolean stillInSlice = false;
                for (Map.Entry<byte[], byte[]> e : state.entries()) {
                    long limit = limitOf(e.getKey());
                    if (all || limit < watermark) {
                        if (padded != null && associationsOf(e.getValue()) == 0) {
                            padded.add(rowOf(e.getValue()));
                        }
                        state.remove(e.getKey());
                    } else {
                        stillInSlice |= limit < sliceEnd;
                        if (limit >= sliceEnd) {
                            break; // entries come in order of their limit
                        }
                    }
                }
                return !stillInSlice;
            });
        } finally {
            if (padded != null) {
                padded.close();
            }
        }
    }

    /** Collects an outer side's expiring unmatched rows and emits them padded, a batch at a time. */
    private final class Padded implements AutoCloseable {
        private final int side;
        private final FieldVector[] rows;
        private final FieldVector[] none;
        private int count;

        Padded(int side) {
            this.side = side;
            this.rows = vectors(types[side]);
            this.none = vectors(types[1 - side]);
        }

        private FieldVector[] vectors(RowType type) {
            FieldVector[] v = new FieldVector[type.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = ArrowTypes.toField(type.name(c), type.type(c)).createVector(allocator);
                v[c].allocateNew();
            }
            return v;
        }

        void add(byte[] row) throws Exception {
            rowCodecs[side].decodeInto(row, rows, count++);
            if (count == batchSize) {
                flush();
            }
        }

        private void flush() throws Exception {
            if (count == 0) {
                return;
            }
            for (FieldVector v : rows) {
                v.setValueCount(count);
            }
            if (side == 0) {
                out.setSources(rows, none);
                for (int r = 0; r < count; r++) {
                    out.add(INSERT, r, -1);
                }
            } else {
                out.setSources(none, rows);
                for (int r = 0; r < count; r++) {
                    out.add(INSERT, -1, r);
                }
            }
            out.flush();
            for (FieldVector v : rows) {
                v.reset();
            }
            count = 0;
        }

        @Override
        public void close() throws Exception {
            try {
                flush();
            } finally {
                for (FieldVector v : rows) {
                    v.close();
                }
                for (FieldVector v : none) {
                    v.close();
                }
            }
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /** Writes the sequence counter, the heap index and the backend's snapshot. */
    void snapshot(StateWriter w) throws IOException {
        w.writeLong(sequence);
        for (TimeSliceKeyIndex index : expiryIndex) {
            index.write(w);
        }
        w.writeBytes(backend.snapshotBytes());
    }

    /** Restores what {@link #snapshot} wrote (same parallelism). */
    void restore(StateReader r) throws IOException {
        readIndex(r);
        backend.restore(List.of(new ByteArrayInputStream(r.readBytes())));
    }

    /**
     * Restores the snapshots of every instance of a run at another parallelism, keeping the join keys {@code owned}
     * accepts (null: every key): every entry is loaded, then the other keys are deleted through the index.
     */
    void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (StateReader r : snapshots) {
            readIndex(r);
            streams.add(new ByteArrayInputStream(r.readBytes()));
        }
        backend.restore(streams, key -> true);
        if (owned == null || owned.routing() == KeyOwnership.Routing.ALL) {
            return;
        }
        for (int side = 0; side < 2; side++) {
            KeyedMapState<VoidNamespace, byte[], byte[]> state = rows(side);
            expiryIndex[side].dropUnowned(owned, key -> state.clear());
        }
    }

    private void readIndex(StateReader r) throws IOException {
        sequence = Math.max(sequence, r.readLong());
        for (TimeSliceKeyIndex index : expiryIndex) {
            index.read(r);
        }
    }

    /** Bytes of state (on disk for RocksDB), an estimate for metrics. */
    long stateSizeBytes() {
        return backend.stateSizeBytes();
    }

    @Override
    public void close() {
        closeOther();
        backend.close();
    }
}
