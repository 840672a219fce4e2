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
        if (!snapshots.isEmpty()) {
            watermark = earliest;
        }
    }

    @Override
    public void close() {
        for (RowBuffer b : windows.values()) {
            b.close();
        }
        windows.clear();
    }
}
