package io.sluice.streaming.api.windowing.assigners;

import io.sluice.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Non-overlapping windows of a fixed size in processing time, aligned to the epoch (plus an offset). */
public class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long offset;
    private final WindowStagger windowStagger;
    /** This instance's shift, chosen at its first record. */
    private transient Long staggerOffset;

    protected TumblingProcessingTimeWindows(long size, long offset) {
        this(size, offset, WindowStagger.ALIGNED);
    }

    protected TumblingProcessingTimeWindows(long size, long offset, WindowStagger windowStagger) {
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingProcessingTimeWindows parameters must satisfy abs(offset) < size and size > 0");
        }
        this.size = size;
        this.offset = offset;
        this.windowStagger = java.util.Objects.requireNonNull(windowStagger, "windowStagger");
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis(), 0);
    }

    /**
     * Windows of {@code size} shifted by {@code offset} and, per parallel instance, by {@code windowStagger}'s shift
     * (chosen at the instance's first record).
     */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset, WindowStagger windowStagger) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis(), windowStagger);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        if (staggerOffset == null) {
            staggerOffset = windowStagger.getStaggerOffset(context.getCurrentProcessingTime(), size);
        }
        long start = TimeWindow.getWindowStartWithOffset(now, (offset + staggerOffset) % size, size);
        return List.of(new TimeWindow(start, start + size));
    }

    public long getSize() {
        return size;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + ")";
    }
}
