package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.keys.KeyTableState;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The regular (unbounded) streaming equi-join, as Flink's {@code StreamingJoinOperator} and
 * {@code StreamingSemiAntiJoinOperator} run it: both inputs (0 = left, 1 = right) are kept in state and
 * every input row, in arrival order, is joined with the rows the other input holds at that moment.
 * Key column {@code i} compares {@code left[leftKeys[i]]} with {@code right[rightKeys[i]]}, with SQL
 * equality (a NULL key matches nothing) or, where {@code nullSafe[i]}, {@code IS NOT DISTINCT FROM};
 * both must map to the same Arrow vector class (the planner casts them to one type). An optional
 * residual condition is evaluated on the concatenated (left columns, right columns) pair; a pair is a
 * match only where it is TRUE. Output: left columns then right columns (the missing side NULL-padded
 * for outer joins), or the left columns only for SEMI/ANTI, in batches of at most {@code batchSize}.
 *
 * <p>Per input row, with {@code M} its matches on the other side (an <i>outer</i> side is one whose
 * unmatched rows are emitted padded: the left of LEFT/FULL, the right of RIGHT/FULL):
 * <ul>
 *   <li>An accumulate row ({@code +I}/{@code +U}) is added to its side's state. For each match
 *   {@code o}: if {@code o}'s side is outer and {@code o} had no match before, emit {@code -D(null+o)};
 *   then emit the joined row, as {@code +I} when either side is outer, else with the input's kind
 *   ({@code +I}/{@code +U}). If {@code M} is empty and the input side is outer, emit {@code +I(row+null)}.
 *   <li>A retraction ({@code -U}/{@code -D}) removes one equal row from its side's state; a retraction
 *   of a row the state does not hold is ignored (emits nothing). For each match {@code o}: emit the
 *   joined row as {@code -D} when the input side is outer, else with the input's kind
 *   ({@code -U}/{@code -D}); then, if {@code o}'s side is outer and this was its last match, emit
 *   {@code +I(null+o)}. If {@code M} is empty and the input side is outer, emit {@code -D(row+null)}.
 *   <li>SEMI/ANTI: a left row is emitted with its own kind when it has a match (SEMI) or none (ANTI).
 *   A right accumulate row gives each matching left row that had no match before: SEMI {@code +I}/{@code +U}
 *   (the input's kind), ANTI {@code -D}; a right retraction removing a left row's last match: SEMI
 *   {@code -U}/{@code -D} (the input's kind), ANTI {@code +I}.
 * </ul>
 * Each side keeps its rows as a multiset per join key ({@link JoinSideState}); outer sides (and the
 * left of SEMI/ANTI) also keep per row its number of matches on the other side. Rows are matched to
 * keys a batch at a time through one {@link KeyHashTable} shared by both sides.
 *
 * <p><b>Streaming semantics:</b> input changelog mode: insert-only or retract on each input (every
 * update as {@code -U}/{@code +U} carrying full rows, as deletes do): rows are retracted by full-row
 * equality, so upsert inputs without {@code -U} are not supported. Output changelog mode, as Flink's
 * changelog inference labels it: INNER and SEMI forward the union of the inputs' modes (insert-only
 * inputs give insert-only output, {@code [I]}); LEFT, RIGHT, FULL and ANTI are {@code [I,UB,UA,D]}
 * (on insert-only inputs the rows actually emitted are only {@code +I} and {@code -D}; {@code -U}
 * appears only when the input of a non-outer side carries {@code -U}; LEFT/RIGHT/FULL never emit
 * {@code +U}). Every emitted row is later retracted, if at all, by an equal row. State: every
 * non-retracted row of both inputs (rows with a NULL key only on the sides that emit unmatched rows),
 * so state grows with the live rows of both inputs; join keys once seen stay in the key table. With
 * {@code table.exec.state.ttl} set, each stored row expires when it has not been written (stored, or
 * its number of matches changed) for that long in processing time, as Flink's state TTL does: an
 * expired row no longer matches, a retraction of it is ignored, and no retraction is emitted for it
 * (a row that matched it keeps its match count). Expired rows are unlinked before a key's rows are
 * used and by an incremental cleanup after each batch; compaction then frees their memory. A
 * retraction scans the rows of its key on its own side to find an equal row. The output
 * watermark is the smaller of the two inputs' watermarks, emitted when it advances; no row is ever
 * late (there is no time-based state). {@code endInput} emits nothing: every result was emitted when
 * its input row arrived. A checkpoint saves both inputs' watermarks, the key table (keys in id order)
 * and each side's live rows per key with their association counts and last write times; a restore
 * rebuilds the same structure, compacted (dead rows are not saved).
 *
 * <p><b>State in a keyed-state backend.</b> When the job's {@code state.backend.type} is not {@code hashmap} (e.g.
 * {@code rocksdb}), decided at {@link #open}, both sides' rows live in that backend instead of the heap tables
 * above ({@link KeyedStateJoin}): state may be larger than the heap, the emitted changelog is the same, TTL is
 * honoured (expired rows are removed when their key is next read), a checkpoint is the backend's key-group snapshot,
 * and a restore at another parallelism keeps the keys the exchange now routes to the instance. A snapshot restores
 * only under the kind of backend it was taken with (heap tables or a keyed-state backend).
 */
public final class StreamingJoinOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator,
        io.sluice.runtime.state.AsyncCheckpointedOperator {
    private static final int MATCHES_PER_ROUND = 1 << 16;
    private static final byte INSERT = RowKind.INSERT.toByteValue();
    private static final byte DELETE = RowKind.DELETE.toByteValue();
    /** Written instead of the key count by a join whose state is in a keyed-state backend. */
    private static final int BACKEND_STATE = -1;

    private final JoinType type;
    private final RowType leftType;
    private final RowType rightType;
    private final int[][] keys;
    private final boolean[] nullSafe;
    private final GeneratedClass<BatchPredicate> residualClass;
    private final RowType outputType;
    private final boolean[] outer = new boolean[2];

    private BufferAllocator allocator;
    private int batchSize;
    private BatchPredicate residual;
    /** Gathers the columns of candidate pairs the residual condition reads. */
    private JoinPairBatch pairs;
    private KeyHashTable table;
    private final JoinSideState[] sides = new JoinSideState[2];
    private JoinOutputBuffer out;
    /** The join's state in a keyed-state backend, when {@code state.backend.type} is not {@code hashmap}. */
    private KeyedStateJoin keyed;

    private int[] keyIds = new int[0];
    private int[] storedIds = new int[0];
    private int[] selection = new int[0];
    private int[] candidateInput;
    private int[] candidateOther;
    private int candidateCount;
    private int[] filtered;
    private int[] matchInput = new int[256];
    private int[] matchOther = new int[256];
    private int matchCount;

    private LongSupplier clock = System::currentTimeMillis;
    private StateTtl ttl;
    /** Per list (key id + 1): the batch number in which its expired rows were last unlinked. */
    private int[] listEpoch = new int[0];
    private int epoch;

    /** The combined watermark of both inputs, as the executor hands it in. */
    private long inputWatermark = Long.MIN_VALUE;
    private long emittedWatermark = Long.MIN_VALUE;

    /**
     * A join of {@code type} on {@code left[leftKeys[i]] = right[rightKeys[i]]} (or
     * {@code IS NOT DISTINCT FROM} where {@code nullSafe[i]}) and the optional {@code residual}
     * (evaluated on left columns then right columns; null for none), producing {@code outputType}:
     * left then right columns, or left columns only for SEMI/ANTI.
     */
    public StreamingJoinOperator(JoinType type, RowType leftType, RowType rightType, int[] leftKeys,
            int[] rightKeys, boolean[] nullSafe, GeneratedClass<BatchPredicate> residual, RowType outputType) {
        if (leftKeys.length == 0 || leftKeys.length != rightKeys.length || leftKeys.length != nullSafe.length) {
            throw new IllegalArgumentException("a streaming join needs as many left keys, right keys and null-safe "
                    + "flags (at least one): " + leftKeys.length + ", " + rightKeys.length + ", " + nullSafe.length);
        }
        JoinKeys.requireMatchingTypes(leftType, rightType, leftKeys, rightKeys);
        int expected = type.emitsPairs() ? leftType.size() + rightType.size() : leftType.size();
        if (outputType.size() != expected) {
            throw new IllegalArgumentException(type + " join output " + outputType + " should have "
                    + expected + " columns");
        }
        this.type = type;
        this.leftType = leftType;
        this.rightType = rightType;
        this.keys = new int[][] {leftKeys.clone(), rightKeys.clone()};
        this.nullSafe = nullSafe.clone();
        this.residualClass = residual;
        this.outputType = outputType;
        outer[0] = type.padsLeft() || !type.emitsPairs();
        outer[1] = type.padsRight();
    }

    @Override
    public void open(OperatorContext context, Output output) {
        allocator = context.allocator();
        batchSize = context.batchSize();
        if (residualClass != null) {
            residual = residualClass.newInstance();
            io.sluice.runtime.generated.UserFunctionLifecycle.openUnchecked(context, residual);
            pairs = new JoinPairBatch(leftType, rightType, residualClass.inputColumns());
            candidateInput = new int[batchSize];
            candidateOther = new int[batchSize];
            filtered = new int[batchSize];
        }
        ttl = StateTtl.of(context.config(), clock);
        out = new JoinOutputBuffer(outputType, leftType.size(), allocator, batchSize, output);
        if (!io.sluice.runtime.state.keyed.KeyedStateBackends.isHeap(context.config())) {
            keyed = new KeyedStateJoin(context, type, leftType, rightType, keys, nullSafe, outer, residual,
                    pairs, ttl, out);
            return;
        }
        table = new KeyHashTable(allocator, leftType.project(keys[0]).types(), nullSafe);
        sides[0] = new JoinSideState(leftType, allocator, outer[0], ttl);
        sides[1] = new JoinSideState(rightType, allocator, outer[1], ttl);
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            if (keyed != null) {
                keyed.processBatch(input, batch);
                return;
            }
            JoinSideState self = sides[input];
            JoinSideState other = sides[1 - input];
            ensureRowCapacity(rows);
            table.findOrInsert(KeyHashTable.columnsOf(batch, keys[input]), rows, keyIds);
            self.ensureLists(table.size() + 1);
            other.ensureLists(table.size() + 1);
            long now = ttl.now();
            self.setTime(now);
            other.setTime(now);
            expireTouchedLists(rows);
            storeAccumulateRows(batch, rows, self);
            FieldVector[] inputVectors = batch.root().getFieldVectors().toArray(new FieldVector[0]);
            if (input == 0) {
                out.setSources(inputVectors, other.vectors());
            } else {
                out.setSources(other.vectors(), inputVectors);
            }
            for (int start = 0; start < rows; ) {
                int end = collectMatches(batch, input, start, rows);
                int m = 0;
                for (int i = start; i < end; i++) {
                    int from = m;
                    while (m < matchCount && matchInput[m] == i) {
                        m++;
                    }
                    processRow(batch, input, i, from, m);
                }
                start = end;
            }
            out.flush();
            if (ttl.enabled()) {
                int budget = ttl.cleanupBudget(rows);
                self.expireIncrementally(budget);
                other.expireIncrementally(budget);
                other.compactIfSparse();
            }
            self.compactIfSparse();
        }
    }

    /** Unlinks the expired rows, on both sides, of every key the batch's rows have (once per key). */
    private void expireTouchedLists(int rows) {
        if (!ttl.enabled()) {
            return;
        }
        int lists = table.size() + 1;
        if (listEpoch.length < lists) {
            listEpoch = Arrays.copyOf(listEpoch, Math.max(lists, 2 * listEpoch.length));
        }
        if (++epoch == 0) { // wrapped: forget every mark
            Arrays.fill(listEpoch, 0);
            epoch = 1;
        }
        for (int i = 0; i < rows; i++) {
            int list = keyIds[i] + 1;
            if (listEpoch[list] != epoch) {
                listEpoch[list] = epoch;
                sides[0].expireList(list);
                sides[1].expireList(list);
            }
        }
    }

    /** Replaces the processing-time clock (epoch millis) used for state TTL; call before {@link #open}. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    private void ensureRowCapacity(int rows) {
        if (keyIds.length < rows) {
            keyIds = new int[rows];
            storedIds = new int[rows];
            selection = new int[rows];
        }
    }

    /** Appends the accumulate rows the side will hold to its state; {@code storedIds[i]} is row i's id or -1. */
    private void storeAccumulateRows(RowBatch batch, int rows, JoinSideState self) {
        TinyIntVector kinds = batch.rowKinds();
        boolean keepNullKeys = self.tracksAssociations();
        int n = 0;
        for (int i = 0; i < rows; i++) {
            byte kind = kinds == null ? INSERT : kinds.get(i);
            if (isAccumulate(kind) && (keyIds[i] >= 0 || keepNullKeys)) {
                selection[n++] = i;
            }
        }
        int base = self.append(batch, selection, n);
        Arrays.fill(storedIds, 0, rows, -1);
        for (int k = 0; k < n; k++) {
            storedIds[selection[k]] = base + k;
        }
    }

    private static boolean isAccumulate(byte kind) {
        return kind == INSERT || kind == RowKind.UPDATE_AFTER.toByteValue();
    }

    /**
     * Fills {@code matchInput/matchOther} (in row order) with the matches of rows {@code start ..} on
     * the other side, for as many rows as fit one round; returns the end of the rows covered. The
     * other side's rows do not change while a batch is processed, so matches can be found up front.
     */
    private int collectMatches(RowBatch batch, int input, int start, int rows) throws Exception {
        JoinSideState other = sides[1 - input];
        matchCount = 0;
        candidateCount = 0;
        int i = start;
        while (i < rows && matchCount + candidateCount < MATCHES_PER_ROUND) {
            int g = keyIds[i];
            if (g >= 0) {
                for (int o = other.first(g + 1); o >= 0; o = other.next(o)) {
                    if (residual == null) {
                        addMatch(i, o);
                    } else {
                        candidateInput[candidateCount] = i;
                        candidateOther[candidateCount] = o;
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

    private void addMatch(int inputRow, int otherRow) {
        if (matchCount == matchInput.length) {
            matchInput = Arrays.copyOf(matchInput, 2 * matchCount);
            matchOther = Arrays.copyOf(matchOther, 2 * matchCount);
        }
        matchInput[matchCount] = inputRow;
        matchOther[matchCount++] = otherRow;
    }

    /** Evaluates the residual condition on the buffered candidate pairs and keeps the matching ones. */
    private void filterCandidates(RowBatch batch, int input) {
        int n = candidateCount;
        if (n == 0) {
            return;
        }
        candidateCount = 0;
        FieldVector[] inputVectors = batch.root().getFieldVectors().toArray(new FieldVector[0]);
        try (VectorSchemaRoot candidates = pairs.gather(inputVectors, candidateInput, sides[1 - input].vectors(),
                candidateOther, input == 0, n, allocator)) {
            int selected = residual.filter(candidates, n, filtered);
            for (int k = 0; k < selected; k++) {
                int s = filtered[k];
                addMatch(candidateInput[s], candidateOther[s]);
            }
        }
    }

    /** Applies input row {@code i} to the state and emits its changes; its matches are {@code [from, to)}. */
    private void processRow(RowBatch batch, int input, int i, int from, int to) throws Exception {
        JoinSideState self = sides[input];
        byte kind = batch.rowKinds() == null ? INSERT : batch.rowKinds().get(i);
        boolean accumulate = isAccumulate(kind);
        int list = keyIds[i] + 1;
        if (accumulate) {
            if (storedIds[i] < 0) {
                // a NULL key on a side that never emits unmatched rows: it can never produce output
                return;
            }
            self.link(list, storedIds[i]);
            if (self.tracksAssociations()) {
                self.setAssociations(storedIds[i], to - from);
            }
        } else {
            if (keyIds[i] < 0 && !self.tracksAssociations()) {
                return;
            }
            int stored = self.findEqual(list, batch, i);
            if (stored < 0) {
                return; // retraction of a row the state does not hold
            }
            self.remove(list, stored);
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
        JoinSideState other = sides[1 - input];
        if (from == to) {
            if (outer[input]) {
                emit(input, INSERT, i, -1);
            }
            return;
        }
        byte joinedKind = outer[input] || otherOuter ? INSERT : kind;
        for (int m = from; m < to; m++) {
            int o = matchOther[m];
            if (otherOuter) {
                if (other.associations(o) == 0) {
                    emit(input, DELETE, -1, o);
                }
                other.addAssociations(o, 1);
            }
            emit(input, joinedKind, i, o);
        }
    }

    private void emitRetract(int input, int i, byte kind, int from, int to) throws Exception {
        boolean otherOuter = outer[1 - input];
        JoinSideState other = sides[1 - input];
        if (from == to) {
            if (outer[input]) {
                emit(input, DELETE, i, -1);
            }
            return;
        }
        byte joinedKind = outer[input] ? DELETE : kind;
        for (int m = from; m < to; m++) {
            int o = matchOther[m];
            emit(input, joinedKind, i, o);
            if (otherOuter) {
                if (other.associations(o) == 1) {
                    emit(input, INSERT, -1, o);
                }
                other.addAssociations(o, -1);
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
        JoinSideState left = sides[0];
        for (int m = from; m < to; m++) {
            int l = matchOther[m];
            int before = left.associations(l);
            left.addAssociations(l, accumulate ? 1 : -1);
            if (accumulate && before == 0) {
                out.add(anti ? DELETE : kind, l, -1);
            } else if (!accumulate && before == 1) {
                out.add(anti ? INSERT : kind, l, -1);
            }
        }
    }

    /** Emits a row made of input row {@code inputRow} and other-side row {@code otherRow} (-1: NULLs). */
    private void emit(int input, byte kind, int inputRow, int otherRow) throws Exception {
        if (input == 0) {
            out.add(kind, inputRow, otherRow);
        } else {
            out.add(kind, otherRow, inputRow);
        }
    }

    /** Forwards the combined watermark of both inputs (combined by the executor) whenever it advances. */
    @Override
    public void processWatermark(int input, long watermark, Output output) throws Exception {
        inputWatermark = Math.max(inputWatermark, watermark); // already combined over both inputs
        long min = inputWatermark;
        if (min > emittedWatermark) {
            emittedWatermark = min;
            output.emitWatermark(min);
        }
    }

    @Override
    public void endInput(int input) {
    }

    /**
     * Freezes the join's state at a checkpoint barrier (see {@link io.sluice.runtime.state.AsyncCheckpointedOperator}):
     * on the heap, the key table's and both sides' row vectors as slices and their index arrays as copies; with a
     * keyed-state backend, the backend's own frozen snapshot (a RocksDB snapshot). The rows are gathered into key
     * order and written on the snapshot thread.
     */
    @Override
    public io.sluice.runtime.state.StateSnapshot snapshotStateAsync() throws IOException {
        long input = inputWatermark;
        long emitted = emittedWatermark;
        if (keyed != null) {
            io.sluice.runtime.state.keyed.KeyedStateSnapshot backend = keyed.snapshotAsync();
            return new io.sluice.runtime.state.StateSnapshot() {
                @Override
                public void write(StateWriter out) throws Exception {
                    out.writeLong(input);
                    out.writeLong(emitted);
                    out.writeInt(BACKEND_STATE);
                    out.writeSized(backend::writeTo);
                }

                @Override
                public void close() {
                    backend.close();
                }
            };
        }
        int keyCount = table.size();
        io.sluice.runtime.state.FrozenColumns keyColumns = KeyTableState.freeze(table, keyRowType(), keyCount);
        JoinSideState.Frozen left = null;
        JoinSideState.Frozen right;
        try {
            left = sides[0].freeze(keyCount + 1);
            right = sides[1].freeze(keyCount + 1);
        } catch (RuntimeException e) {
            keyColumns.close();
            if (left != null) {
                left.close();
            }
            throw e;
        }
        JoinSideState.Frozen frozenLeft = left;
        return new io.sluice.runtime.state.StateSnapshot() {
            @Override
            public void write(StateWriter out) throws IOException {
                out.writeLong(input);
                out.writeLong(emitted);
                out.writeInt(keyCount);
                keyColumns.write(out);
                frozenLeft.write(out);
                right.write(out);
            }

            @Override
            public void close() {
                keyColumns.close();
                frozenLeft.close();
                right.close();
            }
        };
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        inputWatermark = in.readLong();
        emittedWatermark = in.readLong();
        int keyCount = in.readInt();
        checkStateKind(keyCount);
        if (keyed != null) {
            keyed.restore(in.readBytes());
            return;
        }
        KeyTableState.restore(in, table, keyRowType(), keyCount, allocator, "join keys");
        for (JoinSideState side : sides) {
            if (side.restore(in) != keyCount + 1) {
                throw new IOException("state snapshot: a join side's key lists do not match the key table");
            }
            side.ensureLists(keyCount + 1);
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the keys this instance owns, with both sides' rows
     * of each key (and their association counts); the watermarks are the earliest of the snapshots'.
     */
    @Override
    public void restoreRescaled(java.util.List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws IOException {
        long input = Long.MAX_VALUE;
        long emitted = Long.MAX_VALUE;
        if (keyed != null) {
            if (owned != null && owned.routing() != io.sluice.runtime.state.KeyOwnership.Routing.ALL
                    && !(Arrays.equals(owned.inputKeys(0), keys[0]) && Arrays.equals(owned.inputKeys(1), keys[1]))) {
                throw new io.sluice.table.api.UnsupportedFeatureException("restoring a regular join's backend state"
                        + " at another parallelism when its inputs are not partitioned by exactly the join keys");
            }
            List<byte[]> states = new ArrayList<>();
            for (StateReader in : snapshots) {
                input = Math.min(input, in.readLong());
                emitted = Math.min(emitted, in.readLong());
                checkStateKind(in.readInt());
                states.add(in.readBytes());
            }
            keyed.restoreRescaled(states, owned);
        }
        for (StateReader in : keyed != null ? List.<StateReader>of() : snapshots) {
            input = Math.min(input, in.readLong());
            emitted = Math.min(emitted, in.readLong());
            int keyCount = in.readInt();
            int[] keyTarget = io.sluice.runtime.operator.keys.KeyTableState.restoreOwned(in, table, keyRowType(),
                    keyCount, allocator, owned, keys[0], 0, "join keys");
            int[] listTarget = new int[keyCount + 1];
            for (int k = 0; k < keyCount; k++) {
                listTarget[k + 1] = keyTarget[k] < 0 ? -1 : keyTarget[k] + 1;
            }
            for (int s = 0; s < 2; s++) {
                sides[s].ensureLists(table.size() + 1);
                sides[s].restoreOwned(in, listTarget, owned, s);
            }
        }
        if (!snapshots.isEmpty()) {
            inputWatermark = input;
            emittedWatermark = emitted;
        }
    }

    /**
     * Fails clearly when a snapshot was written by the other state path: {@code marker} is the key count of a heap
     * snapshot, or {@link #BACKEND_STATE} for a backend one.
     */
    private void checkStateKind(int marker) throws IOException {
        boolean backendState = marker == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a regular join whose state was"
                    + " taken with state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    /** The key table's columns as a row type (nullable: null-safe keys may store NULL). */
    private RowType keyRowType() {
        return JoinKeys.keyRowType(leftType, keys[0]);
    }

    /** Rows held in state by input {@code input}, for metrics and tests (-1 when kept in a state backend). */
    public int stateRows(int input) {
        if (keyed != null) {
            return -1;
        }
        return sides[input] == null ? 0 : sides[input].liveRows();
    }

    /** Bytes of state held (stored rows, key table, indexes), an estimate for metrics. */
    public long stateSizeInBytes() {
        if (keyed != null) {
            return keyed.stateSizeBytes();
        }
        long bytes = table == null ? 0 : table.sizeInBytes();
        for (JoinSideState s : sides) {
            bytes += s == null ? 0 : s.sizeInBytes();
        }
        return bytes;
    }

    @Override
    public void close() {
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        for (int s = 0; s < 2; s++) {
            if (sides[s] != null) {
                sides[s].close();
                sides[s] = null;
            }
        }
        if (table != null) {
            table.close();
            table = null;
        }
        Object r = residual;
        residual = null;
        io.sluice.runtime.generated.UserFunctionLifecycle.closeUnchecked(r);
    }
}
