package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.join.HashJoinOperator;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.join.NestedLoopJoinOperator;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.OwnedRows;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Window join, as Flink's {@code WindowJoin} runs it: a join of two window table function outputs (left =
 * input 0, right = input 1) on {@code L.window_start = R.window_start AND L.window_end = R.window_end} plus
 * optional equi-join keys ({@code left[leftKeys[i]] = right[rightKeys[i]]}, SQL equality or, where
 * {@code nullSafe[i]}, {@code IS NOT DISTINCT FROM}) and an optional residual condition (on left columns then
 * right columns). Both inputs use the same window spec, so a window is identified by its end alone: each
 * input row is buffered under its {@code window_end} (column {@code leftWindowEnd} / {@code rightWindowEnd}),
 * and when the watermark reaches the window's last millisecond ({@code window_end - 1}) the window's rows are
 * joined at once (a {@link HashJoinOperator} over the window's rows, or a {@link NestedLoopJoinOperator}
 * without keys) and the window's state is dropped. INNER, LEFT, RIGHT, FULL, SEMI and ANTI joins run; the
 * output is the left then the right columns (left only for SEMI/ANTI), outer sides padded with NULLs.
 *
 * <p><b>Streaming semantics:</b> insert-only input on both sides; insert-only output ({@code [I]}), also
 * for outer joins: an unmatched row is emitted padded once, when its window fires, never retracted. The
 * operator's watermark is the combined watermark of both inputs that the executor hands in (the smaller
 * of the two; an ended or idle input no longer holds it back); windows fire in order of their end when it reaches {@code window_end - 1}, and the watermark is
 * forwarded after the windows it fires. A row whose window already fired (its {@code window_end - 1} is at
 * or below the watermark when it arrives) is late: it is dropped and counted ({@link #lateRowsDropped()}),
 * as in Flink. State: the rows of each window not yet fired, per side; {@code table.exec.state.ttl} is not
 * used (the watermark bounds the state). When both inputs have ended every remaining window fires. A
 * checkpoint saves the watermark, the ended flags, the late-row count and, per window, its end and both
 * sides' rows. Restored at another parallelism, an instance keeps the rows whose join keys the exchanges now route
 * to it.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}), both
 * sides' rows live in the job's keyed-state backend, per window and bucket of join-key hashes
 * ({@link KeyedWindowRows}), so they may be larger than the heap; a window fires bucket by bucket (rows with equal
 * join keys share a bucket), each bucket joined on its own, reading the window's own buckets only. The emitted rows,
 * the late-row handling and the watermark are those of the heap path (rows of one firing may come in another order).
 * A checkpoint then restores only under the same kind of backend.
 */
public final class WindowJoinOperator implements StreamOperator, RescalableOperator {
    private final JoinType type;
    private final RowType[] types;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final boolean[] nullSafe;
    private final int[] windowEndFields;
    private final GeneratedClass<BatchPredicate> residual;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    /** Per window end, the buffered rows of the left (index 0) and right (index 1) input. */
    private final TreeMap<Long, RowBuffer[]> windows = new TreeMap<>();
    private final boolean[] ended = new boolean[2];
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    /** Counts the late rows dropped into the instance's {@code numLateRecordsDropped}. */
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    /** Non-null when the job routes late rows to a table: hands them to the late-rows side output. */
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;
    private final WindowSplitter splitter = new WindowSplitter();
    /** Non-null when the rows live in a keyed-state backend (then {@link #windows} stays empty). */
    private KeyedWindowRows keyed;
    /** Marks a snapshot of backend state (a heap snapshot has a window count, never negative, there). */
    private static final int BACKEND_STATE = -1;

