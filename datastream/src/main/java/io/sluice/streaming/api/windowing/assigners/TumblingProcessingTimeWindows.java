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

    protected TumblingProcessingTimeWindows(long size, long offset) {
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingProcessingTimeWindows parameters must satisfy abs(offset) < size and size > 0");
        }
        this.size = size;
        this.offset = offset;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis(), 0);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        long start = TimeWindow.getWindowStartWithOffset(now, offset, size);
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
