package io.sluice.streaming.api.windowing.assigners;

import io.sluice.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Overlapping windows of a fixed size starting every {@code slide}, in processing time. */
public class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingProcessingTimeWindows(long size, long slide, long offset) {
        if (Math.abs(offset) >= slide || size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("SlidingProcessingTimeWindows parameters must satisfy abs(offset) < slide and size > 0");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis() % slide.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide));
        long lastStart = TimeWindow.getWindowStartWithOffset(now, offset, slide);
        for (long start = lastStart; start > now - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    public long getSize() {
        return size;
    }

    public long getSlide() {
        return slide;
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
        return "SlidingProcessingTimeWindows(" + size + ", " + slide + ")";
    }
}
