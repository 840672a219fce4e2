package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.aggregate.GroupTableAggregateOperator;
import io.sluice.runtime.operator.aggregate.KeyedWindowTableAggregates;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.TimeStampVector;

/**
 * A table aggregate function per window and key over a window table function (the Table API's
 * {@code window(w).groupBy(k, w).flatAggregate(f(v))}, grouped by the keys, {@code window_start},
 * {@code window_end} and {@code window_time}), as Flink's window table aggregate: the rows of each window not yet
 * fired are folded into one accumulator per key, and when the watermark reaches the window's last millisecond
 * ({@code window_end - 1}) the rows the function emits ({@code emitValue}) for each key are produced once, as
 * {@code +I}, windows in order of their end. Each window's groups are a {@link GroupTableAggregateOperator} in
 * batch mode, fired by its end of input.
 *
 * <p><b>Streaming semantics:</b> insert-only in and out. Rows whose window has already fired are late: dropped and
 * counted (or handed to the late-rows table when the job has one). When the input ends every remaining window
 * fires. The watermark is forwarded after the windows it fires. A checkpoint saves the watermark, the late-row
 * count and, per open window, its end and its groups. At another parallelism each instance restores, per window, the
 * groups whose keys (which include the window columns) it owns now, the earliest watermark of the snapshots and the
 * sum of their late-row counts.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}), the
 * groups of the windows not yet fired live in the job's keyed-state backend, one accumulator per window and key
 * ({@link KeyedWindowTableAggregates}), so they may be larger than the heap; a watermark reads only the groups of the
 * windows it fires. The emitted rows, late rows and watermarks are those of the heap path (rows of one watermark may
 * come in another order). A checkpoint then holds the watermark, the late-row count, a small index and the backend's
 * snapshot; it restores only under the same kind of backend.
 */
public final class WindowTableAggregateOperator implements StreamOperator, RescalableOperator {
    private final RowType inputType;
    private final int[] groupFields;
    private final int[] argFields;
    private final GeneratedClass<UserAggregateInvoker> invoker;
    private final RowType resultType;
    private final RowType outputType;
    private final int windowEndField;

    private OperatorContext context;
    private Output output;
    private final TreeMap<Long, GroupTableAggregateOperator> windows = new TreeMap<>();
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;
    private final WindowSplitter splitter = new WindowSplitter();
    /** Non-null when the groups live in a keyed-state backend (then {@code windows} stays empty). */
    private KeyedWindowTableAggregates keyed;

    /**
     * The arguments are those of {@link GroupTableAggregateOperator}; {@code windowEndField} is the input column
     * holding {@code window_end} (one of the group fields).
     */
    public WindowTableAggregateOperator(RowType inputType, int[] groupFields, int[] argFields,
            GeneratedClass<UserAggregateInvoker> invoker, RowType resultType, RowType outputType, int windowEndField) {
        this.inputType = inputType;
        this.groupFields = groupFields.clone();
        this.argFields = argFields.clone();
        this.invoker = invoker;
        this.resultType = resultType;
        this.outputType = outputType;
        this.windowEndField = windowEndField;
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        this.metrics = context.metrics();
        this.lateRouter = io.sluice.runtime.operator.late.LateRowRouter.open(context);
        this.context = context;
        this.output = output;
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedWindowTableAggregates(context, inputType, groupFields, argFields, invoker, resultType,
                    outputType);
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the groups are on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    /** Rows dropped because their window had already fired. */
    public long lateRowsDropped() {
        return lateRows;
    }

    /** The number of windows not yet fired, for tests. */
    public int openWindows() {
        return windows.size();
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a window table aggregate (flatAggregate) over an updating "
                        + "input");
            }
            int rows = batch.rowCount();
            TimeStampVector ends = (TimeStampVector) batch.vector(windowEndField);
            long late = splitter.split(ends, null, rows, watermark);
            lateRows += late;
            metrics.lateRecordsDropped(late);
            if (late > 0 && lateRouter != null) {
                splitter.routeLate(batch, ends, lateRouter, watermark);
            }
            for (int w = 0; w < splitter.windowCount(); w++) {
                if (keyed != null) {
                    try (RowBatch rowsOfWindow = splitter.rowsOf(batch, w, context.allocator())) {
                        keyed.add(splitter.windowEnd(w), rowsOfWindow);
                    }
                    continue;
                }
                windowState(splitter.windowEnd(w)).processBatch(0, splitter.rowsOf(batch, w, context.allocator()));
            }
        }
    }

    private GroupTableAggregateOperator windowState(long windowEnd) throws IOException {
        GroupTableAggregateOperator state = windows.get(windowEnd);
        if (state == null) {
            state = new GroupTableAggregateOperator(inputType, groupFields, argFields, invoker, resultType,
                    outputType, false);
            try {
                state.open(context, output);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            windows.put(windowEnd, state);
        }
        return state;
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        if (keyed != null) {
            keyed.fire(newWatermark, output);
        }
        WindowFiring.fireUpTo(windows, newWatermark, state -> state.endInput(0), GroupTableAggregateOperator::close);
        out.emitWatermark(newWatermark);
    }

    @Override
    public void endInput(int input) throws Exception {
        if (keyed != null) {
            keyed.fire(Long.MAX_VALUE, output);
        }
        WindowFiring.fireUpTo(windows, Long.MAX_VALUE, state -> state.endInput(0), GroupTableAggregateOperator::close);
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(watermark);
        out.writeLong(lateRows);
        if (keyed != null) {
            out.writeInt(BACKEND_STATE); // where the heap path's window count is (never negative there)
            keyed.snapshot(out);
            return;
        }
        out.writeInt(windows.size());
        for (Map.Entry<Long, GroupTableAggregateOperator> e : windows.entrySet()) {
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

    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        long earliest = Long.MAX_VALUE;
        for (StateReader in : snapshots) {
            earliest = Math.min(earliest, in.readLong());
            lateRows += in.readLong();
            int n = in.readInt();
            checkBackend(n);
            for (int w = 0; w < n; w++) {
                windowState(in.readLong()).restoreOwned(in, owned);
            }
        }
        if (keyed != null) {
            keyed.restoreRescaled(snapshots, owned);
        }
        if (!snapshots.isEmpty()) {
            watermark = earliest;
        }
        // a window none of whose groups this instance owns is left out
        for (java.util.Iterator<GroupTableAggregateOperator> it = windows.values().iterator(); it.hasNext();) {
            GroupTableAggregateOperator state = it.next();
            if (state.groupCount() == 0) {
                try {
                    state.close();
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
                it.remove();
            }
        }
    }

    /** Marks a snapshot of backend state: a negative number where a heap snapshot has its window count. */
    private static final int BACKEND_STATE = -1;

    /** Fails when a snapshot was taken under the other kind of state. */
    private void checkBackend(int windowCount) {
        boolean backendState = windowCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new UnsupportedFeatureException("restoring a window table aggregate's state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        if (keyed != null) {
            try {
                keyed.close();
            } catch (Exception e) {
                failure = e;
            }
            keyed = null;
        }
        for (GroupTableAggregateOperator state : windows.values()) {
            try {
                state.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        windows.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
