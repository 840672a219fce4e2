package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.IntSorter;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.operator.sort.RowComparator;
import io.sluice.runtime.operator.sort.SortKey;
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
 * Window Top-N: {@code ROW_NUMBER() OVER (PARTITION BY window_start, window_end, ... ORDER BY ...)}
 * with a rank bound, over the rows of a windowed input (a window aggregation or a window table
 * function). The rows of each window are held until the watermark passes the window's last
 * millisecond; then, per partition, the rows ranked {@code rankStart .. rankEnd} (ties keep arrival
 * order) are emitted once, insert-only, as Flink's window Top-N does. Rows of a window that has
 * already fired are late and dropped.
 *
 * <p><b>Streaming semantics:</b> insert-only input and output; state is the rows of every window not
 * yet fired (saved by checkpoints) and the watermark; all windows fire when the input ends.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}), the
 * rows of the windows not yet fired live in the job's keyed-state backend, per window and bucket of partitions
 * ({@link KeyedWindowRows}), so they may be larger than the heap; a window fires bucket by bucket, reading its own
 * buckets only. The emitted rows, the late-row handling and the watermark are those of the heap path (rows of one
 * firing may come in another order). A checkpoint then restores only under the same kind of backend.
 */
public final class WindowRankOperator implements StreamOperator, RescalableOperator {
    private final RowType inputType;
    private final SortKey[] partitionAndOrder;
    private final int partitionKeyCount;
    private final long rankStart;
    private final long rankEnd;
    private final int windowEndField;
    private final RankedRowEmitter emitter;

    private OperatorContext context;
    private Output output;
    private final TreeMap<Long, RowBuffer> windows = new TreeMap<>();
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    /** Counts the late rows dropped into the instance's {@code numLateRecordsDropped}. */
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    /** Non-null when the job routes late rows to a table: hands them to the late-rows side output. */
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;
    private final WindowSplitter splitter = new WindowSplitter();
    private final int[] partitionFields;
    /** Non-null when the rows live in a keyed-state backend (then {@link #windows} stays empty). */
    private KeyedWindowRows keyed;
    /** Marks a snapshot of backend state (a heap snapshot has a window count, never negative, there). */
    private static final int BACKEND_STATE = -1;

    /**
     * {@code partitionFields} include the window columns; {@code outputType} is the input type plus a
     * BIGINT rank column when {@code outputRankNumber}.
     */
    public WindowRankOperator(RowType inputType, int[] partitionFields, SortKey[] orderKeys, long rankStart,
            long rankEnd, boolean outputRankNumber, int windowEndField, RowType outputType) {
        if (rankStart < 1 || rankEnd < rankStart) {
            throw new IllegalArgumentException("rank range " + rankStart + ".." + rankEnd);
        }
        this.inputType = inputType;
        this.partitionAndOrder = new SortKey[partitionFields.length + orderKeys.length];
        for (int i = 0; i < partitionFields.length; i++) {
            partitionAndOrder[i] = SortKey.asc(partitionFields[i]);
        }
        System.arraycopy(orderKeys, 0, partitionAndOrder, partitionFields.length, orderKeys.length);
        this.partitionKeyCount = partitionFields.length;
        this.partitionFields = partitionFields.clone();
        this.rankStart = rankStart;
        this.rankEnd = rankEnd;
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
            keyed = new KeyedWindowRows(context, inputType, partitionFields, "sql-window-rank-bucket");
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

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a window Top-N over an updating input");
            }
            int rows = batch.rowCount();
            long late = splitter.split((TimeStampVector) batch.vector(windowEndField), null, rows, watermark);
            lateRows += late;
            metrics.lateRecordsDropped(late);
            if (late > 0 && lateRouter != null) {
                splitter.routeLate(batch, (TimeStampVector) batch.vector(windowEndField), lateRouter, watermark);
            }
            if (keyed != null) {
                splitter.forEachWindow(batch, context.allocator(), (end, part) -> keyed.append(0, part, end));
                return;
            }
            splitter.forEachWindow(batch, context.allocator(), (end, part) -> buffer(end).append(part));
        }
    }

    private RowBuffer buffer(long windowEnd) {
        return windows.computeIfAbsent(windowEnd, k -> new RowBuffer(inputType, context.allocator()));
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
                keyed.fire(keyed.windowEnds().first(), false, sides -> emitTopN(sides[0]));
            }
            return;
        }
        WindowFiring.fireUpTo(windows, wm, this::emitTopN, RowBuffer::close);
    }

    private void emitTopN(RowBuffer rows) throws Exception {
        int n = rows.rowCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        RowComparator all = new RowComparator(inputType, partitionAndOrder);
        all.bind(rows.vectors());
        IntSorter.sort(order, 0, n, all::compare);
        SortKey[] partitionOnly = java.util.Arrays.copyOf(partitionAndOrder, partitionKeyCount);
        RowComparator partition = new RowComparator(inputType, partitionOnly);
        partition.bind(rows.vectors());
        int[] kept = new int[n];
        long[] ranks = new long[n];
        int count = 0;
        long rank = 0;
        for (int k = 0; k < n; k++) {
            rank = k > 0 && partition.compare(order[k - 1], order[k]) == 0 ? rank + 1 : 1;
            if (rank >= rankStart && rank <= rankEnd) {
                kept[count] = order[k];
                ranks[count] = rank;
                count++;
            }
        }
        emitter.emit(rows.vectors(), kept, ranks, count, context, output);
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
        for (Map.Entry<Long, RowBuffer> e : windows.entrySet()) {
            out.writeLong(e.getKey());
            out.writeColumns(inputType, new ArrayList<>(e.getValue().vectors()), e.getValue().rowCount());
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
        for (int i = 0; i < n; i++) {
            long end = in.readLong();
            try (RowBatch rows = in.readBatch(inputType, context.allocator())) {
                buffer(end).append(rows);
            }
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the rows of the partitions this instance owns
     * (window by window, in their arrival order); the earliest of the snapshots' watermarks.
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
                        buffer(end).append(mine);
                    }
                }
            }
        }
        if (keyed != null) {
            keyed.restoreRescaled(snapshots, owned, false);
        }
        if (!snapshots.isEmpty()) {
            watermark = earliest;
        }
    }

    /** Fails when a snapshot was taken under the other kind of state ({@code windowCount} < 0: backend state). */
    private void checkBackend(int windowCount) {
        boolean backendState = windowCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new UnsupportedFeatureException("restoring a window Top-N's state taken with"
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
        for (RowBuffer b : windows.values()) {
            b.close();
        }
        windows.clear();
    }
}
