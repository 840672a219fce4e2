package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.sort.VectorGather;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Sorts the rows of an input batch into the windows they belong to, by their {@code window_end} column, for the
 * operators that keep per-window state until the watermark fires the window. A row is late when its
 * {@code window_end} (or, where given, its rowtime) is NULL or when its window's last millisecond
 * ({@code window_end - 1}) is at or below the watermark. The window ends a batch holds are few, so they are
 * collected in a small array (first appearance order, no boxing) and the arrays are reused across batches.
 * One instance per operator instance; not thread-safe.
 */
final class WindowSplitter {
    private long[] ends = new long[8];
    private int[] windowOf = new int[0];
    private int[] picks = new int[0];
    private int windowCount;
    private int kept;

    /**
     * Assigns each of the first {@code rows} rows to its window by {@code windowEnds}, skipping late rows against
     * {@code watermark}; {@code times} (null for none) is a rowtime column whose NULLs are late too. Returns the
     * number of late rows.
     */
    int split(TimeStampVector windowEnds, TimeStampVector times, int rows, long watermark) {
        if (windowOf.length < rows) {
            windowOf = new int[rows];
        }
        int windows = 0;
        int notLate = 0;
        for (int i = 0; i < rows; i++) {
            if (windowEnds.isNull(i) || (times != null && times.isNull(i))) {
                windowOf[i] = -1;
                continue;
            }
            long end = windowEnds.get(i);
            if (end - 1 <= watermark) {
                windowOf[i] = -1;
                continue;
            }
            int w = 0;
            while (w < windows && ends[w] != end) {
                w++;
            }
            if (w == windows) {
                if (windows == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * windows);
                }
                ends[windows++] = end;
            }
            windowOf[i] = w;
            notLate++;
        }
        windowCount = windows;
        kept = notLate;
        return rows - notLate;
    }

    /**
     * Hands the rows of {@code batch} the last {@link #split} found late to {@code router}, each with its window's
     * last millisecond ({@code window_end - 1}, NULL for a NULL window end) as its time, then flushes it.
     */
    void routeLate(RowBatch batch, TimeStampVector windowEnds, io.sluice.runtime.operator.late.LateRowRouter router,
            long watermark) throws Exception {
        for (int i = 0; i < batch.rowCount(); i++) {
            if (windowOf[i] == -1) {
                router.add(batch, i, windowEnds.isNull(i) ? io.sluice.runtime.operator.late.LateRows.NO_TIME
                        : windowEnds.get(i) - 1, watermark);
            }
        }
        router.flush();
    }

    /** Number of distinct windows the last {@link #split} found, in order of their first row. */
    int windowCount() {
        return windowCount;
    }

    /** The {@code window_end} of window {@code w} of the last split. */
    long windowEnd(int w) {
        return ends[w];
    }

    /** Whether the last split put all of its {@code rows} rows, none late, into one window. */
    boolean allInOneWindow(int rows) {
        return windowCount == 1 && kept == rows;
    }

    /** Receives the rows of one window of a split batch. */
    @FunctionalInterface
    interface WindowRows {
        /** Takes (copies) {@code rows}, the rows of the window ending at {@code windowEnd}; does not close them. */
        void accept(long windowEnd, RowBatch rows);
    }

    /**
     * Hands the rows of each window of the last split of {@code batch} to {@code sink}, in order of the windows'
     * first rows: {@code batch} itself when all of its rows fell in one window and none was late, else per window
     * a batch gathered from {@code allocator} and closed afterwards. The caller still owns {@code batch}.
     */
    void forEachWindow(RowBatch batch, BufferAllocator allocator, WindowRows sink) {
        if (allInOneWindow(batch.rowCount())) {
            sink.accept(ends[0], batch);
            return;
        }
        for (int w = 0; w < windowCount; w++) {
            try (RowBatch part = rowsOf(batch, w, allocator)) {
                sink.accept(ends[w], part);
            }
        }
    }

    /**
     * A new batch of the rows of {@code batch} (the batch of the last split) in window {@code w}, in input order,
     * allocated from {@code allocator}; the caller owns it.
     */
    RowBatch rowsOf(RowBatch batch, int w, BufferAllocator allocator) {
        int rows = batch.rowCount();
        if (picks.length < rows) {
            picks = new int[rows];
        }
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (windowOf[i] == w) {
                picks[n++] = i;
            }
        }
        return VectorGather.gatherRows(batch, picks, 0, n, allocator);
    }
}
