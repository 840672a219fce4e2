package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.keys.KeyTableState;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.RowKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * The event-time temporal join ({@code FROM l [LEFT] JOIN r FOR SYSTEM_TIME AS OF l.rowtime ON l.k = r.k}),
 * as Flink's {@code TemporalRowTimeJoinOperator} runs it: each left row (input 0) is joined with the
 * version of the right row (input 1, the versioned table) of its key that was valid at the left row's
 * event time, i.e. the right row of that key with the latest rowtime at or before it (of equal rowtimes,
 * the last to arrive). Key column {@code i} compares {@code left[leftKeys[i]]} with
 * {@code right[rightKeys[i]]} with SQL equality (a NULL key matches nothing); both must map to the same
 * Arrow vector class. An optional residual condition over (left columns, right columns) is evaluated on
 * the pair of a left row and its version only: when it is not TRUE the left row has no match (older
 * versions are not tried). Output: left columns then right columns, NULL-padded for an unmatched left
 * row of a LEFT join; an INNER join drops unmatched left rows.
 *
 * <p>Left rows wait in state until the watermark (the smaller of both inputs' watermarks) reaches their
 * time, so that every version valid at that time has arrived; they are then emitted in time order,
 * before the watermark is forwarded. Right rows become versions: {@code +I}/{@code +U} start a version at
 * their rowtime; {@code -D} ends the key's current version at its rowtime (a left row at or after it, up
 * to the next version, has no match); {@code -U} is ignored, since the {@code +U} that follows it starts
 * the new version (as Flink's planner, which asks the right input for upserts without update-before).
 *
 * <p><b>Streaming semantics:</b> input changelog mode: left any (its rows keep their row kind: a
 * {@code -U}/{@code -D} left row is joined like an insert and emitted with its own kind), right any (see
 * above). Output changelog mode: the left input's (insert-only for an insert-only left input); an emitted
 * row is never retracted because of a later right row. State: the pending left rows (event time above
 * the watermark) and, per key, the versions still needed: when the watermark advances to {@code W}, the
 * versions of a key older than its latest version at or before {@code W} are dropped, and that one too
 * when it is a deletion, so a key keeps one version at or before the watermark plus those after it; join
 * keys once seen stay in the key table. Left rows with a NULL time attribute are emitted at once (LEFT,
 * NULL-padded) or dropped (INNER); right rows with a NULL rowtime or key are dropped. A left row that
 * arrives behind the watermark is not dropped: it is emitted at the next watermark (or the end of the
 * input) with the versions kept at that moment. {@code endInput} of both inputs emits every pending
 * left row. A checkpoint saves both watermarks, the key table, the pending left rows and the versions.
 * Restored at another parallelism, an instance keeps the keys the exchanges (hashing the join keys) now route to
 * it, with their versions and pending left rows.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}), the
 * pending left rows and the versions live in the job's keyed-state backend, per join key ({@link KeyedTemporalJoin}),
 * so they may be larger than the heap; a watermark reads only the keys with left rows or versions at or before it. The
 * emitted rows and watermarks are those of the heap path (rows of one watermark may come in another order across
 * keys), and so is the state kept. A checkpoint then holds both watermarks, small indexes and the backend's snapshot;
 * it restores only under the same kind of backend.
 */
public final class TemporalJoinOperator implements StreamOperator, RescalableOperator {
    private static final byte INSERT = RowKind.INSERT.toByteValue();
    private static final byte UPDATE_BEFORE = RowKind.UPDATE_BEFORE.toByteValue();
    private static final byte DELETE = RowKind.DELETE.toByteValue();

    private final JoinType type;
    private final RowType leftType;
    private final RowType rightType;
    private final int[][] keys;
    private final int[] timeFields;
    private final long[] unitsPerMilli = new long[2];
    private final GeneratedClass<BatchPredicate> residualClass;
    private final RowType outputType;
    private final RowType candidateType;

    private BufferAllocator allocator;
    private int batchSize;
    private BatchPredicate residual;
    private KeyHashTable table;
    /** Pending left rows, all in list 0 in time order, tagged with their key id. */
    private TimedRowStore left;
    /** Right versions: list {@code g} holds key id {@code g}'s versions in time order. */
    private TimedRowStore right;
    private JoinOutputBuffer out;
    /** Non-null when the rows live in a keyed-state backend (the heap structures then stay empty). */
    private KeyedTemporalJoin keyed;

