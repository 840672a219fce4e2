package io.sluice.streaming.api.windowing.windows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A window of time {@code [start, end)} in milliseconds. */
public class TimeWindow extends Window {
    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch. */
    public boolean intersects(TimeWindow other) {
        return this.start <= other.end && this.end >= other.start;
    }

    /** The smallest window containing both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The start of the window of size {@code windowSize} (shifted by {@code offset}) containing {@code timestamp}. */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        if (remainder < 0) {
            return timestamp - (remainder + windowSize);
        }
        return timestamp - remainder;
    }

    /** Groups overlapping windows: each group with more than one window becomes one covering window. */
    public static void mergeWindows(Collection<TimeWindow> windows,
            io.sluice.streaming.api.windowing.assigners.MergingWindowAssigner.MergeCallback<TimeWindow> c) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
        List<List<TimeWindow>> groups = new ArrayList<>();
        TimeWindow cover = null;
        List<TimeWindow> group = null;
        for (TimeWindow w : sorted) {
            if (cover == null || !cover.intersects(w)) {
                group = new ArrayList<>();
                groups.add(group);
                cover = w;
            } else {
                cover = cover.cover(w);
            }
            group.add(w);
        }
        for (List<TimeWindow> g : groups) {
            if (g.size() > 1) {
                TimeWindow merged = g.get(0);
                for (TimeWindow w : g) {
                    merged = merged.cover(w);
                }
                c.merge(g, merged);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow && ((TimeWindow) o).start == start && ((TimeWindow) o).end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }

    static Set<TimeWindow> none() {
        return Set.of();
    }
}
