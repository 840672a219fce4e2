package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RoutedKey;
import io.sluice.runtime.state.StateTtl;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The state and per-batch work of a {@link StreamingJoinOperator} whose rows live in a keyed-state backend
 * ({@code state.backend.type} other than {@code hashmap}, e.g. {@code rocksdb}): state larger than the heap.
 * Each side is a map state per join key from a stored row's bytes to its {@link JoinRecordState} (count of equal
 * rows, number of matches, last write time), so memory holds only the rows of the keys one batch touches.
 *
 * <p>A batch of one input is processed in three steps: the other side's rows of every join key the batch has are
 * decoded once into Arrow vectors (the other side does not change while the batch is processed, except for match
 * counts, which are kept beside the decoded rows and written through); the pairs are found (and filtered by the
 * residual condition in batches); then each input row, in arrival order, updates its own side in the backend and
 * emits exactly what the heap path emits (see {@link StreamingJoinOperator}), a stored entry of {@code n} equal
 * rows counting as {@code n} rows. Expired entries ({@code table.exec.state.ttl}) are never returned and are
 * removed when their key is next read.
 *
 * <p>Join SQL exchanges route rows by the hash of the key columns, not by key group, so every instance's backend
 * spans all key groups; each key stores that hash, and a restore at another parallelism keeps the keys the
 * exchange now routes to the instance ({@link KeyOwnership#ownsHash}).
 */
final class KeyedStateJoin implements AutoCloseable {
    private static final int MATCHES_PER_ROUND = 1 << 16;
    private static final byte INSERT = RowKind.INSERT.toByteValue();
    private static final byte DELETE = RowKind.DELETE.toByteValue();

    private final JoinType type;
    private final RowType[] sideTypes;
    private final int[][] keys;
    private final boolean[] nullSafe;
    private final boolean[] outer;
    private final BatchPredicate residual;
    private final JoinPairBatch pairs;
    private final BufferAllocator allocator;
    private final int batchSize;
    private final StateTtl ttl;
    private final JoinOutputBuffer out;
    private final KeyedStateBackend<RoutedKey> backend;
    private final int maxParallelism;
    private final JoinRowCodec[] keyCodecs = new JoinRowCodec[2];
    private final JoinRowCodec[] rowCodecs = new JoinRowCodec[2];
    @SuppressWarnings("unchecked")
    private final KeyedMapState<VoidNamespace, byte[], JoinRecordState>[] states = new KeyedMapState[2];

    // per batch
    private RoutedKey[] rowKeys = new RoutedKey[0];
    private boolean[] matchable = new boolean[0];
    private long now;
    // the other side's entries of the batch's keys
    private FieldVector[] other;
    private int entryCount;
    private byte[][] entryRow = new byte[16][];
    private int[] entryCountOf = new int[16];
    private int[] entryAssociations = new int[16];
    private final Map<RoutedKey, int[]> entryRanges = new HashMap<>();
    // matches of the current round
    private int[] matchInput = new int[256];
    private int[] matchOther = new int[256];
    private int matchCount;
    private int[] candidateInput;
    private int[] candidateOther;
    private int candidateCount;
    private int[] filtered;

    KeyedStateJoin(OperatorContext context, JoinType type, RowType leftType, RowType rightType, int[][] keys,
            boolean[] nullSafe, boolean[] outer, BatchPredicate residual, JoinPairBatch pairs, StateTtl ttl,
            JoinOutputBuffer out) {
        this.type = type;
        this.sideTypes = new RowType[] {leftType, rightType};
        this.keys = keys;
        this.nullSafe = nullSafe;
        this.outer = outer;
        this.residual = residual;
        this.pairs = pairs;
        this.allocator = context.allocator();
        this.batchSize = context.batchSize();
        this.ttl = ttl;
        this.out = out;
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        for (int s = 0; s < 2; s++) {
            keyCodecs[s] = new JoinRowCodec(sideTypes[s], keys[s]);
            rowCodecs[s] = JoinRowCodec.allColumns(sideTypes[s]);
        }
        if (residual != null) {
            candidateInput = new int[batchSize];
            candidateOther = new int[batchSize];
            filtered = new int[batchSize];
        }
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-join-key"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
    }

    /** The state of side {@code s}, registered on first use (after any restore). */
    private KeyedMapState<VoidNamespace, byte[], JoinRecordState> state(int s) {
        if (states[s] == null) {
            states[s] = backend.getMapState(s == 0 ? "left-rows" : "right-rows", StateSerializers.BYTES,
                    JoinRecordState.SERIALIZER);
        }
        return states[s];
    }

    void processBatch(int input, RowBatch batch) throws Exception {
        int rows = batch.rowCount();
        now = ttl.now();
        FieldVector[] in = batch.root().getFieldVectors().toArray(new FieldVector[0]);
        computeKeys(input, in, rows);
        try {
            loadOtherSide(1 - input, rows);
            if (input == 0) {
                out.setSources(in, other);
            } else {
                out.setSources(other, in);
            }
            TinyIntVector kinds = batch.rowKinds();
            for (int start = 0; start < rows; ) {
                int end = collectMatches(batch, input, start, rows);
                int m = 0;
                for (int i = start; i < end; i++) {
                    int from = m;
                    while (m < matchCount && matchInput[m] == i) {
                        m++;
                    }
                    processRow(input, in, i, kinds == null ? INSERT : kinds.get(i), from, m);
                }
                start = end;
            }
            out.flush();
        } finally {
            closeOther();
        }
    }

    /** The join key of every row, and whether it can match (no NULL in a column compared with SQL equality). */
    private void computeKeys(int input, FieldVector[] in, int rows) {
        if (rowKeys.length < rows) {
            rowKeys = new RoutedKey[rows];
            matchable = new boolean[rows];
        }
        int[] keyColumns = keys[input];
        FieldVector[] keyVectors = new FieldVector[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            keyVectors[k] = in[keyColumns[k]];
        }
        for (int i = 0; i < rows; i++) {
            boolean canMatch = true;
            for (int k = 0; k < keyColumns.length; k++) {
                if (!nullSafe[k] && keyVectors[k].isNull(i)) {
                    canMatch = false;
                    break;
                }
            }
            matchable[i] = canMatch;
            rowKeys[i] = new RoutedKey(KeyOwnership.keyHash(keyVectors, i), keyCodecs[input].encode(in, i));
        }
    }

    private void setKey(RoutedKey key) {
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
    }

    /** Decodes the other side's live entries of every matchable key of the batch; drops expired ones. */
    private void loadOtherSide(int side, int rows) {
        RowType otherType = sideTypes[side];
        other = new FieldVector[otherType.size()];
        for (int c = 0; c < other.length; c++) {
            other[c] = ArrowTypes.toField(otherType.name(c), otherType.type(c)).createVector(allocator);
            other[c].allocateNew();
        }
        entryCount = 0;
        entryRanges.clear();
        KeyedMapState<VoidNamespace, byte[], JoinRecordState> otherState = state(side);
        for (int i = 0; i < rows; i++) {
            RoutedKey key = rowKeys[i];
            if (!matchable[i] || entryRanges.containsKey(key)) {
                continue;
            }
            setKey(key);
            int start = entryCount;
            for (Map.Entry<byte[], JoinRecordState> e : otherState.entries()) {
                JoinRecordState record = e.getValue();
                if (ttl.isExpired(record.writeTime(), now)) {
                    otherState.remove(e.getKey());
                    continue;
                }
                ensureEntryCapacity(entryCount + 1);
                rowCodecs[side].decodeInto(e.getKey(), other, entryCount);
                entryRow[entryCount] = e.getKey();
                entryCountOf[entryCount] = record.count();
                entryAssociations[entryCount] = record.associations();
                entryCount++;
            }
            entryRanges.put(key, new int[] {start, entryCount});
        }
        for (FieldVector v : other) {
            v.setValueCount(entryCount);
        }
    }

    private void ensureEntryCapacity(int n) {
        if (n > entryRow.length) {
            int size = Math.max(n, 2 * entryRow.length);
            entryRow = Arrays.copyOf(entryRow, size);
            entryCountOf = Arrays.copyOf(entryCountOf, size);
            entryAssociations = Arrays.copyOf(entryAssociations, size);
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
        Arrays.fill(entryRow, 0, entryCount, null);
    }

    /** Like the heap path: the matches of rows {@code start ..} for as many rows as fit one round. */
    private int collectMatches(RowBatch batch, int input, int start, int rows) {
        matchCount = 0;
        candidateCount = 0;
        int i = start;
        while (i < rows && matchCount + candidateCount < MATCHES_PER_ROUND) {
            int[] range = matchable[i] ? entryRanges.get(rowKeys[i]) : null;
            if (range != null) {
                for (int e = range[0]; e < range[1]; e++) {
                    if (residual == null) {
                        addMatch(i, e);
                    } else {
                        candidateInput[candidateCount] = i;
                        candidateOther[candidateCount] = e;
                        if (++candidateCount == batchSize) {
                            filterCandidates(batch, input);
                        }
                    }
                }
            }
            i++;
        }
        filterCandidates(batch, input);
        return i;
    }

    private void addMatch(int inputRow, int entry) {
        if (matchCount == matchInput.length) {
            matchInput = Arrays.copyOf(matchInput, 2 * matchCount);
            matchOther = Arrays.copyOf(matchOther, 2 * matchCount);
        }
        matchInput[matchCount] = inputRow;
        matchOther[matchCount++] = entry;
    }

    private void filterCandidates(RowBatch batch, int input) {
        int n = candidateCount;
        if (n == 0) {
            return;
        }
        candidateCount = 0;
        FieldVector[] inputVectors = batch.root().getFieldVectors().toArray(new FieldVector[0]);
        try (VectorSchemaRoot candidates = pairs.gather(inputVectors, candidateInput, other, candidateOther,
                input == 0, n, allocator)) {
            int selected = residual.filter(candidates, n, filtered);
            for (int k = 0; k < selected; k++) {
                addMatch(candidateInput[filtered[k]], candidateOther[filtered[k]]);
            }
        }
    }

    /** Applies input row {@code i} to its side's state and emits its changes; its matches are {@code [from, to)}. */
    private void processRow(int input, FieldVector[] in, int i, byte kind, int from, int to) throws Exception {
        boolean accumulate = kind == INSERT || kind == RowKind.UPDATE_AFTER.toByteValue();
        if (!matchable[i] && !outer[input]) {
            return; // a NULL key on a side that never emits unmatched rows: it can never produce output
        }
        setKey(rowKeys[i]);
        KeyedMapState<VoidNamespace, byte[], JoinRecordState> self = state(input);
        byte[] row = rowCodecs[input].encode(in, i);
        JoinRecordState stored = self.get(row);
        if (stored != null && ttl.isExpired(stored.writeTime(), now)) {
            self.remove(row);
            stored = null;
        }
        if (accumulate) {
            int matches = 0;
            for (int m = from; m < to; m++) {
                matches += entryCountOf[matchOther[m]];
            }
            self.put(row, new JoinRecordState(stored == null ? 1 : stored.count() + 1,
                    outer[input] ? matches : 0, now));
        } else {
            if (stored == null) {
                return; // retraction of a row the state does not hold
            }
            if (stored.count() == 1) {
                self.remove(row);
            } else {
                self.put(row, new JoinRecordState(stored.count() - 1, stored.associations(), now));
            }
        }
        if (!type.emitsPairs()) {
            emitSemiAnti(input, i, kind, accumulate, from, to);
        } else if (accumulate) {
            emitAccumulate(input, i, kind, from, to);
        } else {
            emitRetract(input, i, kind, from, to);
        }
    }

    private void emitAccumulate(int input, int i, byte kind, int from, int to) throws Exception {
        boolean otherOuter = outer[1 - input];
        if (from == to) {
            if (outer[input]) {
                emit(input, INSERT, i, -1);
            }
            return;
        }
        byte joinedKind = outer[input] || otherOuter ? INSERT : kind;
        for (int m = from; m < to; m++) {
            int e = matchOther[m];
            for (int copy = 0; copy < entryCountOf[e]; copy++) {
                if (otherOuter && entryAssociations[e] == 0) {
                    emit(input, DELETE, -1, e);
                }
                emit(input, joinedKind, i, e);
            }
            if (otherOuter) {
                changeAssociations(1 - input, e, 1);
            }
        }
    }

    private void emitRetract(int input, int i, byte kind, int from, int to) throws Exception {
        boolean otherOuter = outer[1 - input];
        if (from == to) {
            if (outer[input]) {
                emit(input, DELETE, i, -1);
            }
            return;
        }
        byte joinedKind = outer[input] ? DELETE : kind;
        for (int m = from; m < to; m++) {
            int e = matchOther[m];
            for (int copy = 0; copy < entryCountOf[e]; copy++) {
                emit(input, joinedKind, i, e);
                if (otherOuter && entryAssociations[e] == 1) {
                    emit(input, INSERT, -1, e);
                }
            }
            if (otherOuter) {
                changeAssociations(1 - input, e, -1);
            }
        }
    }

    private void emitSemiAnti(int input, int i, byte kind, boolean accumulate, int from, int to) throws Exception {
        boolean anti = type == JoinType.ANTI;
        if (input == 0) {
            if ((from < to) != anti) {
                out.add(kind, i, -1);
            }
            return;
        }
        for (int m = from; m < to; m++) {
            int l = matchOther[m];
            int before = entryAssociations[l];
            changeAssociations(0, l, accumulate ? 1 : -1);
            for (int copy = 0; copy < entryCountOf[l]; copy++) {
                if (accumulate && before == 0) {
                    out.add(anti ? DELETE : kind, l, -1);
                } else if (!accumulate && before == 1) {
                    out.add(anti ? INSERT : kind, l, -1);
                }
            }
        }
    }

    /** Changes the match count of a loaded entry of side {@code side} (under the current key) and writes it. */
    private void changeAssociations(int side, int entry, int delta) {
        entryAssociations[entry] += delta;
        state(side).put(entryRow[entry], new JoinRecordState(entryCountOf[entry], entryAssociations[entry], now));
    }

    private void emit(int input, byte kind, int inputRow, int otherRow) throws Exception {
        if (input == 0) {
            out.add(kind, inputRow, otherRow);
        } else {
            out.add(kind, otherRow, inputRow);
        }
    }

    /** The backend's snapshot of both sides. */
    byte[] snapshot() throws IOException {
        return backend.snapshotBytes();
    }

    /** The backend's state frozen for an asynchronous snapshot. */
    io.sluice.runtime.state.keyed.KeyedStateSnapshot snapshotAsync() throws IOException {
        return backend.snapshotAsync();
    }

    /** Restores the backend from its own snapshot (same parallelism). */
    void restore(byte[] snapshot) throws IOException {
        backend.restore(List.of(new ByteArrayInputStream(snapshot)));
    }

    /**
     * Restores from the snapshots of every instance of a run at another parallelism the keys {@code owned} accepts
     * (null: every key).
     */
    void restoreRescaled(List<byte[]> snapshots, KeyOwnership owned) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (byte[] s : snapshots) {
            streams.add(new ByteArrayInputStream(s));
        }
        backend.restore(streams, key -> owned == null || owned.ownsHash(RoutedKey.hashOf(key)));
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