    private int[] keyIds = new int[0];
    private long[] times = new long[0];
    private byte[] kinds = new byte[0];
    private int[] selection = new int[0];
    private int[] readyRows;
    private int[] readyVersions;
    private int[] filtered;
    private boolean[] matched;

    /** Keys whose version lists may hold versions the next watermark lets go, once each. */
    private int[] pruneKeys = new int[16];
    private int pruneCount;
    private boolean[] pruneQueued = new boolean[0];

    /** The combined watermark of both inputs, as the executor hands it in. */
    private long inputWatermark = Long.MIN_VALUE;
    private long emittedWatermark = Long.MIN_VALUE;
    private final boolean[] ended = new boolean[2];

    /**
     * A temporal join of {@code type} (INNER or LEFT) on {@code left[leftKeys[i]] = right[rightKeys[i]]}
     * and the optional {@code residual} (over left columns then right columns; null for none), where
     * {@code leftTimeField} and {@code rightTimeField} are the rowtime columns (TIMESTAMP or
     * TIMESTAMP_LTZ) of the inputs, producing {@code outputType} (left then right columns).
     */
    public TemporalJoinOperator(JoinType type, RowType leftType, RowType rightType, int[] leftKeys, int[] rightKeys,
            int leftTimeField, int rightTimeField, GeneratedClass<BatchPredicate> residual, RowType outputType) {
        if (type != JoinType.INNER && type != JoinType.LEFT) {
            throw new IllegalArgumentException("a temporal join is INNER or LEFT, not " + type);
        }
        if (leftKeys.length == 0 || leftKeys.length != rightKeys.length) {
            throw new IllegalArgumentException("a temporal join needs as many left as right keys (at least one): "
                    + leftKeys.length + ", " + rightKeys.length);
        }
        JoinKeys.requireMatchingTypes(leftType, rightType, leftKeys, rightKeys);
        if (outputType.size() != leftType.size() + rightType.size()) {
            throw new IllegalArgumentException("temporal join output " + outputType + " should have "
                    + (leftType.size() + rightType.size()) + " columns");
        }
        this.type = type;
        this.leftType = leftType;
        this.rightType = rightType;
        this.keys = new int[][] {leftKeys.clone(), rightKeys.clone()};
        this.timeFields = new int[] {leftTimeField, rightTimeField};
        this.unitsPerMilli[0] = unitsPerMilli(leftType.type(leftTimeField));
        this.unitsPerMilli[1] = unitsPerMilli(rightType.type(rightTimeField));
        this.residualClass = residual;
        this.outputType = outputType;
        List<String> names = new ArrayList<>(leftType.names());
        names.addAll(rightType.names());
        List<LogicalType> types = new ArrayList<>(leftType.types());
        types.addAll(rightType.types());
        this.candidateType = new RowType(names, types);
    }

