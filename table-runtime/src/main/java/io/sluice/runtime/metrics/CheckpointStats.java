package io.sluice.runtime.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's checkpoint statistics: counts, the latest completed and failed checkpoint and a bounded history (newest
 * first), in the terms of Flink's checkpoint statistics. Written by the executor's coordinating thread, read from
 * any thread.
 */
public final class CheckpointStats {
    /** How many checkpoints the history keeps (Flink's {@code web.checkpoints.history} default). */
    public static final int HISTORY_SIZE = 10;

    /** One checkpoint or savepoint. Status is IN_PROGRESS, COMPLETED or FAILED. */
    public record Entry(long id, String status, boolean savepoint, long triggerTimestamp, long endTimestamp,
            long stateSize, String externalPath, String failureMessage) {
        /** Milliseconds from trigger to end; -1 while in progress. */
        public long duration() {
            return endTimestamp < 0 ? -1 : endTimestamp - triggerTimestamp;
        }
    }

    private final ArrayDeque<Entry> history = new ArrayDeque<>();
    private long completed;
    private long failed;
    private Entry inProgress;
    private Entry latestCompleted;
    private Entry latestFailed;
    private Entry latestSavepoint;
    private String restoredFrom;
    private long restoredTimestamp = -1;

    /** A checkpoint (or savepoint) was triggered. */
    public synchronized void triggered(long id, boolean savepoint) {
        inProgress = new Entry(id, "IN_PROGRESS", savepoint, System.currentTimeMillis(), -1, -1, null, null);
    }

    /** The checkpoint triggered last completed, {@code stateSize} bytes written to {@code path}. */
    public synchronized void completed(long id, boolean savepoint, long stateSize, String path) {
        long trigger = inProgress != null && inProgress.id() == id ? inProgress.triggerTimestamp()
                : System.currentTimeMillis();
        Entry e = new Entry(id, "COMPLETED", savepoint, trigger, System.currentTimeMillis(), stateSize, path, null);
        inProgress = null;
        completed++;
        latestCompleted = e;
        if (savepoint) {
            latestSavepoint = e;
        }
        add(e);
    }

    /** The checkpoint triggered last failed (or was abandoned by a failing job). */
    public synchronized void failed(long id, boolean savepoint, Throwable cause) {
        long trigger = inProgress != null && inProgress.id() == id ? inProgress.triggerTimestamp()
                : System.currentTimeMillis();
        Entry e = new Entry(id, "FAILED", savepoint, trigger, System.currentTimeMillis(), -1, null,
                cause == null ? null : String.valueOf(cause.getMessage()));
        inProgress = null;
        failed++;
        latestFailed = e;
        add(e);
    }

    /** The job (re)started from the checkpoint or savepoint at {@code path}. */
    public synchronized void restored(String path) {
        restoredFrom = path;
        restoredTimestamp = System.currentTimeMillis();
    }

    private void add(Entry e) {
        history.addFirst(e);
        while (history.size() > HISTORY_SIZE) {
            history.removeLast();
        }
    }

    public synchronized long numberOfCompletedCheckpoints() {
        return completed;
    }

    public synchronized long numberOfFailedCheckpoints() {
        return failed;
    }

    public synchronized long numberOfInProgressCheckpoints() {
        return inProgress == null ? 0 : 1;
    }

    /** The latest completed checkpoint, or null. */
    public synchronized Entry latestCompleted() {
        return latestCompleted;
    }

    public synchronized Entry latestFailed() {
        return latestFailed;
    }

    public synchronized Entry latestSavepoint() {
        return latestSavepoint;
    }

    /** Where the job last restored from, or null. */
    public synchronized String restoredFrom() {
        return restoredFrom;
    }

    public synchronized long restoredTimestamp() {
        return restoredTimestamp;
    }

    /** The in-progress checkpoint (if any) followed by the history, newest first. */
    public synchronized List<Entry> history() {
        List<Entry> list = new ArrayList<>();
        if (inProgress != null) {
            list.add(inProgress);
        }
        list.addAll(history);
        return list;
    }
}
