package io.sluice.runtime.operator.over;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.UserFunctionLifecycle;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.sort.IntSorter;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.OwnedRows;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;

/**
 * A streaming OVER aggregation, {@code agg(...) OVER (PARTITION BY k ORDER BY t ROWS|RANGE BETWEEN
 * lower AND CURRENT ROW)} where {@code t} is a time attribute and {@code lower} is UNBOUNDED PRECEDING,
 * an offset PRECEDING (a row count for ROWS, milliseconds for RANGE) or CURRENT ROW. Output rows are
 * the input columns followed by one column per function, as for {@link OverWindowOperator}.
 *
 * <p>Rows wait in a pending buffer until they fire: ordered by a rowtime attribute, when the watermark
 * reaches their time (then ready rows are processed in time order, rows with equal times in arrival
 * order); ordered by a proctime attribute, at the end of the batch that brought them (a proctime value
 * lower than one seen before is raised to it, so processing time never goes back). A firing copies the
 * ready rows and the retained rows of their partitions into one work buffer in (partition, time) order
 * and evaluates the functions there: frames with an offset or CURRENT ROW as lower bound slide over the
 * work rows with the batch operator's {@link FrameAggregate}s; frames from UNBOUNDED PRECEDING continue
 * the partition's {@link RunningAggregate}. RANGE frames treat rows with equal times as peers, which
 * get the same result. After a firing only rows that a later row's frame can still reach are retained:
 * the last {@code n} rows of each partition for {@code ROWS n PRECEDING}, rows no older than the
 * offset before the earliest time a later row can have for RANGE, none for UNBOUNDED PRECEDING.
 *
 * <p><b>Streaming semantics:</b> insert-only input and insert-only output: each input row is emitted
 * exactly once with its aggregates (rowtime: when the watermark passes its time, before the watermark
 * is forwarded; proctime: immediately). Rows whose rowtime is at or below the current watermark are
 * late and dropped ({@link #lateRowsDropped()}); rows with a NULL time attribute are dropped. State,
 * saved by checkpoints: pending rows, retained rows, per-partition running aggregates and the partition
 * keys, the watermark; no TTL yet (state of idle partitions stays). The end of input fires every
 * pending row. Restored at another parallelism, an instance keeps the partitions the exchange (hashing the
 * PARTITION BY columns) now routes to it, with their pending and retained rows and running aggregates.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}),
 * the pending rows, the retained rows and the running aggregates live in the job's keyed-state backend, per partition
 * ({@link KeyedOverState}), so they may be larger than the heap. A firing then loads only its partitions (those of
 * the batch for proctime; for rowtime, those holding rows the watermark reached, found through an index by time),
 * evaluates them as above, in rounds of a few thousand rows, and writes back what they keep. The emitted rows and
 * watermarks are those of the heap path (rows of one firing may come in another order when their times are equal).
 * A checkpoint then holds the watermark, the processing time, the late-row count, a small index and the backend's
 * snapshot; it restores only under the same kind of backend.
 */
public final class StreamingOverAggregateOperator implements StreamOperator, RescalableOperator {
    private final RowType inputType;
    private final OverGroupSpec group;
    private final boolean rowtime;
    private final RowType outputType;
    private final int timeField;
    private final int[] partitionFields;
    private final boolean unbounded;
    /** ROWS n PRECEDING: n; other frames: unused. */
    private final long retainRows;
    /** RANGE frames: the lower bound's offset in milliseconds (CURRENT ROW: 0); ROWS frames: unused. */
    private final long rangeMillis;
    private final LogicalType[] inputTypes;

