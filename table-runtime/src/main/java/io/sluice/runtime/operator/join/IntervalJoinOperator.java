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
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampMilliVector;

/**
 * The event-time interval join, as Flink's {@code RowTimeIntervalJoin} runs it: a pair of rows (left =
 * input 0, right = input 1) matches when their optional equi-join keys are equal (SQL equality, or
 * {@code IS NOT DISTINCT FROM} where {@code nullSafe[i]}), their rowtime attributes satisfy
 * {@code right.time + lowerBound <= left.time <= right.time + upperBound} (milliseconds, both bounds
 * inclusive) and the optional residual condition, evaluated on left columns then right columns, is
 * TRUE. Output: left columns then right columns (the missing side NULL-padded for outer joins), in
 * batches of at most {@code batchSize} rows. Without keys every row is in one group (the planner then
 * runs one instance).
 *
 * <p>Every input row is joined, when it arrives, with the rows the other side holds; it is then kept
 * in its side's state while rows of the other input can still match it: a left row until the
 * watermark passes {@code time - lowerBound}, a right row until it passes {@code time + upperBound}
 * (the row stays while its limit is at least the watermark, so a row exactly at the watermark still
 * joins). A row whose limit the watermark already passed on arrival (a late row), or that arrives
 * after the other input ended, is joined but not kept. A row of an outer side (the left of LEFT/FULL,
 * the right of RIGHT/FULL) that never matched is emitted once, padded with NULLs, when it leaves the
 * state (or at once, when it is not kept). A row with a NULL time attribute or a NULL key (not null-safe)
 * matches nothing: it is emitted padded at once on an outer side and dropped otherwise.
 *
 * <p><b>Streaming semantics:</b> input changelog mode: insert-only on both inputs (update and delete
 * rows are not expected; the planner rejects updating inputs). Output changelog mode: insert-only
 * ({@code [I]}), also for outer joins: an unmatched row is emitted padded exactly once, when its
 * interval has passed the watermark, and never retracted. State: per side, the rows whose interval is
 * still open, indexed by join key (key values once seen stay in the key table), and per row of an
 * outer side whether it matched; a watermark removes the expired rows through a time-ordered heap, and
 * their memory is compacted once dead rows outnumber live ones. {@code table.exec.state.ttl} is not
 * used: state is bounded by the watermark. Watermarks: the operator tracks the smaller of the two
 * inputs' watermarks and forwards it held back by {@code max(-lowerBound, upperBound)} (at least 0), as
 * Flink's interval join does, so that neither time attribute of an emitted row is behind the output
 * watermark (both stay time attributes downstream, e.g. for a window aggregation). Late rows are not
 * dropped, but may miss matches that already left the state (an outer late row is then emitted
 * padded). When an input ends, the other side's rows can no longer match: its unmatched outer rows are
 * emitted padded and its state is released. A checkpoint saves the watermarks, the key table, and each
 * side's rows per key with their match counts; a restore rebuilds the same state.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}),
 * both sides' rows live in the job's keyed-state backend, per join key, with an index by expiry time so that a
 * watermark reads only the keys whose rows expire ({@link KeyedIntervalJoin}); the state may then be larger than the
 * heap. The joined rows, the padded rows of outer joins and the watermarks are those of the heap path (rows of one
 * batch or watermark may come in another order). A checkpoint then holds the watermarks and the backend's state; it
 * restores only under the same kind of backend.
 */
public final class IntervalJoinOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator {
    private static final int MATCHES_PER_ROUND = 1 << 16;
    private static final byte INSERT = RowKind.INSERT.toByteValue();

    private final JoinType type;
    private final RowType[] types;
    private final int[][] keys;
    private final boolean[] nullSafe;
    private final int[] timeFields;
    private final long lowerBound;
    private final long upperBound;
    /** A row of side s may still match while {@code time + keep[s] >= watermark}. */
    private final long[] keep;
    private final long watermarkDelay;
    private final GeneratedClass<BatchPredicate> residualClass;
    private final RowType outputType;
    private final boolean[] outer = new boolean[2];

