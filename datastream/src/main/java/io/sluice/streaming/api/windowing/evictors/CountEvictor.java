package io.sluice.streaming.api.windowing.evictors;

import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.streaming.runtime.operators.windowing.TimestampedValue;
import java.util.Iterator;

/** Keeps at most {@code maxCount} records of a window: the most recent ones. */
public class CountEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long count, boolean doEvictAfter) {
        this.maxCount = count;
        this.doEvictAfter = doEvictAfter;
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long toEvict = size - maxCount;
        Iterator<TimestampedValue<Object>> it = elements.iterator();
        for (long i = 0; i < toEvict && it.hasNext(); i++) {
            it.next();
            it.remove();
        }
    }

    public long getMaxCount() {
        return maxCount;
    }

    /** Keeps {@code maxCount} records, evicting before the window function. */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public String toString() {
        return "CountEvictor(" + maxCount + ")";
    }
}