    private OperatorContext context;
    private Output output;
    private RowBuffer pending;
    private RowBuffer retained;
    private KeyHashTable partitions;
    private final List<RunningAggregate> running = new ArrayList<>();
    /** The opened invoker of each user-defined function (null for the other functions). */
    private List<UserAggregateInvoker> userAggregates = List.of();
    private long watermark = Long.MIN_VALUE;
    private long lastProcTime = Long.MIN_VALUE;
    private long lateRows;
    /** Counts the late rows dropped into the instance's {@code numLateRecordsDropped}. */
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    /** Non-null when the job routes late rows to a table: hands them to the late-rows side output. */
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;
    /** Non-null when the state lives in a keyed-state backend (the heap structures then hold one firing's). */
    private KeyedOverState keyed;
    /** Backend state: the rows per firing round set by tests before {@link #open}, or 0. */
    private int roundRows;
    /** Marks a snapshot of backend state (a heap snapshot has its partition count, never negative, there). */
    private static final int BACKEND_STATE = -1;

    /**
     * @param group the window: one ascending ORDER BY key on a TIMESTAMP or TIMESTAMP_LTZ time attribute,
     *     CURRENT ROW as upper bound, aggregate functions only (see {@link #checkSupported})
     * @param rowtime true when the order key is a rowtime attribute (fire on watermarks), false for
     *     proctime (fire on arrival)
     * @param outputType the input columns followed by one column per function
     */
    public StreamingOverAggregateOperator(RowType inputType, OverGroupSpec group, boolean rowtime,
            RowType outputType) {
        checkSupported(inputType, group);
        if (outputType.size() != inputType.size() + group.functions().size()) {
            throw new IllegalArgumentException("output type " + outputType + " must have the " + inputType.size()
                    + " input columns and " + group.functions().size() + " function columns");
        }
        this.inputType = inputType;
        this.group = group;
        this.rowtime = rowtime;
        this.outputType = outputType;
        this.timeField = group.orderKeys()[0].field();
        this.partitionFields = group.partitionFields();
        FrameBound lower = group.lower();
        this.unbounded = lower.kind() == BoundKind.UNBOUNDED_PRECEDING;
        long offset = lower.kind() == BoundKind.PRECEDING ? ((Number) lower.offset()).longValue() : 0;
        this.retainRows = group.isRows() ? offset : 0;
        this.rangeMillis = group.isRows() ? 0 : offset;
        this.inputTypes = inputType.types().toArray(new LogicalType[0]);
    }

