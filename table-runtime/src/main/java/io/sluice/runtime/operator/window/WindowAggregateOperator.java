package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.HashAggregateOperator;
import io.sluice.runtime.operator.aggregate.KeyedWindowAggregates;
import io.sluice.runtime.operator.aggregate.SharedUserAggregates;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Window aggregation over a window table function ({@code GROUP BY window_start, window_end, ...}):
 * the rows of each window are aggregated by their own hash aggregation, and when the watermark
 * passes a window's last millisecond ({@code window_end - 1}) that window's results are emitted,
 * one insert-only row per group, and its state is dropped. Rows of a window that has already fired
 * are late: they are dropped and counted ({@link #lateRowsDropped()}).
 *
 * <p>Output rows are the group columns (in {@code groupFields} order, which include
 * {@code window_start} and {@code window_end}) followed by the aggregates, as
 * {@link HashAggregateOperator} produces them. Windows fire in order of their end.
 *
 * <p><b>Streaming semantics:</b> insert-only input, insert-only output; state is one hash
 * aggregation per window not yet fired; the watermark is forwarded after the windows it fires.
 * When the input ends, every remaining window fires (the final watermark). A checkpoint saves the
 * current watermark, the late-row count and, per window not yet fired, its end and its hash
 * aggregation's state.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}),
 * the groups of the windows not yet fired live in the job's keyed-state backend ({@link KeyedWindowAggregates}),
 * per window and bucket of group keys, so they may be larger than the heap; a window fires by reading its own
 * buckets only. The emitted rows, the late-row handling and the watermark are those of the heap path (rows of one
 * firing may come in another order). A checkpoint then holds the watermark, the late-row count, the windows' bucket
 * index and the backend's snapshot; it restores only under the same kind of backend.
 */
public final class WindowAggregateOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator {
    private final RowType inputType;
    private final int[] groupFields;
    private final List<AggregateSpec> aggregates;
    private final RowType outputType;
    private final int windowEndField;
    /** Positions in {@code groupFields} of the columns constant within one window's pane (not hashed). */
    private final int[] paneConstantColumns;

    private OperatorContext context;
    private Output output;
    private final TreeMap<Long, HashAggregateOperator> windows = new TreeMap<>();
    /** The user-defined aggregate functions of this instance, shared by the panes of every window. */
    private SharedUserAggregates userAggregates;
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    /** Counts the late rows dropped into the instance's {@code numLateRecordsDropped}. */
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    /** Non-null when the job routes late rows to a table: hands them to the late-rows side output. */
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;
    private final WindowSplitter splitter = new WindowSplitter();
    /** Non-null when the groups live in a keyed-state backend (then {@link #windows} stays empty). */
    private KeyedWindowAggregates keyed;
    /** Backend state: write-back limits set by tests before {@link #open}, else null. */
    private long[] writeBackLimits;
    /** Marks a snapshot of backend state (a heap snapshot has a window count, never negative, there). */
    private static final int BACKEND_STATE = -1;

    /** {@code windowEndField} is the input column holding {@code window_end} (one of the group fields). */
    public WindowAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType, int windowEndField) {
        this(inputType, groupFields, aggregates, outputType, windowEndField, new int[] {windowEndField});
    }

    /**
     * Like {@link #WindowAggregateOperator(RowType, int[], List, RowType, int)}, where the group fields among
     * {@code paneConstantFields} (input columns) are known to have one value per {@code window_end}: the window
     * end itself, {@code window_time} and, for windows that are not sessions, {@code window_start}. Each window's
     * pane then hashes only the other group fields (for {@code GROUP BY auction, window_start, window_end}, the
     * auction alone). Results and checkpoints are the same.
     */
    public WindowAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType, int windowEndField, int[] paneConstantFields) {
        int[] constant = new int[groupFields.length];
        int n = 0;
        for (int p = 0; p < groupFields.length; p++) {
            if (groupFields[p] == windowEndField || contains(paneConstantFields, groupFields[p])) {
                constant[n++] = p;
            }
        }
        this.paneConstantColumns = java.util.Arrays.copyOf(constant, n);
        this.inputType = inputType;
        this.groupFields = groupFields.clone();
        this.aggregates = List.copyOf(aggregates);
        this.outputType = outputType;
        this.windowEndField = windowEndField;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.metrics = context.metrics();
        this.lateRouter = io.sluice.runtime.operator.late.LateRowRouter.open(context);
        this.context = context;
        this.output = output;
        this.userAggregates = new SharedUserAggregates();
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedWindowAggregates(inputType, groupFields, aggregates, outputType);
            keyed.open(context);
            if (writeBackLimits != null) {
                keyed.setWriteBackLimits((int) writeBackLimits[0], writeBackLimits[1]);
            }
        }
    }

    /**
     * Backend state: writes the groups held on the heap back once more than {@code groups} of them or {@code bytes}
     * bytes of read values are held (tests; call before {@link #open}).
     */
    public void setWriteBackLimits(int groups, long bytes) {
        this.writeBackLimits = new long[] {groups, bytes};
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the windows are on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    /** Rows dropped because their window had already fired. */
    public long lateRowsDropped() {
        return lateRows;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a window aggregation over an updating input");
            }
            int rows = batch.rowCount();
            long late = splitter.split((TimeStampVector) batch.vector(windowEndField), null, rows, watermark);
            lateRows += late;
            metrics.lateRecordsDropped(late);
            if (late > 0 && lateRouter != null) {
                splitter.routeLate(batch, (TimeStampVector) batch.vector(windowEndField), lateRouter, watermark);
            }
            if (keyed != null) {
                accumulateInBackend(batch, rows);
                return;
            }
            if (splitter.allInOneWindow(rows)) {
                windowState(splitter.windowEnd(0)).processBatch(0, takeOver(batch));
                return;
            }
            for (int w = 0; w < splitter.windowCount(); w++) {
                windowState(splitter.windowEnd(w)).processBatch(0, splitter.rowsOf(batch, w, context.allocator()));
            }
        }
    }

    /** Backend state: folds the rows of each window of {@code batch} (late rows were split off) into the backend. */
    private void accumulateInBackend(RowBatch batch, int rows) {
        if (splitter.allInOneWindow(rows)) {
            keyed.accumulate(batch, splitter.windowEnd(0));
            return;
        }
        for (int w = 0; w < splitter.windowCount(); w++) {
            try (RowBatch part = splitter.rowsOf(batch, w, context.allocator())) {
                keyed.accumulate(part, splitter.windowEnd(w));
            }
        }
    }

    /** A batch with the same vectors (the original is closed by the caller and gives them up). */
    private RowBatch takeOver(RowBatch batch) {
        List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>();
        for (int c = 0; c < batch.columnCount(); c++) {
            org.apache.arrow.vector.util.TransferPair tp = batch.vector(c).getTransferPair(context.allocator());
            tp.transfer();
            vectors.add((org.apache.arrow.vector.FieldVector) tp.getTo());
        }
        return RowBatch.of(batch.type(), vectors, batch.rowCount());
    }

    private HashAggregateOperator windowState(long windowEnd) {
        HashAggregateOperator state = windows.get(windowEnd);
        if (state == null) {
            state = new HashAggregateOperator(inputType, groupFields, aggregates, outputType, userAggregates,
                    paneConstantColumns);
            state.open(context, output);
            windows.put(windowEnd, state);
        }
        return state;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        fireUpTo(newWatermark);
        out.emitWatermark(newWatermark);
    }

    private void fireUpTo(long wm) throws Exception {
        if (keyed != null) {
            while (!keyed.windowEnds().isEmpty() && keyed.windowEnds().first() - 1 <= wm) {
                keyed.fire(keyed.windowEnds().first(), output);
            }
            return;
        }
        WindowFiring.fireUpTo(windows, wm, state -> state.endInput(0), HashAggregateOperator::close);
    }

    @Override
    public void endInput(int input) throws Exception {
        fireUpTo(Long.MAX_VALUE);
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(watermark);
        out.writeLong(lateRows);
        if (keyed != null) {
            out.writeInt(BACKEND_STATE);
            keyed.snapshot(out);
            return;
        }
        out.writeInt(windows.size());
        for (Map.Entry<Long, HashAggregateOperator> e : windows.entrySet()) {
            out.writeLong(e.getKey());
            e.getValue().snapshotState(out);
        }
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        watermark = in.readLong();
        lateRows = in.readLong();
        int n = in.readInt();
        checkBackend(n);
        if (keyed != null) {
            keyed.restore(in);
            return;
        }
        for (int w = 0; w < n; w++) {
            windowState(in.readLong()).restoreState(in);
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism each window's groups this instance owns; the
     * watermark is the earliest of the snapshots' (so no row is dropped as late that one of them would have kept)
     * and the late-row counts add up.
     */
    @Override
    public void restoreRescaled(List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws IOException {
        long earliest = Long.MAX_VALUE;
        for (StateReader in : snapshots) {
            earliest = Math.min(earliest, in.readLong());
            lateRows += in.readLong();
            int n = in.readInt();
            checkBackend(n);
            if (keyed != null) {
                continue; // the backend's snapshots are restored together, below
            }
            for (int w = 0; w < n; w++) {
                windowState(in.readLong()).restoreOwned(in, owned);
            }
        }
        if (keyed != null) {
            keyed.restoreRescaled(snapshots, owned);
        }
        watermark = snapshots.isEmpty() ? watermark : earliest;
    }

    /** Fails when a snapshot was taken under the other kind of state ({@code windowCount} < 0: backend state). */
    private void checkBackend(int windowCount) {
        boolean backendState = windowCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new UnsupportedFeatureException("restoring a window aggregate's state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (HashAggregateOperator state : windows.values()) {
                state.close();
            }
            windows.clear();
            if (keyed != null) {
                keyed.close();
                keyed = null;
            }
        } finally {
            if (userAggregates != null) {
                userAggregates.close(); // the user-defined aggregate functions, opened once for every window
            }
        }
    }
}
