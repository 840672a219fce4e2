package io.sluice.streaming.api.windowing.evictors;

import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.streaming.runtime.operators.windowing.TimestampedValue;
import java.io.Serializable;

/**
 * Removes records from a window when it fires: {@link #evictBefore} before the window function sees them,
 * {@link #evictAfter} after. An evictor removes a record through the iterator of {@code elements}; the records left
 * stay in the window (for a trigger that fires without purging).
 */
public interface Evictor<T, W extends Window> extends Serializable {
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor can ask about time. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
