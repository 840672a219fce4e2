package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.sort.IntSorter;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * The SESSION window table function ({@code TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap))}):
 * rows of one partition key whose time attributes are less than {@code gap} apart form one session
 * {@code [first ts, last ts + gap)}. A session is only known once no later row can extend it, so rows
 * are held until the watermark passes the session's last millisecond; then the session's rows are
 * emitted with {@code window_start}, {@code window_end} and {@code window_time} (= end - 1 ms)
 * appended, before the watermark is forwarded (a window aggregation downstream then fires the
 * session). Rows with a NULL time attribute, and rows whose session would already have closed (late
 * rows), are dropped; {@link #lateRowsDropped()} counts the late ones.
 *
 * <p><b>Streaming semantics:</b> insert-only input and output; state is the rows of every open session
 * (saved by checkpoints) and the current watermark. When the input ends every session closes.
 */
public final class SessionWindowOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator {
    private final RowType inputType;
    private final int timeField;
    private final long gap;
    private final int[] partitionFields;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    private RowBuffer pending;
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    /** Counts the late rows dropped into the instance's {@code numLateRecordsDropped}. */
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    /** Non-null when the job routes late rows to a table: hands them to the late-rows side output. */
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;

    public SessionWindowOperator(RowType inputType, int timeField, long gapMillis, int[] partitionFields,
            RowType outputType) {
        if (gapMillis <= 0) {
            throw new IllegalArgumentException("session gap must be positive: " + gapMillis);
        }
        this.inputType = inputType;
        this.timeField = timeField;
        this.gap = gapMillis;
        this.partitionFields = partitionFields.clone();
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.metrics = context.metrics();
        this.lateRouter = io.sluice.runtime.operator.late.LateRowRouter.open(context);
        this.context = context;
        this.output = output;
        this.pending = new RowBuffer(inputType, context.allocator());
    }

    /** Rows dropped because their session had already closed. */
    public long lateRowsDropped() {
        return lateRows;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a SESSION window over an updating input");
            }
            int rows = batch.rowCount();
            TimeStampVector time = (TimeStampVector) batch.vector(timeField);
            int[] keep = new int[rows];
            int n = 0;
            long late = 0;
            for (int i = 0; i < rows; i++) {
                if (time.isNull(i)) {
                    continue;
                }
                if (time.get(i) + gap - 1 <= watermark) {
                    late++;
                    if (lateRouter != null) {
                        lateRouter.add(batch, i, time.get(i), watermark);
                    }
                    continue;
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
            if (n == rows) {
                pending.append(batch);
            } else if (n > 0) {
                try (RowBatch kept = VectorGather.gatherRows(batch, keep, 0, n, context.allocator())) {
                    pending.append(kept);
                }
            }
        }
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        fire(newWatermark);
        out.emitWatermark(newWatermark);
    }

    @Override
    public void endInput(int input) throws Exception {
        fire(Long.MAX_VALUE);
    }

    /** Emits every session whose last millisecond is at or before {@code wm} and drops its rows. */
    private void fire(long wm) throws Exception {
        int rows = pending.rowCount();
        if (rows == 0) {
            return;
        }
        int[] keyIds = partitionIds(rows);
        TimeStampVector time = (TimeStampVector) pending.vectors().get(timeField);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        IntSorter.sort(order, 0, rows, (a, b) -> keyIds[a] != keyIds[b] ? Integer.compare(keyIds[a], keyIds[b])
                : Long.compare(time.get(a), time.get(b)));
        int[] fired = new int[rows];
        long[] starts = new long[rows];
        long[] ends = new long[rows];
        int firedCount = 0;
        int[] remaining = new int[rows];
        int remainingCount = 0;
        int i = 0;
        while (i < rows) {
            int first = i;
            long end = time.get(order[i]) + gap;
            int j = i + 1;
            while (j < rows && keyIds[order[j]] == keyIds[order[first]] && time.get(order[j]) < end) {
                end = Math.max(end, time.get(order[j]) + gap);
                j++;
            }
            boolean closed = end - 1 <= wm;
            long start = time.get(order[first]);
            for (int k = first; k < j; k++) {
                if (closed) {
                    fired[firedCount] = order[k];
                    starts[firedCount] = start;
                    ends[firedCount] = end;
                    firedCount++;
                } else {
                    remaining[remainingCount++] = order[k];
                }
            }
            i = j;
        }
        if (firedCount == 0) {
            return;
        }
        int batchSize = context.batchSize();
        for (int from = 0; from < firedCount; from += batchSize) {
            int to = Math.min(firedCount, from + batchSize);
            output.emit(sessionRows(fired, starts, ends, from, to));
        }
        Arrays.sort(remaining, 0, remainingCount);
        pending.keepOnly(remaining, remainingCount);
    }

    private RowBatch sessionRows(int[] rows, long[] starts, long[] ends, int from, int to) {
        int n = to - from;
        RowBatch out = RowBatch.allocate(outputType, context.allocator(), n);
        try {
            List<FieldVector> in = pending.vectors();
            for (int c = 0; c < inputType.size(); c++) {
                VectorGather.gather(in.get(c), rows, from, to, out.vector(c), 0);
            }
            int base = inputType.size();
            TimeStampVector start = (TimeStampVector) out.vector(base);
            TimeStampVector end = (TimeStampVector) out.vector(base + 1);
            TimeStampVector windowTime = (TimeStampVector) out.vector(base + 2);
            for (int k = 0; k < n; k++) {
                start.setSafe(k, starts[from + k]);
                end.setSafe(k, ends[from + k]);
                windowTime.setSafe(k, ends[from + k] - 1);
            }
            out.setRowCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** A dense id per distinct partition key of the pending rows (0 for all when unpartitioned). */
    private int[] partitionIds(int rows) {
        int[] ids = new int[rows];
        if (partitionFields.length == 0) {
            return ids;
        }
        try (KeyHashTable keys = KeyHashTable.forGrouping(context.allocator(),
                inputType.project(partitionFields).types())) {
            FieldVector[] columns = new FieldVector[partitionFields.length];
            for (int k = 0; k < partitionFields.length; k++) {
                columns[k] = pending.vectors().get(partitionFields[k]);
            }
            keys.findOrInsert(columns, rows, ids);
        }
        return ids;
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(watermark);
        out.writeLong(lateRows);
        out.writeColumns(inputType, new ArrayList<>(pending.vectors()), pending.rowCount());
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        watermark = in.readLong();
        lateRows = in.readLong();
        try (RowBatch rows = in.readBatch(inputType, context.allocator())) {
            pending.append(rows);
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the pending rows whose partition keys this instance
     * owns; the watermark is the earliest of the snapshots' and the late-row counts add up.
     */
    @Override
    public void restoreRescaled(java.util.List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws IOException {
        long earliest = Long.MAX_VALUE;
        int[] keys = owned.inputKeys(0);
        for (StateReader in : snapshots) {
            earliest = Math.min(earliest, in.readLong());
            lateRows += in.readLong();
            try (RowBatch rows = in.readBatch(inputType, context.allocator())) {
                int[] kept = new int[rows.rowCount()];
                int m = 0;
                for (int r = 0; r < kept.length; r++) {
                    if (owned.owns(rows, keys, r)) {
                        kept[m++] = r;
                    }
                }
                try (RowBatch mine = io.sluice.runtime.operator.sort.VectorGather.gatherRows(rows, kept, 0, m,
                        context.allocator())) {
                    pending.append(mine);
                }
            }
        }
        if (!snapshots.isEmpty()) {
            watermark = earliest;
        }
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }
}