    private BufferAllocator allocator;
    private KeyHashTable table;
    private final JoinSideState[] sides = new JoinSideState[2];
    private final TimeOrderedRows[] expiry = {new TimeOrderedRows(), new TimeOrderedRows()};
    private JoinOutputBuffer out;
    private JoinPairFilter residual;
    /** The generated residual condition {@link #residual} evaluates; its user-defined functions are opened here. */
    private BatchPredicate residualPredicate;

    private int[] keyIds = new int[0];
    private long[] rowTimes = new long[0];
    private int[] storedIds = new int[0];
    private int[] selection = new int[0];
    private int[] matchInput = new int[256];
    private int[] matchOther = new int[256];
    private int matchCount;

    /** The combined watermark of both inputs, as the executor hands it in. */
    private long inputWatermark = Long.MIN_VALUE;
    private long currentWatermark = Long.MIN_VALUE;
    /** Non-null for a processing-time join: the clock giving rows their times and ending intervals. */
    private final java.util.function.LongSupplier processingTimeClock;
    private long emittedWatermark = Long.MIN_VALUE;
    private final boolean[] ended = new boolean[2];
    /** Non-null when the rows live in a keyed-state backend (the heap structures then stay empty). */
    private KeyedIntervalJoin keyed;
    /** Marks a snapshot of backend state (a heap snapshot has a key count, never negative, there). */
    private static final int BACKEND_STATE = -1;

    /**
     * An interval join of {@code type} (INNER, LEFT, RIGHT or FULL) on
     * {@code right[rightTime] + lowerBound <= left[leftTime] <= right[rightTime] + upperBound} (times in
     * epoch milliseconds, TIMESTAMP(3) or TIMESTAMP_LTZ(3) columns), the equi-join keys
     * {@code left[leftKeys[i]] = right[rightKeys[i]]} (none: one group) and the optional
     * {@code residual} (on left then right columns; null for none), producing {@code outputType}:
     * left then right columns.
     */
    public IntervalJoinOperator(JoinType type, RowType leftType, RowType rightType, int[] leftKeys,
            int[] rightKeys, boolean[] nullSafe, int leftTime, int rightTime, long lowerBound, long upperBound,
            GeneratedClass<BatchPredicate> residual, RowType outputType) {
        this(type, leftType, rightType, leftKeys, rightKeys, nullSafe, leftTime, rightTime, lowerBound, upperBound,
                residual, outputType, null);
    }

    /**
     * The same join on processing time when {@code processingTimeClock} is not null: each row's time is the
     * operator's clock when the row arrives (written into its time column, a PROCTIME() attribute), and the
     * clock instead of the watermark ends intervals, checked whenever a batch arrives and on the executor's
     * periodic processing-time callback ({@link #onProcessingTime}; Flink uses timers), so the rows of an idle
     * input leave the state (unmatched outer rows padded) shortly after their interval ends. Input watermarks
     * are passed on unchanged.
     */
    public IntervalJoinOperator(JoinType type, RowType leftType, RowType rightType, int[] leftKeys,
            int[] rightKeys, boolean[] nullSafe, int leftTime, int rightTime, long lowerBound, long upperBound,
            GeneratedClass<BatchPredicate> residual, RowType outputType,
            java.util.function.LongSupplier processingTimeClock) {
        this.processingTimeClock = processingTimeClock;
        if (!type.emitsPairs()) {
            throw new IllegalArgumentException("an interval join does not run " + type + " joins");
        }
        if (leftKeys.length != rightKeys.length || leftKeys.length != nullSafe.length) {
            throw new IllegalArgumentException("an interval join needs as many left keys, right keys and null-safe "
                    + "flags: " + leftKeys.length + ", " + rightKeys.length + ", " + nullSafe.length);
        }
        JoinKeys.requireMatchingTypes(leftType, rightType, leftKeys, rightKeys);
        requireMillisTime(leftType, leftTime);
        requireMillisTime(rightType, rightTime);
        if (outputType.size() != leftType.size() + rightType.size()) {
            throw new IllegalArgumentException(type + " join output " + outputType + " should have "
                    + (leftType.size() + rightType.size()) + " columns");
        }
        this.type = type;
        this.types = new RowType[] {leftType, rightType};
        this.keys = new int[][] {leftKeys.clone(), rightKeys.clone()};
        this.nullSafe = nullSafe.clone();
        this.timeFields = new int[] {leftTime, rightTime};
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.keep = new long[] {-lowerBound, upperBound};
        this.watermarkDelay = Math.max(0, Math.max(-lowerBound, upperBound));
        this.residualClass = residual;
        this.outputType = outputType;
        outer[0] = type.padsLeft();
        outer[1] = type.padsRight();
    }

