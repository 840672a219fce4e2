package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
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
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Window deduplication, as Flink's {@code WindowDeduplicate} runs it: {@code ROW_NUMBER() OVER (PARTITION BY
 * window_start, window_end, keys ORDER BY rowtime ASC|DESC) = 1} over a window table function's output keeps,
 * per window and key ({@code keyFields}, NULLs grouping together), the row with the smallest rowtime (first
 * row) or the largest (last row; among equal rowtimes the later arrival wins, the earlier one for first row).
 * Only the kept row of each key is held, not the window's rows. When the watermark reaches a window's last
 * millisecond ({@code window_end - 1}) the window's kept rows are emitted, one per key, and its state is
 * dropped. The output is the input columns, plus a BIGINT rank column of 1 when {@code outputRankNumber}.
 *
 * <p><b>Streaming semantics:</b> insert-only input; insert-only output, each row emitted once when its window
 * fires. A row of a window that already fired is late: dropped and counted ({@link #lateRowsDropped()}). State:
 * per window not yet fired, one row per key; the watermark is forwarded after the windows it fires; every
 * window fires when the input ends. A checkpoint saves the watermark, the late-row count and each window's
 * end and kept rows.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}), the
 * kept rows live in the job's keyed-state backend, per window and bucket of keys ({@link KeyedWindowRows}), so they may
 * be larger than the heap; a batch reads and writes each of its keys once, and a window fires bucket by bucket,
 * reading its own buckets only. The emitted rows, the late-row handling and the watermark are those of the heap path
 * (rows of one firing may come in another order). A checkpoint then restores only under the same kind of backend.
 */
public final class WindowDeduplicateOperator implements StreamOperator, RescalableOperator {
    private final RowType inputType;
    private final int[] keyFields;
    private final int timeField;
    private final boolean keepLast;
    private final int windowEndField;
    private final RankedRowEmitter emitter;

    private OperatorContext context;
    private Output output;
    private final TreeMap<Long, WindowDedupState> windows = new TreeMap<>();
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    /** Counts the late rows dropped into the instance's {@code numLateRecordsDropped}. */
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    /** Non-null when the job routes late rows to a table: hands them to the late-rows side output. */
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;
    private final WindowSplitter splitter = new WindowSplitter();
    /** Non-null when the kept rows live in a keyed-state backend (then {@link #windows} stays empty). */
    private KeyedWindowRows keyed;
    /** Marks a snapshot of backend state (a heap snapshot has a window count, never negative, there). */
    private static final int BACKEND_STATE = -1;