    /**
     * Throws {@link UnsupportedFeatureException} unless the window is one this operator runs: ordered by
     * exactly one ascending TIMESTAMP / TIMESTAMP_LTZ column, a ROWS or RANGE frame from UNBOUNDED
     * PRECEDING, an offset PRECEDING or CURRENT ROW to CURRENT ROW, and only COUNT, SUM, SUM0, AVG, MIN,
     * MAX, FIRST_VALUE, LAST_VALUE and user-defined aggregate functions.
     */
    public static void checkSupported(RowType inputType, OverGroupSpec group) {
        SortKey[] order = group.orderKeys();
        if (order.length != 1) {
            throw new UnsupportedFeatureException("OVER windows in streaming mode not ordered by exactly one time "
                    + "attribute");
        }
        if (!order[0].ascending()) {
            throw new UnsupportedFeatureException("OVER windows in streaming mode ordered descending by time");
        }
        TypeRoot timeRoot = inputType.type(order[0].field()).root();
        if (timeRoot != TypeRoot.TIMESTAMP && timeRoot != TypeRoot.TIMESTAMP_LTZ) {
            throw new UnsupportedFeatureException("OVER windows in streaming mode ordered by a "
                    + inputType.type(order[0].field()) + " column");
        }
        BoundKind lower = group.lower().kind();
        if (group.upper().kind() != BoundKind.CURRENT_ROW || lower == BoundKind.FOLLOWING
                || lower == BoundKind.UNBOUNDED_FOLLOWING) {
            // Flink's streaming OVER aggregation ends every frame at the current row and rejects the rest so
            throw new io.sluice.table.api.TableException("OVER RANGE FOLLOWING windows are not supported yet."
                    + " In streaming mode an OVER window ends at CURRENT ROW; this one is BETWEEN " + group.lower()
                    + " AND " + group.upper() + ".");
        }
        for (OverFunctionSpec f : group.functions()) {
            switch (f.kind()) {
                case COUNT:
                case SUM:
                case SUM0:
                case AVG:
                case MIN:
                case MAX:
                case FIRST_VALUE:
                case LAST_VALUE:
                case USER_DEFINED:
                    break;
                default:
                    throw new UnsupportedFeatureException(f.kind() + " in a streaming OVER aggregation");
            }
        }
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.metrics = context.metrics();
        this.lateRouter = io.sluice.runtime.operator.late.LateRowRouter.open(context);
        this.context = context;
        this.output = output;
        this.pending = new RowBuffer(inputType, context.allocator());
        this.retained = new RowBuffer(inputType, context.allocator());
        newPartitionsAndAggregates();
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedOverState(context, inputType, timeField, partitionFields);
            if (roundRows > 0) {
                keyed.setRoundRows(roundRows);
            }
        }
    }

    /** Backend state: a firing round ends after the partition bringing it to {@code rows} rows (tests; before open). */
    public void setFiringRoundRows(int rows) {
        this.roundRows = rows;
    }

    /** A fresh partition table and fresh running aggregates (backend state: before each firing round). */
    private void newPartitionsAndAggregates() {
        if (partitions != null) {
            partitions.close();
            partitions = null;
        }
        if (partitionFields.length > 0) {
            partitions = KeyHashTable.forGrouping(context.allocator(), inputType.project(partitionFields).types());
        }
        for (RunningAggregate a : running) {
            a.close();
        }
        running.clear();
        if (userAggregates.isEmpty()) { // opened once; firing rounds of backend state come back here
            userAggregates = OverWindowOperator.openUserAggregates(context, List.of(group));
        }
        if (unbounded) {
            for (int j = 0; j < group.functions().size(); j++) {
                OverFunctionSpec f = group.functions().get(j);
                running.add(f.kind() == OverFunctionKind.USER_DEFINED
                        ? new UserRunningAggregate(f, userAggregates.get(j), context.allocator())
                        : RunningAggregate.create(f, inputTypes, context.allocator()));
            }
            ensureRunningCapacity();
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the state is on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    /** Rows dropped because their rowtime was at or below the watermark when they arrived. */
    public long lateRowsDropped() {
        return lateRows;
    }

    /** Rows kept for the frames of later rows (not pending ones); for tests. */
    int retainedRows() {
        return retained.rowCount();
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("an OVER aggregation over an updating input");
            }
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            TimeStampVector time = (TimeStampVector) batch.vector(timeField);
            int[] keep = new int[rows];
            int n = 0;
            long late = 0;
            for (int i = 0; i < rows; i++) {
                if (time.isNull(i)) {
                    continue;
                }
                long t = time.get(i);
                if (rowtime) {
                    if (t <= watermark) {
                        late++;
                        if (lateRouter != null) {
                            lateRouter.add(batch, i, t, watermark);
                        }
                        continue;
                    }
                } else if (t < lastProcTime) {
                    time.set(i, lastProcTime);
                } else {
                    lastProcTime = t;
                }
                keep[n++] = i;
            }
            if (late > 0) {
                lateRows += late;
                metrics.lateRecordsDropped(late);
                if (lateRouter != null) {
                    lateRouter.flush();
                }
            }
            if (keyed != null) {
                if (n == rows) {
                    admitToBackend(batch);
                } else if (n > 0) {
                    try (RowBatch kept = gather(batch, keep, n)) {
                        admitToBackend(kept);
                    }
                }
                return;
            }
            if (n == rows) {
                pending.append(batch);
            } else if (n > 0) {
                try (RowBatch kept = gather(batch, keep, n)) {
                    pending.append(kept);
                }
            }
        }
        if (!rowtime) {
            fire(Long.MAX_VALUE, lastProcTime);
        }
    }

    /** Backend state: rowtime rows wait in the backend; proctime rows fire at once with their partitions' state. */
    private void admitToBackend(RowBatch rows) throws Exception {
        if (rowtime) {
            keyed.addPending(rows);
        } else {
            fireFromBackend(rows, Long.MAX_VALUE, lastProcTime);
        }
    }

    /**
     * Backend state: fires {@code ready} (every row ready, each partition's rows in time order) with its partitions'
     * retained rows and running aggregates loaded from the backend, and writes back what the partitions keep.
     */
    private void fireFromBackend(RowBatch ready, long readyUpTo, long horizon) throws Exception {
        int n = ready.rowCount();
        if (n == 0) {
            return;
        }
        pending.append(ready);
        int[] ids = slots(pending, n);
        int slotCount = slotCount();
        ensureRunningCapacity();
        io.sluice.runtime.state.RoutedKey[] keys = new io.sluice.runtime.state.RoutedKey[slotCount];
        boolean[] known = new boolean[slotCount];
        for (int i = 0; i < n; i++) {
            int slot = ids[i];
            if (keys[slot] == null) {
                keys[slot] = keyed.keyOf(pending.vectors(), i);
                known[slot] = keyed.load(keys[slot], slot, running, retained::append);
            }
        }
        try {
            fire(readyUpTo, horizon);
            int r = retained.rowCount();
            int[] retainedSlots = slots(retained, r);
            int[][] rowsOf = new int[slotCount][];
            int[] counts = new int[slotCount];
            for (int i = 0; i < r; i++) {
                counts[retainedSlots[i]]++;
            }
            for (int s = 0; s < slotCount; s++) {
                rowsOf[s] = new int[counts[s]];
                counts[s] = 0;
            }
            for (int i = 0; i < r; i++) {
                int s = retainedSlots[i];
                rowsOf[s][counts[s]++] = i;
            }
            for (int s = 0; s < slotCount; s++) {
                if (keys[s] != null) {
                    keyed.store(keys[s], known[s], retained.vectors(), rowsOf[s], counts[s], s, running);
                }
            }
        } finally {
            retained.keepOnly(new int[0], 0);
            pending.keepOnly(new int[0], 0);
            newPartitionsAndAggregates();
        }
    }

    private RowBatch gather(RowBatch batch, int[] rows, int n) {
        RowBatch out = RowBatch.allocate(inputType, context.allocator(), n);
        try {
            for (int c = 0; c < inputType.size(); c++) {
                VectorGather.gather(batch.vector(c), rows, 0, n, out.vector(c), 0);
            }
            out.setRowCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        if (rowtime) {
            long horizon = newWatermark == Long.MAX_VALUE ? Long.MAX_VALUE : newWatermark + 1;
            if (keyed != null) {
                keyed.takeReady(horizon, horizon == Long.MAX_VALUE,
                        ready -> fireFromBackend(ready, newWatermark, horizon));
            } else {
                fire(newWatermark, horizon);
            }
        }
        out.emitWatermark(newWatermark);
    }

    @Override
    public void endInput(int input) throws Exception {
        if (keyed != null) {
            keyed.takeReady(Long.MAX_VALUE, true, ready -> fireFromBackend(ready, Long.MAX_VALUE, Long.MAX_VALUE));
            return;
        }
        fire(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Emits every pending row with a time at or below {@code readyUpTo}; afterwards no row with a time
     * below {@code horizon} will arrive, so rows that only such rows' frames reach are dropped.
     */
    private void fire(long readyUpTo, long horizon) throws Exception {
        int n = pending.rowCount();
        TimeStampVector pendingTime = (TimeStampVector) pending.vectors().get(timeField);
        int[] ready = new int[n];
        int[] waiting = new int[n];
        int readyCount = 0;
        int waitingCount = 0;
        for (int i = 0; i < n; i++) {
            if (pendingTime.get(i) <= readyUpTo) {
                ready[readyCount++] = i;
            } else {
                waiting[waitingCount++] = i;
            }
        }
        if (readyCount == 0) {
            evictRetained(horizon);
            return;
        }
        int[] pendingSlots = slots(pending, n);
        ensureRunningCapacity();
        boolean[] touched = new boolean[slotCount()];
        for (int k = 0; k < readyCount; k++) {
            touched[pendingSlots[ready[k]]] = true;
        }
        int r = retained.rowCount();
        int[] retainedSlots = slots(retained, r);
        int[] retainedTouched = new int[r];
        int[] retainedOther = new int[r];
        int touchedCount = 0;
        int otherCount = 0;
        for (int i = 0; i < r; i++) {
            if (touched[retainedSlots[i]]) {
                retainedTouched[touchedCount++] = i;
            } else {
                retainedOther[otherCount++] = i;
            }
        }
        RowBuffer newRetained = new RowBuffer(inputType, context.allocator());
        try (Work work = new Work(retainedTouched, touchedCount, retainedSlots, ready, readyCount, pendingSlots)) {
            evaluateAndEmit(work);
            long keepFrom = keepFrom(horizon);
            keepRows(newRetained, retained, retainedOther, otherCount, keepFrom);
            keepWorkRows(newRetained, work, keepFrom);
        } catch (Exception | Error e) {
            newRetained.close();
            throw e;
        }
        retained.close();
        retained = newRetained;
        pending.keepOnly(waiting, waitingCount);
    }

    /**
     * The rows of one firing: the touched partitions' retained rows and the ready rows, sorted by
     * (partition slot, time); equal times keep retained rows first, then arrival order.
     */
    private final class Work implements AutoCloseable {
        final RowBuffer rows;
        final int[] slots;
        final boolean[] ready;
        final int[] partitionEnds;

        Work(int[] retainedRows, int retainedCount, int[] retainedSlots, int[] readyRows, int readyCount,
                int[] pendingSlots) {
            int m = retainedCount + readyCount;
            int[] slotOf = new int[m];
            for (int i = 0; i < retainedCount; i++) {
                slotOf[i] = retainedSlots[retainedRows[i]];
            }
            for (int i = 0; i < readyCount; i++) {
                slotOf[retainedCount + i] = pendingSlots[readyRows[i]];
            }
            try (RowBuffer unsorted = new RowBuffer(inputType, context.allocator())) {
                if (retainedCount > 0) {
                    try (RowBatch b = retained.gather(retainedRows, 0, retainedCount, inputType,
                            context.allocator())) {
                        unsorted.append(b);
                    }
                }
                try (RowBatch b = pending.gather(readyRows, 0, readyCount, inputType, context.allocator())) {
                    unsorted.append(b);
                }
                int[] order = new int[m];
                for (int i = 0; i < m; i++) {
                    order[i] = i;
                }
                TimeStampVector time = (TimeStampVector) unsorted.vectors().get(timeField);
                IntSorter.sort(order, 0, m, (a, b) -> slotOf[a] != slotOf[b] ? Integer.compare(slotOf[a], slotOf[b])
                        : Long.compare(time.get(a), time.get(b)));
                slots = new int[m];
                ready = new boolean[m];
                int[] ends = new int[Math.max(m, 1)];
                int partitions = 0;
                for (int i = 0; i < m; i++) {
                    slots[i] = slotOf[order[i]];
                    ready[i] = order[i] >= retainedCount;
                    if (i > 0 && slots[i] != slots[i - 1]) {
                        ends[partitions++] = i;
                    }
                }
                if (m > 0) {
                    ends[partitions++] = m;
                }
                partitionEnds = java.util.Arrays.copyOf(ends, partitions);
                rows = new RowBuffer(inputType, context.allocator());
                try (RowBatch b = unsorted.gather(order, 0, m, inputType, context.allocator())) {
                    rows.append(b);
                } catch (RuntimeException e) {
                    rows.close();
                    throw e;
                }
            }
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** Computes every function over the work rows and emits the ready ones. */
    private void evaluateAndEmit(Work work) throws Exception {
        int m = work.rows.rowCount();
        List<FieldVector> vectors = work.rows.vectors();
        ValueVector[] inputs = vectors.toArray(new ValueVector[0]);
        SortedGroup sorted = SortedGroup.presorted(inputType, vectors, work.partitionEnds, group.orderKeys());
        List<ResultColumn> results = new ArrayList<>();
        try {
            int[] lo = null;
            int[] hi = null;
            for (int j = 0; j < group.functions().size(); j++) {
                int column = inputType.size() + j;
                LogicalType type = outputType.type(column);
                FieldVector v = ArrowTypes.toField(outputType.name(column), type).createVector(context.allocator());
                ResultColumn out;
                try {
                    out = new ResultColumn(v, type, m);
                } catch (RuntimeException e) {
                    v.close();
                    throw e;
                }
                results.add(out);
                if (unbounded) {
                    runUnbounded(running.get(j), inputs, sorted, work.slots, out);
                } else {
                    if (lo == null) {
                        lo = new int[m];
                        hi = new int[m];
                        FrameBounds.compute(group, sorted, inputTypes, inputs, lo, hi);
                    }
                    OverFunctionSpec f = group.functions().get(j);
                    OverWindowOperator.slide(f, userAggregates.get(j), inputTypes, inputs, out, m, sorted, lo, hi,
                            context.allocator());
                }
                out.finish(m);
            }
            for (RunningAggregate a : running) {
                a.endFiring(slotCount());
            }
            emit(work, results);
        } finally {
            for (ResultColumn c : results) {
                c.close();
            }
        }
    }

    /**
     * Frames from UNBOUNDED PRECEDING: each row (ROWS) or peer group (RANGE) enters its partition's
     * running aggregate, then its rows get the result.
     */
    private void runUnbounded(RunningAggregate agg, ValueVector[] inputs, SortedGroup sorted, int[] slots,
            ResultColumn out) {
        agg.bind(inputs);
        int k = 0;
        for (int pe : sorted.partitionEnds) {
            int slot = slots[k];
            while (k < pe) {
                int last = group.isRows() ? k : sorted.peerLast[k];
                for (int q = k; q <= last; q++) {
                    agg.add(slot, q);
                }
                for (int q = k; q <= last; q++) {
                    agg.write(slot, out, q);
                }
                k = last + 1;
            }
        }
    }

    /** Emits the ready work rows with their results, in time order (equal times: partition order). */
    private void emit(Work work, List<ResultColumn> results) throws Exception {
        int m = work.rows.rowCount();
        int[] rows = new int[m];
        int n = 0;
        for (int i = 0; i < m; i++) {
            if (work.ready[i]) {
                rows[n++] = i;
            }
        }
        TimeStampVector time = (TimeStampVector) work.rows.vectors().get(timeField);
        IntSorter.sort(rows, 0, n, (a, b) -> Long.compare(time.get(a), time.get(b)));
        List<FieldVector> vectors = work.rows.vectors();
        int batchSize = context.batchSize();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            RowBatch out = RowBatch.allocate(outputType, context.allocator(), to - from);
            try {
                int c = 0;
                for (FieldVector v : vectors) {
                    VectorGather.gather(v, rows, from, to, out.vector(c++), 0);
                }
                for (ResultColumn r : results) {
                    VectorGather.gather(r.vector, rows, from, to, out.vector(c++), 0);
                }
                out.setRowCount(to - from);
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
            output.emit(out);
        }
    }

    /**
     * The earliest time a RANGE frame of a future row can reach, given that no future row is earlier
     * than {@code horizon}; {@code Long.MAX_VALUE} when nothing needs to be kept.
     */
    private long keepFrom(long horizon) {
        if (unbounded || horizon == Long.MAX_VALUE || (group.isRows() && retainRows == 0)) {
            return Long.MAX_VALUE;
        }
        return group.isRows() ? Long.MIN_VALUE : horizon - rangeMillis;
    }

    /** Appends to {@code target} the rows {@code rows[0, count)} of {@code source} at or after {@code keepFrom}. */
    private void keepRows(RowBuffer target, RowBuffer source, int[] rows, int count, long keepFrom) {
        if (keepFrom == Long.MAX_VALUE || count == 0) {
            return;
        }
        TimeStampVector time = (TimeStampVector) source.vectors().get(timeField);
        int[] kept = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (time.get(rows[i]) >= keepFrom) {
                kept[n++] = rows[i];
            }
        }
        if (n > 0) {
            try (RowBatch b = source.gather(kept, 0, n, inputType, context.allocator())) {
                target.append(b);
            }
        }
    }

    /** Appends to {@code target} the work rows a later row's frame can reach, in work order. */
    private void keepWorkRows(RowBuffer target, Work work, long keepFrom) {
        if (keepFrom == Long.MAX_VALUE) {
            return;
        }
        int m = work.rows.rowCount();
        int[] kept = new int[m];
        int n = 0;
        if (group.isRows()) {
            int ps = 0;
            for (int pe : work.partitionEnds) {
                for (long k = Math.max(ps, pe - retainRows); k < pe; k++) {
                    kept[n++] = (int) k;
                }
                ps = pe;
            }
        } else {
            for (int i = 0; i < m; i++) {
                kept[n++] = i;
            }
        }
        keepRows(target, work.rows, kept, n, keepFrom);
    }

    /** Without a firing: drops retained rows that no future RANGE frame reaches. */
    private void evictRetained(long horizon) {
        int r = retained.rowCount();
        long keepFrom = keepFrom(horizon);
        if (r == 0 || group.isRows() && keepFrom != Long.MAX_VALUE) {
            return;
        }
        TimeStampVector time = (TimeStampVector) retained.vectors().get(timeField);
        int[] kept = new int[r];
        int n = 0;
        for (int i = 0; i < r; i++) {
            if (time.get(i) >= keepFrom) {
                kept[n++] = i;
            }
        }
        if (n < r) {
            retained.keepOnly(kept, n);
        }
    }

    private int[] slots(RowBuffer rows, int n) {
        int[] ids = new int[n];
        if (partitions != null && n > 0) {
            FieldVector[] keys = new FieldVector[partitionFields.length];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = rows.vectors().get(partitionFields[k]);
            }
            partitions.findOrInsert(keys, n, ids);
        }
        return ids;
    }

    private int slotCount() {
        return partitions == null ? 1 : Math.max(partitions.size(), 1);
    }

    private void ensureRunningCapacity() {
        for (RunningAggregate a : running) {
            a.ensureCapacity(slotCount());
        }
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(watermark);
        out.writeLong(lastProcTime);
        out.writeLong(lateRows);
        if (keyed != null) {
            out.writeInt(BACKEND_STATE);
            keyed.snapshot(out);
            return;
        }
        int keys = partitions == null ? 0 : partitions.size();
        out.writeInt(keys);
        if (partitions != null) {
            List<FieldVector> keyVectors = new ArrayList<>();
            for (int c = 0; c < partitionFields.length; c++) {
                keyVectors.add(partitions.keyVector(c));
            }
            out.writeColumns(inputType.project(partitionFields), keyVectors, keys);
        }
        out.writeColumns(inputType, new ArrayList<>(pending.vectors()), pending.rowCount());
        out.writeColumns(inputType, new ArrayList<>(retained.vectors()), retained.rowCount());
        for (RunningAggregate a : running) {
            a.snapshot(out, slotCount());
        }
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        watermark = in.readLong();
        lastProcTime = in.readLong();
        lateRows = in.readLong();
        int keys = in.readInt();
        checkBackend(keys);
        if (keyed != null) {
            keyed.restore(in);
            return;
        }
        if (partitions != null) {
            try (RowBatch keyRows = in.readBatch(inputType.project(partitionFields), context.allocator())) {
                int[] all = new int[partitionFields.length];
                for (int c = 0; c < all.length; c++) {
                    all[c] = c;
                }
                int[] ids = new int[keys];
                partitions.findOrInsert(KeyHashTable.columnsOf(keyRows, all), keys, ids);
                for (int i = 0; i < keys; i++) {
                    if (ids[i] != i) {
                        throw new IOException("state snapshot: OVER partition keys are not distinct");
                    }
                }
            }
        }
        try (RowBatch rows = in.readBatch(inputType, context.allocator())) {
            pending.append(rows);
        }
        try (RowBatch rows = in.readBatch(inputType, context.allocator())) {
            retained.append(rows);
        }
        ensureRunningCapacity();
        for (RunningAggregate a : running) {
            a.restore(in, slotCount());
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the partitions this instance owns: their keys,
     * pending and retained rows and running aggregates; the earliest watermark and the latest processing time.
     */
    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        if (keyed != null) {
            long earliest = Long.MAX_VALUE;
            for (StateReader in : snapshots) {
                earliest = Math.min(earliest, in.readLong());
                lastProcTime = Math.max(lastProcTime, in.readLong());
                lateRows += in.readLong();
                checkBackend(in.readInt());
            }
            keyed.restoreRescaled(snapshots, owned);
            if (!snapshots.isEmpty()) {
                watermark = earliest;
            }
            return;
        }
        if (partitions == null && snapshots.size() > 1) {
            throw new UnsupportedFeatureException("restoring an OVER aggregation without PARTITION BY from "
                    + snapshots.size() + " instances' state");
        }
        long earliest = Long.MAX_VALUE;
        for (StateReader in : snapshots) {
            earliest = Math.min(earliest, in.readLong());
            lastProcTime = Math.max(lastProcTime, in.readLong());
            lateRows += in.readLong();
            int keys = in.readInt();
            checkBackend(keys);
            int[] target = {0};
            if (partitions != null) {
                target = io.sluice.runtime.operator.keys.KeyTableState.restoreOwned(in, partitions,
                        inputType.project(partitionFields), keys, context.allocator(), owned, partitionFields, 0,
                        "OVER partition keys");
            }
            appendOwned(in, pending, owned);
            appendOwned(in, retained, owned);
            ensureRunningCapacity();
            for (RunningAggregate a : running) {
                a.restoreRemapped(in, target);
            }
        }
        if (!snapshots.isEmpty()) {
            watermark = earliest;
        }
    }

    /** Fails when a snapshot was taken under the other kind of state ({@code keyCount} < 0: backend state). */
    private void checkBackend(int keyCount) {
        boolean backendState = keyCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new UnsupportedFeatureException("restoring an OVER aggregation's state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    /** Appends to {@code target} the rows of the next stored batch whose partitions this instance owns. */
    private void appendOwned(StateReader in, RowBuffer target, KeyOwnership owned) throws IOException {
        try (RowBatch rows = in.readBatch(inputType, context.allocator());
                RowBatch mine = partitions == null ? null : OwnedRows.keep(rows, owned, null, 0, context.allocator())) {
            target.append(mine == null ? rows : mine);
        }
    }

    @Override
    public void close() {
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        for (RunningAggregate a : running) {
            a.close();
        }
        running.clear();
        if (!userAggregates.isEmpty()) {
            UserFunctionLifecycle.closeUnchecked(userAggregates.toArray());
            userAggregates = List.of();
        }
        if (pending != null) {
            pending.close();
            pending = null;
        }
        if (retained != null) {
            retained.close();
            retained = null;
        }
        if (partitions != null) {
            partitions.close();
            partitions = null;
        }
    }
}
