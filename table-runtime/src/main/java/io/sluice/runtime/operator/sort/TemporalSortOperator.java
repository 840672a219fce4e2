package io.sluice.runtime.operator.sort;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.late.LateRowRouter;
import io.sluice.runtime.operator.late.LateRows;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import org.apache.arrow.vector.TimeStampVector;

/**
 * {@code ORDER BY rowtime [ASC], other keys...} over an insert-only stream, as Flink's temporal sort runs it: rows
 * wait in a buffer until the watermark passes their rowtime; each watermark releases, sorted by rowtime and then
 * the other keys, every buffered row whose rowtime is at or below it.
 *
 * <p><b>Streaming semantics:</b> insert-only input and output, each row emitted once. A row whose rowtime is NULL
 * or already at or below the watermark when it arrives is late: dropped and counted in
 * {@code numLateRecordsDropped}, or handed to the job's late-rows table when it has one. State: the buffered rows; the watermark is forwarded after the rows it releases;
 * the end of the input releases everything. A checkpoint saves the watermark, the late-row count and the buffer.
 */
public final class TemporalSortOperator implements StreamOperator, CheckpointedOperator {
    private final RowType type;
    private final int timeField;
    private final SortKey[] keys;

    private OperatorContext context;
    private Output output;
    private RowBuffer buffer;
    private RowComparator comparator;
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    /** Non-null when the job routes late rows to a table. */
    private LateRowRouter lateRouter;

    /**
     * @param type      row type of input and output
     * @param timeField the rowtime column (TIMESTAMP(3) or TIMESTAMP_LTZ(3), milliseconds)
     * @param keys      all sort keys, the ascending rowtime first
     */
    public TemporalSortOperator(RowType type, int timeField, SortKey[] keys) {
        if (keys.length == 0 || keys[0].field() != timeField || !keys[0].ascending()) {
            throw new IllegalArgumentException("a temporal sort orders by its ascending time attribute first");
        }
        this.type = type;
        this.timeField = timeField;
        this.keys = keys.clone();
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.metrics = context.metrics();
        this.lateRouter = LateRowRouter.open(context);
        this.buffer = new RowBuffer(type, context.allocator());
        this.comparator = new RowComparator(type, keys);
    }

    /** Rows dropped because they arrived behind the watermark (or without a rowtime). */
    public long lateRowsDropped() {
        return lateRows;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("ORDER BY a time attribute over an updating input");
            }
            if (batch.rowCount() == 0) {
                return;
            }
            appendOnTime(batch);
        }
    }

    /**
     * Buffers the rows of {@code batch} that are on time; the late ones (no rowtime, or at or behind the watermark)
     * are counted and, when the job routes late rows to a table, handed to it.
     */
    private void appendOnTime(RowBatch batch) throws Exception {
        TimeStampVector time = (TimeStampVector) batch.vector(timeField);
        int n = batch.rowCount();
        int[] keep = null;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean late = time.isNull(i) || time.get(i) <= watermark;
            if (late && keep == null) { // the first late row: keep the rows before it
                keep = new int[n];
                for (int k = 0; k < i; k++) {
                    keep[kept++] = k;
                }
            }
            if (late) {
                lateRows++;
                metrics.lateRecordsDropped(1);
                if (lateRouter != null) {
                    lateRouter.add(batch, i, time.isNull(i) ? LateRows.NO_TIME : time.get(i), watermark);
                }
            } else if (keep != null) {
                keep[kept++] = i;
            }
        }
        if (keep == null) {
            buffer.append(batch); // the common case: no late row
            return;
        }
        if (lateRouter != null) {
            lateRouter.flush();
        }
        if (kept > 0) {
            try (RowBatch onTime = VectorGather.gatherRows(batch, keep, 0, kept, context.allocator())) {
                buffer.append(onTime);
            }
        }
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        release(newWatermark);
        out.emitWatermark(newWatermark);
    }

    @Override
    public void endInput(int input) throws Exception {
        release(Long.MAX_VALUE);
    }

    /** Emits, sorted, the buffered rows with rowtime at or below {@code upTo}, and keeps the others. */
    private void release(long upTo) throws Exception {
        int n = buffer.rowCount();
        if (n == 0) {
            return;
        }
        TimeStampVector time = (TimeStampVector) buffer.vectors().get(timeField);
        int[] ready = new int[n];
        int[] rest = new int[n];
        int readyCount = 0;
        int restCount = 0;
        for (int i = 0; i < n; i++) {
            if (time.get(i) <= upTo) {
                ready[readyCount++] = i;
            } else {
                rest[restCount++] = i;
            }
        }
        if (readyCount == 0) {
            return;
        }
        comparator.bind(buffer.vectors());
        RowComparator c = comparator;
        IntSorter.sort(ready, 0, readyCount, c::compare);
        int batchSize = context.batchSize();
        for (int from = 0; from < readyCount; from += batchSize) {
            output.emit(buffer.gather(ready, from, Math.min(readyCount, from + batchSize), type, context.allocator()));
        }
        buffer.keepOnly(rest, restCount);
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(watermark);
        out.writeLong(lateRows);
        out.writeColumns(type, buffer.vectors(), buffer.rowCount());
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        watermark = in.readLong();
        lateRows = in.readLong();
        try (RowBatch rows = in.readBatch(type, context.allocator())) {
            buffer.append(rows);
        }
    }

    @Override
    public void close() {
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
    }
}
