package io.sluice.streaming.api.windowing.assigners;

import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.windows.Window;
import java.util.Collection;

/** Assigns each record to zero or more windows. */
public abstract class WindowAssigner<T, W extends Window> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The windows of {@code element} with timestamp {@code timestamp}. */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** The trigger used when the window does not set one. */
    public abstract Trigger<T, W> getDefaultTrigger();

    /** Whether windows are in event time (else processing time). */
    public abstract boolean isEventTime();

    /** What an assigner may read. */
    public abstract static class WindowAssignerContext {
        public abstract long getCurrentProcessingTime();
    }
}