    /** Whether {@code field} of {@code type} is a time column held as epoch milliseconds. */
    public static boolean isMillisTime(RowType type, int field) {
        Class<?> c = ArrowTypes.vectorClass(type.type(field));
        return c == TimeStampMilliVector.class || c == TimeStampMilliTZVector.class;
    }

    private static void requireMillisTime(RowType type, int field) {
        if (!isMillisTime(type, field)) {
            throw new IllegalArgumentException("interval join time column " + type.name(field) + " has type "
                    + type.type(field) + "; expected TIMESTAMP(3) or TIMESTAMP_LTZ(3)");
        }
    }

    @Override
    public void open(OperatorContext context, Output output) {
        allocator = context.allocator();
        int batchSize = context.batchSize();
        if (residualClass != null) {
            residualPredicate = residualClass.newInstance();
            io.sluice.runtime.generated.UserFunctionLifecycle.openUnchecked(context, residualPredicate);
            residual = new JoinPairFilter(residualPredicate, residualClass.inputColumns(), types[0], types[1], allocator, batchSize);
        }
        if (keys[0].length > 0) {
            table = new KeyHashTable(allocator, types[0].project(keys[0]).types(), nullSafe);
        }
        StateTtl noTtl = new StateTtl(0, () -> 0L);
        sides[0] = new JoinSideState(types[0], allocator, outer[0], noTtl);
        sides[1] = new JoinSideState(types[1], allocator, outer[1], noTtl);
        out = new JoinOutputBuffer(outputType, types[0].size(), allocator, batchSize, output);
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedIntervalJoin(context, types, keys, nullSafe, timeFields, keep, outer, residual, out);
        }
    }

    private int keyCount() {
        return table == null ? 1 : table.size();
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            if (processingTimeClock != null) {
                long now = processingTimeClock.getAsLong();
                stampArrivalTime(batch.vector(timeFields[input]), rows, now);
                advanceTime(now);
            }
            if (keyed != null) {
                keyed.processBatch(input, batch, currentWatermark, !ended[1 - input]);
                return;
            }
            JoinSideState self = sides[input];
            JoinSideState other = sides[1 - input];
            ensureRowCapacity(rows);
            if (table != null) {
                table.findOrInsert(KeyHashTable.columnsOf(batch, keys[input]), rows, keyIds);
            } else {
                Arrays.fill(keyIds, 0, rows, 0);
            }
            self.ensureLists(keyCount() + 1);
            other.ensureLists(keyCount() + 1);
            storeRows(batch, input, rows);
            FieldVector[] inputVectors = batch.root().getFieldVectors().toArray(new FieldVector[0]);
            if (input == 0) {
                out.setSources(inputVectors, other.vectors());
            } else {
                out.setSources(other.vectors(), inputVectors);
            }
            for (int start = 0; start < rows; ) {
                int end = collectMatches(inputVectors, input, start, rows);
                int m = 0;
                for (int i = start; i < end; i++) {
                    int from = m;
                    while (m < matchCount && matchInput[m] == i) {
                        m++;
                    }
                    processRow(input, i, from, m);
                }
                start = end;
            }
            out.flush();
        }
    }

    private void ensureRowCapacity(int rows) {
        if (keyIds.length < rows) {
            keyIds = new int[rows];
            rowTimes = new long[rows];
            storedIds = new int[rows];
            selection = new int[rows];
        }
    }

    /**
     * Reads each row's time (a row with a NULL time or key gets key id -1: it matches nothing) and appends
     * the rows the side keeps to its state: {@code storedIds[i]} is row i's id, or -1 when not kept.
     */
    private void storeRows(RowBatch batch, int input, int rows) {
        FieldVector time = batch.vector(timeFields[input]);
        ArrowBuf validity = time.getValidityBuffer();
        ArrowBuf data = time.getDataBuffer();
        boolean keepRows = !ended[1 - input];
        long limit = keep[input];
        long watermark = currentWatermark;
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (keyIds[i] < 0 || BitVectorHelper.get(validity, i) == 0) {
                keyIds[i] = -1;
                continue;
            }
            long t = data.getLong((long) i * 8);
            rowTimes[i] = t;
            if (keepRows && t + limit >= watermark) {
                selection[n++] = i;
            }
        }
        int base = sides[input].append(batch, selection, n);
        Arrays.fill(storedIds, 0, rows, -1);
        for (int k = 0; k < n; k++) {
            storedIds[selection[k]] = base + k;
        }
    }

    /**
     * Fills {@code matchInput/matchOther} (in row order) with the matches of rows {@code start ..} on the
     * other side, for as many rows as fit one round; returns the end of the rows covered. The other
     * side's rows do not change while a batch is processed, so matches can be found up front.
     */
    private int collectMatches(FieldVector[] inputVectors, int input, int start, int rows) {
        JoinSideState other = sides[1 - input];
        ArrowBuf otherTimes = other.vectors()[timeFields[1 - input]].getDataBuffer();
        // the other row's time must lie in [t + lo, t + hi]
        long lo = input == 0 ? -upperBound : lowerBound;
        long hi = input == 0 ? -lowerBound : upperBound;
        matchCount = 0;
        int i = start;
        while (i < rows && matchCount < MATCHES_PER_ROUND) {
            int g = keyIds[i];
            if (g >= 0) {
                long from = rowTimes[i] + lo;
                long to = rowTimes[i] + hi;
                for (int o = other.first(g + 1); o >= 0; o = other.next(o)) {
                    long ot = otherTimes.getLong((long) o * 8);
                    if (ot < from || ot > to) {
                        continue;
                    }
                    if (residual == null) {
                        addMatch(i, o);
                    } else if (residual.add(i, o)) {
                        residual.evaluate(inputVectors, other.vectors(), input == 0, this::addMatch);
                    }
                }
            }
            i++;
        }
        if (residual != null) {
            residual.evaluate(inputVectors, other.vectors(), input == 0, this::addMatch);
        }
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

    /** Emits input row {@code i}'s joined rows (matches {@code [from, to)}) and keeps it if it may match later. */
    private void processRow(int input, int i, int from, int to) throws Exception {
        JoinSideState self = sides[input];
        JoinSideState other = sides[1 - input];
        boolean otherOuter = outer[1 - input];
        for (int m = from; m < to; m++) {
            int o = matchOther[m];
            if (otherOuter) {
                other.addAssociations(o, 1);
            }
            emit(input, i, o);
        }
        int stored = storedIds[i];
        if (stored >= 0) {
            self.link(keyIds[i] + 1, stored);
            if (self.tracksAssociations()) {
                self.setAssociations(stored, to - from);
            }
            expiry[input].push(rowTimes[i] + keep[input], stored);
        } else if (from == to && outer[input]) {
            emit(input, i, -1);
        }
    }

    /** Emits a row made of input row {@code inputRow} and other-side row {@code otherRow} (-1: NULLs). */
    private void emit(int input, int inputRow, int otherRow) throws Exception {
        if (input == 0) {
            out.add(INSERT, inputRow, otherRow);
        } else {
            out.add(INSERT, otherRow, inputRow);
        }
    }

    /**
     * Removes the expired rows of both sides (emitting the unmatched outer ones padded), then forwards
     * the combined watermark of both inputs held back by the interval, whenever it advances.
     */
    @Override
    public void processWatermark(int input, long watermark, Output output) throws Exception {
        inputWatermark = Math.max(inputWatermark, watermark); // already combined over both inputs
        long min = inputWatermark;
        if (processingTimeClock != null) {
            if (min > emittedWatermark) { // event time plays no part in a processing-time join
                emittedWatermark = min;
                output.emitWatermark(min);
            }
            return;
        }
        if (min <= currentWatermark) {
            return;
        }
        advanceTime(min);
        if (min >= Long.MIN_VALUE + watermarkDelay) {
            long held = min - watermarkDelay;
            if (held > emittedWatermark) {
                emittedWatermark = held;
                output.emitWatermark(held);
            }
        }
    }

    /** Only a processing-time join: its clock ends intervals even when no row arrives. */
    @Override
    public boolean wantsProcessingTime() {
        return processingTimeClock != null;
    }

    /**
     * A processing-time join ends the intervals that its clock (the one that timed the rows' arrival) has
     * passed: expired rows leave the state, unmatched outer rows are emitted padded.
     */
    @Override
    public void onProcessingTime(long nowMillis, Output output) throws Exception {
        if (processingTimeClock != null) {
            advanceTime(processingTimeClock.getAsLong());
        }
    }

    /** Moves the join's time (the watermark, or the clock of a processing-time join) to {@code time}. */
    private void advanceTime(long time) throws Exception {
        if (time <= currentWatermark) {
            return;
        }
        currentWatermark = time;
        expire(0, time, false);
        expire(1, time, false);
    }

    /** A processing-time row's time is its arrival: {@code now} in every non-null slot of the time column. */
    private static void stampArrivalTime(FieldVector time, int rows, long now) {
        ArrowBuf validity = time.getValidityBuffer();
        ArrowBuf data = time.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            if (BitVectorHelper.get(validity, i) != 0) {
                data.setLong((long) i * 8, now);
            }
        }
    }

    /** Removes the rows of side {@code side} whose limit is below {@code watermark} (every row when {@code all}). */
    private void expire(int side, long watermark, boolean all) throws Exception {
        if (keyed != null) {
            keyed.expire(side, watermark, all);
            return;
        }
        TimeOrderedRows rows = expiry[side];
        if (rows.size() == 0 || (!all && rows.minTime() >= watermark)) {
            return;
        }
        JoinSideState state = sides[side];
        out.setSources(sides[0].vectors(), sides[1].vectors());
        while (rows.size() > 0 && (all || rows.minTime() < watermark)) {
            int id = rows.pop();
            if (outer[side] && state.associations(id) == 0) {
                if (side == 0) {
                    out.add(INSERT, id, -1);
                } else {
                    out.add(INSERT, -1, id);
                }
            }
            state.remove(state.listOf(id), id);
        }
        out.flush();
        FieldVector[] before = state.vectors();
        state.compactIfSparse();
        if (state.vectors() != before) {
            rebuildExpiry(side); // the compaction renumbered the rows
        }
    }

    /** Rebuilds side {@code side}'s expiry heap from its rows, which are ids {@code 0 .. liveRows-1}. */
    private void rebuildExpiry(int side) {
        JoinSideState state = sides[side];
        int n = state.liveRows();
        ArrowBuf times = state.vectors()[timeFields[side]].getDataBuffer();
        long[] limits = new long[n];
        for (int r = 0; r < n; r++) {
            limits[r] = times.getLong((long) r * 8) + keep[side];
        }
        expiry[side].rebuild(limits, n);
    }

    /** Once an input has ended, the other side's rows can no longer match: they leave the state. */
    @Override
    public void endInput(int input) throws Exception {
        ended[input] = true;
        expire(1 - input, Long.MAX_VALUE, true);
    }

    @Override
    public void snapshotState(StateWriter writer) throws IOException {
        writer.writeLong(inputWatermark);
        writer.writeLong(currentWatermark);
        writer.writeLong(emittedWatermark);
        writer.writeBoolean(ended[0]);
        writer.writeBoolean(ended[1]);
        if (keyed != null) {
            writer.writeInt(BACKEND_STATE);
            keyed.snapshot(writer);
            return;
        }
        int keyCount = keyCount();
        writer.writeInt(keyCount);
        if (table != null) {
            KeyTableState.write(writer, table, keyRowType(), keyCount);
        }
        sides[0].snapshot(writer, keyCount + 1);
        sides[1].snapshot(writer, keyCount + 1);
    }

    @Override
    public void restoreState(StateReader reader) throws IOException {
        inputWatermark = reader.readLong();
        currentWatermark = reader.readLong();
        emittedWatermark = reader.readLong();
        ended[0] = reader.readBoolean();
        ended[1] = reader.readBoolean();
        int keyCount = reader.readInt();
        checkBackend(keyCount);
        if (keyed != null) {
            keyed.restore(reader);
            return;
        }
        if (table != null) {
            KeyTableState.restore(reader, table, keyRowType(), keyCount, allocator, "join keys");
        } else if (keyCount != 1) {
            throw new IOException("state snapshot: a join without keys saved " + keyCount + " key groups");
        }
        for (int s = 0; s < 2; s++) {
            if (sides[s].restore(reader) != keyCount + 1) {
                throw new IOException("state snapshot: a join side's key lists do not match the key table");
            }
            sides[s].ensureLists(keyCount + 1);
            rebuildExpiry(s);
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the keys this instance owns, with both sides' rows
     * of each key, their match counts and expiry; the watermarks are the earliest of the snapshots', and an input
     * counts as ended when it had ended everywhere.
     */
    @Override
    public void restoreRescaled(java.util.List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws IOException {
        if (table == null && snapshots.size() > 1 && keyed == null) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring an interval join without keys from "
                    + snapshots.size() + " instances' state");
        }
        long input = Long.MAX_VALUE;
        long current = Long.MAX_VALUE;
        long emitted = Long.MAX_VALUE;
        boolean[] allEnded = {true, true};
        for (StateReader reader : snapshots) {
            input = Math.min(input, reader.readLong());
            current = Math.min(current, reader.readLong());
            emitted = Math.min(emitted, reader.readLong());
            allEnded[0] &= reader.readBoolean();
            allEnded[1] &= reader.readBoolean();
            int keyCount = reader.readInt();
            checkBackend(keyCount);
            if (keyed != null) {
                continue; // the backend's snapshots are restored together, below
            }
            int[] listTarget = new int[keyCount + 1];
            if (table != null) {
                int[] keyTarget = io.sluice.runtime.operator.keys.KeyTableState.restoreOwned(reader, table,
                        keyRowType(), keyCount, allocator, owned, keys[0], 0, "join keys");
                for (int k = 0; k < keyCount; k++) {
                    listTarget[k + 1] = keyTarget[k] < 0 ? -1 : keyTarget[k] + 1;
                }
            } else {
                for (int l = 0; l < listTarget.length; l++) {
                    listTarget[l] = l;
                }
            }
            int lists = table != null ? table.size() + 1 : keyCount + 1;
            for (int side = 0; side < 2; side++) {
                sides[side].ensureLists(lists);
                sides[side].restoreOwned(reader, listTarget, owned, side);
            }
        }
        if (keyed != null) {
            keyed.restoreRescaled(snapshots, owned);
        }
        if (!snapshots.isEmpty()) {
            inputWatermark = input;
            currentWatermark = current;
            emittedWatermark = emitted;
            ended[0] = allEnded[0];
            ended[1] = allEnded[1];
        }
        for (int side = 0; side < 2; side++) {
            rebuildExpiry(side);
        }
    }

    /** Fails when a snapshot was taken under the other kind of state ({@code keyCount} < 0: backend state). */
    private void checkBackend(int keyCount) {
        boolean backendState = keyCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring an interval join's state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the rows are on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    /** The key table's columns as a row type (nullable: null-safe keys may store NULL). */
    private RowType keyRowType() {
        return JoinKeys.keyRowType(types[0], keys[0]);
    }

    /** Rows held in state by input {@code input}, for metrics and tests. */
    public int stateRows(int input) {
        return sides[input] == null ? 0 : sides[input].liveRows();
    }

    /** Bytes of state held (stored rows, key table, indexes), an estimate for metrics. */
    public long stateSizeInBytes() {
        long bytes = table == null ? 0 : table.sizeInBytes();
        for (JoinSideState s : sides) {
            bytes += s == null ? 0 : s.sizeInBytes();
        }
        return bytes;
    }

    /** The join type this operator runs. */
    public JoinType joinType() {
        return type;
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
            expiry[s].clear();
        }
        if (table != null) {
            table.close();
            table = null;
        }
        Object r = residualPredicate;
        residualPredicate = null;
        io.sluice.runtime.generated.UserFunctionLifecycle.closeUnchecked(r);
    }
}
