package io.sluice.streaming.api.windowing.evictors;

import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.streaming.runtime.operators.windowing.TimestampedValue;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the records of a window whose timestamps lie within {@code windowSize} of its latest record's: a record at
 * or before {@code latest - windowSize} is evicted. Records without timestamps are kept.
 */
public class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long windowSize;
    private final boolean doEvictAfter;

    public TimeEvictor(long windowSize) {
        this(windowSize, false);
    }

    public TimeEvictor(long windowSize, boolean doEvictAfter) {
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        Iterator<TimestampedValue<Object>> first = elements.iterator();
        if (!first.hasNext() || !first.next().hasTimestamp()) {
            return;
        }
        long latest = Long.MIN_VALUE;
        for (TimestampedValue<Object> v : elements) {
            latest = Math.max(latest, v.getTimestamp());
        }
        long cutoff = latest - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            if (it.next().getTimestamp() <= cutoff) {
                it.remove();
            }
        }
    }

    public long getWindowSize() {
        return windowSize;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis());
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + ")";
    }
}
