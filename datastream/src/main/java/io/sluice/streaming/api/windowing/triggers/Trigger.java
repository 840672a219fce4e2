package io.sluice.streaming.api.windowing.triggers;

import io.sluice.api.common.state.State;
import io.sluice.api.common.state.StateDescriptor;
import io.sluice.streaming.api.windowing.windows.Window;

/** Decides when a window is evaluated and when its contents are dropped. */
public abstract class Trigger<T, W extends Window> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether the trigger supports merging windows. */
    public boolean canMerge() {
        return false;
    }

    /** Windows merged into {@code window}; set up timers and state for it. */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException("This trigger does not support merging.");
    }

    /** The window is removed: delete its timers and state. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger can use: times, timers and state of the current key and window. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** The user metric group of the window operator's instance. */
        io.sluice.metrics.MetricGroup getMetricGroup();

        /** State of the current key scoped to the current window. */
        <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }

    /** The context of {@link #onMerge}. */
    public interface OnMergeContext extends TriggerContext {
        /** Merges the given state of the merged windows into the current window. */
        <S extends io.sluice.api.common.state.MergingState<?, ?>> void mergePartitionedState(
                StateDescriptor<S, ?> stateDescriptor);
    }
}