    /**
     * A window join of {@code type} on the equi-join keys {@code left[leftKeys[i]] = right[rightKeys[i]]}
     * (none: every row of a window pairs with every row of the other side's window, subject to
     * {@code residual}), whose inputs carry their {@code window_end} in {@code leftWindowEnd} and
     * {@code rightWindowEnd}; {@code residual} (null for none) is evaluated on left then right columns;
     * {@code outputType} is left then right columns (left only for SEMI/ANTI).
     */
    public WindowJoinOperator(JoinType type, RowType leftType, RowType rightType, int[] leftKeys, int[] rightKeys,
            boolean[] nullSafe, int leftWindowEnd, int rightWindowEnd, GeneratedClass<BatchPredicate> residual,
            RowType outputType) {
        if (leftKeys.length != rightKeys.length || leftKeys.length != nullSafe.length) {
            throw new IllegalArgumentException("a window join needs as many left keys, right keys and null-safe "
                    + "flags: " + leftKeys.length + ", " + rightKeys.length + ", " + nullSafe.length);
        }
        int expected = type.emitsPairs() ? leftType.size() + rightType.size() : leftType.size();
        if (outputType.size() != expected) {
            throw new IllegalArgumentException(type + " window join output " + outputType + " should have "
                    + expected + " columns");
        }
        this.type = type;
        this.types = new RowType[] {leftType, rightType};
        this.leftKeys = leftKeys.clone();
        this.rightKeys = rightKeys.clone();
        this.nullSafe = nullSafe.clone();
        this.windowEndFields = new int[] {leftWindowEnd, rightWindowEnd};
        this.residual = residual;
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.metrics = context.metrics();
        this.lateRouter = io.sluice.runtime.operator.late.LateRowRouter.open(context);
        this.context = context;
        this.output = output;
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedWindowRows(context, types, new int[][] {leftKeys, rightKeys}, "sql-window-join-bucket");
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the rows are on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    /** Rows dropped because their window had already fired. */
    public long lateRowsDropped() {
        return lateRows;
    }

    /** Number of windows holding rows that have not fired yet, for metrics and tests. */
    public int pendingWindows() {
        return windows.size();
    }

    /** Rows of input {@code input} buffered in windows not yet fired, for metrics and tests. */
    public long stateRows(int input) {
        long n = 0;
        for (RowBuffer[] w : windows.values()) {
            n += w[input].rowCount();
        }
        return n;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a window join over an updating input");
            }
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            TimeStampVector ends = (TimeStampVector) batch.vector(windowEndFields[input]);
            long late = splitter.split(ends, null, rows, watermark);
            lateRows += late;
            metrics.lateRecordsDropped(late);
            if (late > 0 && lateRouter != null) {
                splitter.routeLate(batch, ends, lateRouter, watermark);
            }
            if (keyed != null) {
                splitter.forEachWindow(batch, context.allocator(), (end, part) -> keyed.append(input, part, end));
                return;
            }
            splitter.forEachWindow(batch, context.allocator(), (end, part) -> buffers(end)[input].append(part));
        }
    }

    private RowBuffer[] buffers(long windowEnd) {
        RowBuffer[] w = windows.get(windowEnd);
        if (w == null) {
            w = new RowBuffer[2];
            try {
                w[0] = new RowBuffer(types[0], context.allocator());
                w[1] = new RowBuffer(types[1], context.allocator());
            } catch (RuntimeException e) {
                closeAll(w);
                throw e;
            }
            windows.put(windowEnd, w);
        }
        return w;
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        advance(newWatermark, out); // the executor has combined both inputs' watermarks
    }

    /** Fires the windows the combined watermark has reached and forwards it, when it advanced. */
    private void advance(long combined, Output out) throws Exception {
        if (combined <= watermark) {
            return;
        }
        watermark = combined;
        fireUpTo(combined);
        if (combined != Long.MAX_VALUE) {
            out.emitWatermark(combined);
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        ended[input] = true;
        if (ended[0] && ended[1]) {
            advance(Long.MAX_VALUE, output);
        }
    }

    private void fireUpTo(long wm) throws Exception {
        if (keyed != null) {
            while (!keyed.windowEnds().isEmpty() && keyed.windowEnds().first() - 1 <= wm) {
                keyed.fire(keyed.windowEnds().first(), false, this::join);
            }
            return;
        }
        WindowFiring.fireUpTo(windows, wm, this::join, WindowJoinOperator::closeAll);
    }

    /** Joins one window's rows with a batch join over just those rows; its output goes straight downstream. */
    private void join(RowBuffer[] sides) throws Exception {
        if (sides[0].rowCount() == 0 && !type.padsRight()) {
            return; // nothing to emit: every output row needs a left row
        }
        if (sides[1].rowCount() == 0 && (type == JoinType.INNER || type == JoinType.SEMI)) {
            return; // nothing can match
        }
        StreamOperator join = leftKeys.length > 0
                ? new HashJoinOperator(type, types[0], types[1], leftKeys, rightKeys, nullSafe, residual, outputType)
                : new NestedLoopJoinOperator(type, types[0], types[1], residual, outputType);
        try (join) {
            join.open(context, output);
            if (sides[1].rowCount() > 0) {
                join.processBatch(1, takeRows(sides[1], types[1]));
            }
            join.endInput(1);
            if (sides[0].rowCount() > 0) {
                join.processBatch(0, takeRows(sides[0], types[0]));
            }
            join.endInput(0);
        }
    }

    /** The buffer's rows as one batch, moving (not copying) its buffers; the buffer is left empty. */
    private RowBatch takeRows(RowBuffer buffer, RowType type) {
        int rows = buffer.rowCount();
        List<FieldVector> vectors = new ArrayList<>(type.size());
        try {
            for (FieldVector v : buffer.vectors()) {
                TransferPair tp = v.getTransferPair(context.allocator());
                tp.transfer();
                FieldVector moved = (FieldVector) tp.getTo();
                vectors.add(moved);
                moved.setValueCount(rows);
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return RowBatch.of(type, vectors, rows);
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeBoolean(ended[0]);
        out.writeBoolean(ended[1]);
        out.writeLong(watermark);
        out.writeLong(lateRows);
        if (keyed != null) {
            out.writeInt(BACKEND_STATE);
            keyed.snapshot(out);
            return;
        }
        out.writeInt(windows.size());
        for (Map.Entry<Long, RowBuffer[]> e : windows.entrySet()) {
            out.writeLong(e.getKey());
            for (int s = 0; s < 2; s++) {
                RowBuffer rows = e.getValue()[s];
                out.writeColumns(types[s], new ArrayList<>(rows.vectors()), rows.rowCount());
            }
        }
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        ended[0] = in.readBoolean();
        ended[1] = in.readBoolean();
        watermark = in.readLong();
        lateRows = in.readLong();
        int n = in.readInt();
        checkBackend(n);
        if (keyed != null) {
            keyed.restore(in);
            return;
        }
        for (int w = 0; w < n; w++) {
            RowBuffer[] sides = buffers(in.readLong());
            for (int s = 0; s < 2; s++) {
                try (RowBatch rows = in.readBatch(types[s], context.allocator())) {
                    sides[s].append(rows);
                }
            }
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the rows (window by window, side by side) whose
     * join keys this instance owns; the earliest of the snapshots' watermarks; an input counts as ended when it had
     * ended on every old instance.
     */
    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        long earliest = Long.MAX_VALUE;
        boolean[] allEnded = {true, true};
        for (StateReader in : snapshots) {
            allEnded[0] &= in.readBoolean();
            allEnded[1] &= in.readBoolean();
            earliest = Math.min(earliest, in.readLong());
            lateRows += in.readLong();
            int n = in.readInt();
            checkBackend(n);
            if (keyed != null) {
                continue; // the backend's snapshots are restored together, below
            }
            for (int w = 0; w < n; w++) {
                long end = in.readLong();
                RowBatch[] mine = new RowBatch[2];
                try {
                    for (int s = 0; s < 2; s++) {
                        try (RowBatch rows = in.readBatch(types[s], context.allocator())) {
                            mine[s] = OwnedRows.keep(rows, owned, null, s, context.allocator());
                        }
                    }
                    if (mine[0].rowCount() + mine[1].rowCount() > 0) {
                        RowBuffer[] sides = buffers(end);
                        sides[0].append(mine[0]);
                        sides[1].append(mine[1]);
                    }
                } finally {
                    for (RowBatch b : mine) {
                        if (b != null) {
                            b.close();
                        }
                    }
                }
            }
        }
        if (keyed != null) {
            keyed.restoreRescaled(snapshots, owned, false);
        }
        if (!snapshots.isEmpty()) {
            watermark = earliest;
            ended[0] = allEnded[0];
            ended[1] = allEnded[1];
        }
    }

    /** Fails when a snapshot was taken under the other kind of state ({@code windowCount} < 0: backend state). */
    private void checkBackend(int windowCount) {
        boolean backendState = windowCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new UnsupportedFeatureException("restoring a window join's state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    private static void closeAll(RowBuffer[] buffers) {
        for (RowBuffer b : buffers) {
            if (b != null) {
                b.close();
            }
        }
    }

    @Override
    public void close() {
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        for (RowBuffer[] w : windows.values()) {
            closeAll(w);
        }
        windows.clear();
    }
}
