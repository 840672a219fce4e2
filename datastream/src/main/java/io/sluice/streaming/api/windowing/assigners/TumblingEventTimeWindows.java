package io.sluice.streaming.api.windowing.assigners;

import io.sluice.streaming.api.windowing.triggers.EventTimeTrigger;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Non-overlapping windows of a fixed size in event time, aligned to the epoch (plus an offset). */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long offset;
    private final WindowStagger windowStagger;
    /** This instance's shift, chosen at its first record. */
    private transient Long staggerOffset;

    protected TumblingEventTimeWindows(long size, long offset) {
        this(size, offset, WindowStagger.ALIGNED);
    }

    protected TumblingEventTimeWindows(long size, long offset, WindowStagger windowStagger) {
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingEventTimeWindows parameters must satisfy abs(offset) < size and size > 0");
        }
        this.size = size;
        this.offset = offset;
        this.windowStagger = java.util.Objects.requireNonNull(windowStagger, "windowStagger");
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size.toMillis(), 0);
    }

    /**
     * Windows of {@code size} shifted by {@code offset} and, per parallel instance, by {@code windowStagger}'s shift
     * (chosen at the instance's first record).
     */
    public static TumblingEventTimeWindows of(Duration size, Duration offset, WindowStagger windowStagger) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis(), windowStagger);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (timestamp == Long.MIN_VALUE) {
            throw new RuntimeException("Record has Long.MIN_VALUE timestamp (= no timestamp marker). Is the time "
                    + "characteristic set to 'ProcessingTime', or did you forget to call "
                    + "'DataStream.assignTimestampsAndWatermarks(...)'?");
        }
        long now = timestamp;
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
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size + ")";
    }
}