    /**
     * Deduplicates per window (input column {@code windowEndField} holds {@code window_end}) and key
     * {@code keyFields} (the partition columns other than the window columns) on the rowtime column
     * {@code timeField}: the last row when {@code keepLast}, else the first; {@code outputType} is the input
     * type, plus a BIGINT rank column when {@code outputRankNumber}.
     */
    public WindowDeduplicateOperator(RowType inputType, int[] keyFields, int timeField, boolean keepLast,
            boolean outputRankNumber, int windowEndField, RowType outputType) {
        if (outputType.size() != inputType.size() + (outputRankNumber ? 1 : 0)) {
            throw new IllegalArgumentException("window deduplication output " + outputType + " does not match input "
                    + inputType);
        }
        this.inputType = inputType;
        this.keyFields = keyFields.clone();
        this.timeField = timeField;
        this.keepLast = keepLast;
        this.windowEndField = windowEndField;
        this.emitter = new RankedRowEmitter(inputType, outputType, outputRankNumber);
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.metrics = context.metrics();
        this.lateRouter = io.sluice.runtime.operator.late.LateRowRouter.open(context);
        this.context = context;
        this.output = output;
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedWindowRows(context, inputType, keyFields, "sql-window-dedup-bucket");
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the rows are on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    /** Rows dropped because their window had already fired (or had no window end or rowtime). */
    public long lateRowsDropped() {
        return lateRows;
    }

    /** Rows held (one per window and key), for metrics and tests. */
    public long stateRows() {
        long n = 0;
        for (WindowDedupState w : windows.values()) {
            n += w.keyCount();
        }
        return n;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a window deduplication over an updating input");
            }
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            long late = splitter.split((TimeStampVector) batch.vector(windowEndField),
                    (TimeStampVector) batch.vector(timeField), rows, watermark);
            lateRows += late;
            metrics.lateRecordsDropped(late);
            if (late > 0 && lateRouter != null) {
                splitter.routeLate(batch, (TimeStampVector) batch.vector(windowEndField), lateRouter, watermark);
            }
            if (keyed != null) {
                splitter.forEachWindow(batch, context.allocator(),
                        (end, part) -> keyed.offer(part, end, timeField, keepLast));
                return;
            }
            splitter.forEachWindow(batch, context.allocator(), (end, part) -> state(end).add(part));
        }
    }

    private WindowDedupState state(long windowEnd) {
        WindowDedupState s = windows.get(windowEnd);
        if (s == null) {
            s = new WindowDedupState(inputType, keyFields, timeField, keepLast, context.allocator());
            windows.put(windowEnd, s);
        }
        return s;
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

    @Override
    public void endInput(int input) throws Exception {
        fireUpTo(Long.MAX_VALUE);
    }

    private void fireUpTo(long wm) throws Exception {
        if (keyed != null) {
            while (!keyed.windowEnds().isEmpty() && keyed.windowEnds().first() - 1 <= wm) {
                keyed.fire(keyed.windowEnds().first(), true, sides -> {
                    RowBuffer rows = sides[0];
                    int[] all = new int[rows.rowCount()];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = i;
                    }
                    emitter.emit(rows.vectors(), all, null, all.length, context, output);
                });
            }
            return;
        }
        WindowFiring.fireUpTo(windows, wm, this::emit, WindowDedupState::close);
    }

    private void emit(WindowDedupState state) throws Exception {
        int[] kept = state.keptRows();
        emitter.emit(state.rows().vectors(), kept, null, kept.length, context, output);
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
        for (Map.Entry<Long, WindowDedupState> e : windows.entrySet()) {
            out.writeLong(e.getKey());
            WindowDedupState state = e.getValue();
            int[] kept = state.keptRows();
            try (RowBatch rows = state.rows().gather(kept, 0, kept.length, inputType, context.allocator())) {
                out.writeColumns(inputType, new ArrayList<>(rows.root().getFieldVectors()), kept.length);
            }
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
            long end = in.readLong();
            try (RowBatch rows = in.readBatch(inputType, context.allocator())) {
                state(end).add(rows); // one row per key: each becomes its key's kept row
            }
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the kept rows of the keys this instance owns
     * (window by window); the earliest of the snapshots' watermarks.
     */
    @Override
    public void restoreRescaled(java.util.List<StateReader> snapshots, KeyOwnership owned) throws IOException {
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
                long end = in.readLong();
                try (RowBatch rows = in.readBatch(inputType, context.allocator());
                        RowBatch mine = OwnedRows.keep(rows, owned, null, 0, context.allocator())) {
                    if (mine.rowCount() > 0) {
                        state(end).add(mine); // keys of other instances: each becomes its key's kept row
                    }
                }
            }
        }
        if (keyed != null) {
            keyed.restoreRescaled(snapshots, owned, true);
        }
        if (!snapshots.isEmpty()) {
            watermark = earliest;
        }
    }

    /** Fails when a snapshot was taken under the other kind of state ({@code windowCount} < 0: backend state). */
    private void checkBackend(int windowCount) {
        boolean backendState = windowCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new UnsupportedFeatureException("restoring a window deduplication's state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    @Override
    public void close() {
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        for (WindowDedupState s : windows.values()) {
            s.close();
        }
        windows.clear();
    }
}