    private static long unitsPerMilli(LogicalType t) {
        if (t.root() != TypeRoot.TIMESTAMP && t.root() != TypeRoot.TIMESTAMP_LTZ) {
            throw new IllegalArgumentException("a temporal join's time attribute must be TIMESTAMP or TIMESTAMP_LTZ: "
                    + t);
        }
        int p = t.precision();
        return p <= 3 ? 1 : p <= 6 ? 1_000 : 1_000_000;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        allocator = context.allocator();
        batchSize = context.batchSize();
        if (residualClass != null) {
            residual = residualClass.newInstance();
            io.sluice.runtime.generated.UserFunctionLifecycle.openUnchecked(context, residual);
            filtered = new int[batchSize];
        }
        readyRows = new int[batchSize];
        readyVersions = new int[batchSize];
        matched = new boolean[batchSize];
        table = new KeyHashTable(allocator, leftType.project(keys[0]).types(), new boolean[keys[0].length]);
        left = new TimedRowStore(leftType, allocator);
        left.ensureLists(1);
        right = new TimedRowStore(rightType, allocator);
        out = new JoinOutputBuffer(outputType, leftType.size(), allocator, batchSize, output);
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedTemporalJoin(context, type, leftType, rightType, keys, residual, out);
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the state is on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            ensureRowCapacity(rows);
            if (keyed != null) {
                readTimesAndKinds(batch, input, rows);
                if (input == 0) {
                    keyed.addLeft(batch, rows, times, kinds);
                } else {
                    keyed.addVersions(batch, rows, times, kinds);
                }
                return;
            }
            table.findOrInsert(KeyHashTable.columnsOf(batch, keys[input]), rows, keyIds);
            right.ensureLists(table.size());
            readTimesAndKinds(batch, input, rows);
            if (input == 0) {
                addLeftRows(batch, rows);
            } else {
                addVersions(batch, rows);
            }
        }
    }

    private void ensureRowCapacity(int rows) {
        if (keyIds.length < rows) {
            keyIds = new int[rows];
            times = new long[rows];
            kinds = new byte[rows];
            selection = new int[rows];
        }
    }

    /** Fills {@code times} (epoch millis; MIN_VALUE for NULL) and {@code kinds} for the batch's rows. */
    private void readTimesAndKinds(RowBatch batch, int input, int rows) {
        TimeStampVector time = (TimeStampVector) batch.vector(timeFields[input]);
        long units = unitsPerMilli[input];
        for (int i = 0; i < rows; i++) {
            times[i] = time.isNull(i) ? Long.MIN_VALUE : Math.floorDiv(time.get(i), units);
        }
        TinyIntVector rowKinds = batch.rowKinds();
        if (rowKinds == null) {
            Arrays.fill(kinds, 0, rows, INSERT);
        } else {
            for (int i = 0; i < rows; i++) {
                kinds[i] = rowKinds.get(i);
            }
        }
    }

    /** Buffers left rows until the watermark passes them; a NULL time is emitted at once (LEFT) or dropped. */
    private void addLeftRows(RowBatch batch, int rows) throws Exception {
        int n = 0;
        boolean nullTimes = false;
        for (int i = 0; i < rows; i++) {
            if (times[i] == Long.MIN_VALUE) {
                nullTimes = true;
            } else {
                selection[n++] = i;
            }
        }
        int base = left.append(batch, selection, n, times, kinds, keyIds);
        for (int k = 0; k < n; k++) {
            left.insertByTime(0, base + k);
        }
        if (nullTimes && type == JoinType.LEFT) {
            out.setSources(batch.root().getFieldVectors().toArray(new FieldVector[0]), right.vectors());
            for (int i = 0; i < rows; i++) {
                if (times[i] == Long.MIN_VALUE) {
                    out.add(kinds[i], i, -1);
                }
            }
            out.flush();
        }
    }

    /** Stores right rows as versions of their keys (skipping {@code -U}, NULL keys and NULL rowtimes). */
    private void addVersions(RowBatch batch, int rows) {
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (keyIds[i] >= 0 && times[i] != Long.MIN_VALUE && kinds[i] != UPDATE_BEFORE) {
                selection[n++] = i;
            }
        }
        int base = right.append(batch, selection, n, times, kinds, keyIds);
        if (pruneQueued.length < table.size()) {
            pruneQueued = Arrays.copyOf(pruneQueued, Math.max(table.size(), 2 * pruneQueued.length));
        }
        for (int k = 0; k < n; k++) {
            int key = keyIds[selection[k]];
            right.insertByTime(key, base + k);
            if (!pruneQueued[key] && (right.hasSeveral(key) || kinds[selection[k]] == DELETE)) {
                queuePrune(key);
            }
        }
    }

    private void queuePrune(int key) {
        if (pruneCount == pruneKeys.length) {
            pruneKeys = Arrays.copyOf(pruneKeys, 2 * pruneCount);
        }
        pruneKeys[pruneCount++] = key;
        pruneQueued[key] = true;
    }

    /** Emits the left rows up to the combined watermark of both inputs, prunes versions, forwards it. */
    @Override
    public void processWatermark(int input, long watermark, Output output) throws Exception {
        inputWatermark = Math.max(inputWatermark, watermark); // already combined over both inputs
        long min = inputWatermark;
        if (min > emittedWatermark) {
            emittedWatermark = min;
            if (keyed != null) {
                keyed.advance(min, true);
            } else {
                emitUpTo(min);
                pruneVersions(min);
            }
            output.emitWatermark(min);
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        ended[input] = true;
        if (ended[0] && ended[1]) {
            if (keyed != null) {
                keyed.advance(Long.MAX_VALUE, false);
            } else {
                emitUpTo(Long.MAX_VALUE);
            }
        }
    }

    /** Joins and emits the pending left rows whose time is at or before {@code watermark}, in time order. */
    private void emitUpTo(long watermark) throws Exception {
        out.setSources(left.vectors(), right.vectors());
        while (true) {
            int n = 0;
            for (int r = left.first(0); r >= 0 && n < batchSize && left.time(r) <= watermark; r = left.next(r)) {
                readyRows[n] = r;
                int key = left.tag(r);
                int v = key < 0 ? -1 : right.latestAtOrBefore(key, left.time(r));
                readyVersions[n++] = v >= 0 && right.kind(v) != DELETE ? v : -1;
            }
            if (n == 0) {
                break;
            }
            matchReady(n);
            for (int k = 0; k < n; k++) {
                if (matched[k]) {
                    out.add(left.kind(readyRows[k]), readyRows[k], readyVersions[k]);
                } else if (type == JoinType.LEFT) {
                    out.add(left.kind(readyRows[k]), readyRows[k], -1);
                }
            }
            out.flush();
            for (int k = 0; k < n; k++) {
                left.removeFirst(0);
            }
        }
        left.compactIfSparse();
    }

    /** Sets {@code matched[k]} for the ready rows that have a version satisfying the residual condition. */
    private void matchReady(int n) {
        int candidates = 0;
        for (int k = 0; k < n; k++) {
            matched[k] = readyVersions[k] >= 0;
            if (matched[k]) {
                candidates++;
            }
        }
        if (residual == null || candidates == 0) {
            return;
        }
        int[] leftRows = new int[candidates];
        int[] rightRows = new int[candidates];
        int[] position = new int[candidates];
        int c = 0;
        for (int k = 0; k < n; k++) {
            if (matched[k]) {
                leftRows[c] = readyRows[k];
                rightRows[c] = readyVersions[k];
                position[c++] = k;
                matched[k] = false;
            }
        }
        int selected = filterPairs(leftRows, rightRows, candidates);
        for (int s = 0; s < selected; s++) {
            matched[position[filtered[s]]] = true;
        }
    }

    /** Evaluates the residual condition on (left row, version) pairs; the selected pair indexes go to {@code filtered}. */
    private int filterPairs(int[] leftRows, int[] rightRows, int n) {
        FieldVector[] leftVectors = left.vectors();
        FieldVector[] rightVectors = right.vectors();
        List<FieldVector> vectors = new ArrayList<>(candidateType.size());
        try {
            int leftColumns = leftType.size();
            for (int c = 0; c < candidateType.size(); c++) {
                FieldVector v = ArrowTypes.toField(candidateType.name(c), candidateType.type(c).copy(true))
                        .createVector(allocator);
                vectors.add(v);
                v.setInitialCapacity(n);
                v.allocateNew();
                if (c < leftColumns) {
                    VectorGather.gather(leftVectors[c], leftRows, n, v, 0);
                } else {
                    VectorGather.gather(rightVectors[c - leftColumns], rightRows, n, v, 0);
                }
                v.setValueCount(n);
            }
            try (RowBatch candidates = RowBatch.of(candidateType, vectors, n)) {
                vectors.clear();
                return residual.filter(candidates.root(), n, filtered);
            }
        } finally {
            vectors.forEach(FieldVector::close);
        }
    }

    /**
     * For each queued key: drops the versions before its latest version at or before {@code watermark},
     * and that version too when it is a deletion; a key stays queued while it holds several versions.
     */
    private void pruneVersions(long watermark) {
        int kept = 0;
        for (int p = 0; p < pruneCount; p++) {
            int key = pruneKeys[p];
            int latest = right.latestAtOrBefore(key, watermark);
            if (latest >= 0) {
                while (right.first(key) != latest) {
                    right.removeFirst(key);
                }
                if (right.kind(latest) == DELETE) {
                    right.removeFirst(key);
                }
            }
            if (right.hasSeveral(key) || (right.first(key) >= 0 && right.kind(right.first(key)) == DELETE)) {
                pruneKeys[kept++] = key;
            } else {
                pruneQueued[key] = false;
            }
        }
        pruneCount = kept;
        right.compactIfSparse();
    }

    @Override
    public void snapshotState(StateWriter stateOut) throws IOException {
        stateOut.writeLong(inputWatermark);
        stateOut.writeLong(emittedWatermark);
        if (keyed != null) {
            stateOut.writeInt(BACKEND_STATE); // where the heap path's key count is (never negative there)
            keyed.snapshot(stateOut);
            return;
        }
        int keyCount = table.size();
        stateOut.writeInt(keyCount);
        KeyTableState.write(stateOut, table, keyRowType(), keyCount);
        left.snapshot(stateOut, 1);
        right.snapshot(stateOut, keyCount);
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        inputWatermark = in.readLong();
        emittedWatermark = in.readLong();
        int keyCount = in.readInt();
        checkBackend(keyCount);
        if (keyed != null) {
            keyed.restore(in);
            return;
        }
        KeyTableState.restore(in, table, keyRowType(), keyCount, allocator, "temporal join keys");
        left.restore(in);
        left.ensureLists(1);
        if (right.restore(in) != keyCount) {
            throw new IOException("state snapshot: the temporal join's versions do not match its key table");
        }
        right.ensureLists(keyCount);
        pruneQueued = new boolean[Math.max(keyCount, 16)];
        for (int key = 0; key < keyCount; key++) {
            if (right.hasSeveral(key) || (right.first(key) >= 0 && right.kind(right.first(key)) == DELETE)) {
                queuePrune(key);
            }
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the join keys this instance owns, their versions
     * and the pending left rows of those keys; the earliest of the snapshots' watermarks.
     */
    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        long input = Long.MAX_VALUE;
        long emitted = Long.MAX_VALUE;
        int[] leftColumns = new int[leftType.size()];
        for (int c = 0; c < leftColumns.length; c++) {
            leftColumns[c] = c;
        }
        for (StateReader in : snapshots) {
            input = Math.min(input, in.readLong());
            emitted = Math.min(emitted, in.readLong());
            int keyCount = in.readInt();
            checkBackend(keyCount);
            if (keyed != null) {
                continue; // the backend's snapshots are restored together, below
            }
            int[] keyTarget = KeyTableState.restoreOwned(in, table, keyRowType(), keyCount, allocator, owned, keys[0],
                    0, "temporal join keys");
            left.restoreRemapped(in, new int[] {0}, rows -> owned.ownedRows(rows, leftColumns, 0), keyTarget);
            right.ensureLists(table.size());
            right.restoreRemapped(in, keyTarget, null, keyTarget);
        }
        if (keyed != null) {
            keyed.restoreRescaled(snapshots, owned);
        }
        if (!snapshots.isEmpty()) {
            inputWatermark = input;
            emittedWatermark = emitted;
        }
        if (keyed != null) {
            return;
        }
        int keyCount = table.size();
        right.ensureLists(keyCount);
        pruneQueued = new boolean[Math.max(keyCount, 16)];
        for (int key = 0; key < keyCount; key++) {
            if (right.hasSeveral(key) || (right.first(key) >= 0 && right.kind(right.first(key)) == DELETE)) {
                queuePrune(key);
            }
        }
    }

    /** Marks a snapshot of backend state: a negative number where a heap snapshot has its key count. */
    private static final int BACKEND_STATE = -1;

    /** Fails when a snapshot was taken under the other kind of state. */
    private void checkBackend(int keyCount) {
        boolean backendState = keyCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a temporal join's state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    /** The key table's columns as a row type. */
    private RowType keyRowType() {
        return JoinKeys.keyRowType(leftType, keys[0]);
    }

    /** Pending left rows held in state, for metrics and tests. */
    public int pendingLeftRows() {
        return left == null ? 0 : left.liveRows();
    }

    /** Right versions held in state, for metrics and tests. */
    public int versionRows() {
        return right == null ? 0 : right.liveRows();
    }

    /** Bytes of state held (rows, key table, indexes), an estimate for metrics. */
    public long stateSizeInBytes() {
        return (table == null ? 0 : table.sizeInBytes()) + (left == null ? 0 : left.sizeInBytes())
                + (right == null ? 0 : right.sizeInBytes());
    }

    @Override
    public void close() {
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        if (left != null) {
            left.close();
            left = null;
        }
        if (right != null) {
            right.close();
            right = null;
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
