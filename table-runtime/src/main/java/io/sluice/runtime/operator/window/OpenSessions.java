package io.sluice.runtime.operator.window;

import java.util.Arrays;

/**
 * The open sessions of one partition key: intervals {@code [first row time, last row time + gap)} sorted by start,
 * none touching another. A row at time {@code t} has the interval {@code [t, t + gap)}; it joins every session that
 * interval overlaps or touches (as Flink's session windows do: two windows merge when
 * {@code start1 <= end2 && end1 >= start2}, so rows exactly {@code gap} apart are one session), merging them, or
 * opens a new one. Usually one or two sessions per key, so plain arrays and linear scans.
 */
final class OpenSessions {
    private long[] starts = new long[2];
    private long[] ends = new long[2];
    private int size;

    int size() {
        return size;
    }

    long start(int i) {
        return starts[i];
    }

    long end(int i) {
        return ends[i];
    }

    /** The earliest end among the open sessions ({@link Long#MAX_VALUE} when none). */
    long earliestEnd() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, ends[i]);
        }
        return min;
    }

    /**
     * Adds a row at {@code time}: the interval {@code [time, time + gap)} merges with the sessions it overlaps or
     * touches.
     */
    void add(long time, long gap) {
        long start = time;
        long end = time + gap;
        // fast path: the row falls into (or extends) the last session, the usual case for rows in time order
        if (size > 0 && starts[size - 1] <= end && time <= ends[size - 1]
                && (size == 1 || ends[size - 2] < start)) {
            starts[size - 1] = Math.min(starts[size - 1], start);
            ends[size - 1] = Math.max(ends[size - 1], end);
            return;
        }
        int first = 0;
        while (first < size && ends[first] < start) { // sessions wholly before the row's interval, not touching it
            first++;
        }
        int last = first;
        while (last < size && starts[last] <= end) { // sessions the row's interval overlaps or touches
            start = Math.min(start, starts[last]);
            end = Math.max(end, ends[last]);
            last++;
        }
        int merged = last - first;
        if (merged == 0) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            System.arraycopy(starts, first, starts, first + 1, size - first);
            System.arraycopy(ends, first, ends, first + 1, size - first);
            size++;
        } else if (merged > 1) {
            System.arraycopy(starts, last, starts, first + 1, size - last);
            System.arraycopy(ends, last, ends, first + 1, size - last);
            size -= merged - 1;
        }
        starts[first] = start;
        ends[first] = end;
    }

    /**
     * Moves the sessions whose last millisecond ({@code end - 1}) is at or before {@code watermark} into
     * {@code closed} (cleared first) and keeps the others.
     */
    void closeUpTo(long watermark, OpenSessions closed) {
        closed.size = 0;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (ends[i] - 1 <= watermark) {
                closed.append(starts[i], ends[i]);
            } else {
                starts[kept] = starts[i];
                ends[kept] = ends[i];
                kept++;
            }
        }
        size = kept;
    }

    /** Whether the interval {@code [time, time + gap)} of a row overlaps or touches one of the sessions. */
    boolean touches(long time, long gap) {
        long end = time + gap;
        for (int i = 0; i < size; i++) {
            if (starts[i] <= end && time <= ends[i]) {
                return true;
            }
        }
        return false;
    }

    /** The index of the session containing {@code time}, or -1. */
    int indexOf(long time) {
        for (int i = 0; i < size; i++) {
            if (starts[i] <= time && time < ends[i]) {
                return i;
            }
        }
        return -1;
    }

    private void append(long start, long end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }
}
