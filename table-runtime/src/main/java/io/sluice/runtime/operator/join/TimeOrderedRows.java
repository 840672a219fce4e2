package io.sluice.runtime.operator.join;

import java.util.Arrays;

/**
 * A binary min-heap of (event time, row id) pairs in two primitive arrays: the rows of one side of an
 * {@link IntervalJoinOperator} ordered by the time at which they expire, so that a watermark removes
 * exactly the expired rows, oldest first, in {@code O(log n)} each, without scanning the live ones.
 */
final class TimeOrderedRows {
    private long[] times = new long[64];
    private int[] ids = new int[64];
    private int size;

    /** Number of rows held. */
    int size() {
        return size;
    }

    /** Forgets every row. */
    void clear() {
        size = 0;
    }

    /** Adds row {@code id} with time {@code time}. */
    void push(long time, int id) {
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
            ids = Arrays.copyOf(ids, 2 * size);
        }
        int k = size++;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (times[parent] <= time) {
                break;
            }
            times[k] = times[parent];
            ids[k] = ids[parent];
            k = parent;
        }
        times[k] = time;
        ids[k] = id;
    }

    /** The smallest time held; only valid when {@link #size()} {@code > 0}. */
    long minTime() {
        return times[0];
    }

    /** Removes the row with the smallest time and returns its id; only valid when not empty. */
    int pop() {
        int top = ids[0];
        int last = --size;
        if (last > 0) {
            siftDown(0, times[last], ids[last], last);
        }
        return top;
    }

    /**
     * Replaces the content with rows {@code 0 .. count-1}, row {@code i} having time {@code rowTimes[i]}
     * (after a compaction renumbered the rows); linear-time heap construction.
     */
    void rebuild(long[] rowTimes, int count) {
        if (times.length < count) {
            times = new long[count];
            ids = new int[count];
        }
        System.arraycopy(rowTimes, 0, times, 0, count);
        for (int i = 0; i < count; i++) {
            ids[i] = i;
        }
        size = count;
        for (int k = (size >>> 1) - 1; k >= 0; k--) {
            siftDown(k, times[k], ids[k], size);
        }
    }

    private void siftDown(int k, long time, int id, int n) {
        int half = n >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            if (child + 1 < n && times[child + 1] < times[child]) {
                child++;
            }
            if (time <= times[child]) {
                break;
            }
            times[k] = times[child];
            ids[k] = ids[child];
            k = child;
        }
        times[k] = time;
        ids[k] = id;
    }
}
