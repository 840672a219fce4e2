package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
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
 */
public final class WindowDeduplicateOperator implements StreamOperator, CheckpointedOperator {
    private final RowType inputType;
    private final int[] keyFields;
    private final int timeField;
    private final boolean keepLast;
    private final boolean outputRankNumber;
    private final int windowEndField;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    private final TreeMap<Long, WindowDedupState> windows = new TreeMap<>();
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    private long[] distinct = new long[8];
    private int[] windowOf = new int[0];
    private int[] picks = new int[0];

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
        this.outputRankNumber = outputRankNumber;
        this.windowEndField = windowEndField;
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
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
    public void processBatch(int input, RowBatch batch) {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a window deduplication over an updating input");
            }
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            int windowCount = assignWindows(batch, rows);
            if (windowCount == 1 && windowOf[rows] == rows) {
                state(distinct[0]).add(batch);
                return;
            }
            if (picks.length < rows) {
                picks = new int[rows];
            }
            for (int w = 0; w < windowCount; w++) {
                int n = 0;
                for (int i = 0; i < rows; i++) {
                    if (windowOf[i] == w) {
                        picks[n++] = i;
                    }
                }
                try (RowBatch part = VectorGather.gatherRows(batch, picks, 0, n, context.allocator())) {
                    state(distinct[w]).add(part);
                }
            }
        }
    }

    /**
     * Sets {@code windowOf[i]} to the index (in {@code distinct}) of row i's window, or -1 for a late row
     * (counted), and {@code windowOf[rows]} to the number of rows not late; returns the number of windows.
     */
    private int assignWindows(RowBatch batch, int rows) {
        TimeStampVector ends = (TimeStampVector) batch.vector(windowEndField);
        TimeStampVector times = (TimeStampVector) batch.vector(timeField);
        if (windowOf.length < rows + 1) {
            windowOf = new int[rows + 1];
        }
        int windowCount = 0;
        int kept = 0;
        for (int i = 0; i < rows; i++) {
            if (ends.isNull(i) || times.isNull(i) || ends.get(i) - 1 <= watermark) {
                lateRows++;
                windowOf[i] = -1;
                continue;
            }
            long end = ends.get(i);
            int w = 0;
            while (w < windowCount && distinct[w] != end) {
                w++;
            }
            if (w == windowCount) {
                if (windowCount == distinct.length) {
                    distinct = Arrays.copyOf(distinct, 2 * windowCount);
                }
                distinct[windowCount++] = end;
            }
            windowOf[i] = w;
            kept++;
        }
        windowOf[rows] = kept;
        return windowCount;
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
        Iterator<Map.Entry<Long, WindowDedupState>> it = windows.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, WindowDedupState> e = it.next();
            if (e.getKey() - 1 > wm) {
                break;
            }
            it.remove();
            try (WindowDedupState state = e.getValue()) {
                emit(state);
            }
        }
    }

    private void emit(WindowDedupState state) throws Exception {
        int[] kept = state.keptRows();
        int count = kept.length;
        int batchSize = context.batchSize();
        for (int from = 0; from < count; from += batchSize) {
            int to = Math.min(count, from + batchSize);
            RowBatch out = RowBatch.allocate(outputType, context.allocator(), to - from);
            try {
                List<FieldVector> rows = state.rows().vectors();
                for (int c = 0; c < inputType.size(); c++) {
                    VectorGather.gather(rows.get(c), kept, from, to, out.vector(c), 0);
                }
                if (outputRankNumber) {
                    BigIntVector rank = (BigIntVector) out.vector(inputType.size());
                    for (int k = 0; k < to - from; k++) {
                        rank.setSafe(k, 1L);
                    }
                }
                out.setRowCount(to - from);
            } catch (Throwable t) {
                out.close();
                throw t;
            }
            output.emit(out);
        }
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(watermark);
        out.writeLong(lateRows);
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
        for (int w = 0; w < n; w++) {
            long end = in.readLong();
            try (RowBatch rows = in.readBatch(inputType, context.allocator())) {
                state(end).add(rows); // one row per key: each becomes its key's kept row
            }
        }
    }

    @Override
    public void close() {
        for (WindowDedupState s : windows.values()) {
            s.close();
        }
        windows.clear();
    }
}
