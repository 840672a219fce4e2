package io.sluice.streaming.api.windowing.triggers;

import io.sluice.api.common.state.ReducingState;
import io.sluice.api.common.state.ReducingStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.streaming.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires the window every {@code interval} of processing time (at multiples of the interval, counted from the first
 * record of the window) and at the window's end. The next firing time is trigger state, kept in checkpoints and
 * merged (the earliest) when session windows merge.
 */
public class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long interval;
    private final ReducingStateDescriptor<Long> stateDesc =
            new ReducingStateDescriptor<>("fire-time", Math::min, Types.LONG);

    private ContinuousProcessingTimeTrigger(long interval) {
        this.interval = interval;
    }

    /** Fires every {@code interval} of processing time. */
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("The interval of a ContinuousProcessingTimeTrigger must be positive: "
                    + interval);
        }
        return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(stateDesc);
        if (next.get() == null) {
            long now = ctx.getCurrentProcessingTime();
            scheduleNext(now - Math.floorMod(now, interval), window, ctx, next);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> next = ctx.getPartitionedState(stateDesc);
        Long due = next.get();
        if (due != null && due == time) {
            next.clear();
            scheduleNext(time, window, ctx, next);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(stateDesc);
        Long due = next.get();
        if (due != null) {
            ctx.deleteProcessingTimeTimer(due);
            next.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(stateDesc);
        Long due = ctx.getPartitionedState(stateDesc).get();
        if (due != null) {
            ctx.registerProcessingTimeTimer(due);
        }
    }

    private void scheduleNext(long time, W window, TriggerContext ctx, ReducingState<Long> next) throws Exception {
        long due = Math.min(time + interval, window.maxTimestamp());
        next.add(due);
        ctx.registerProcessingTimeTimer(due);
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + interval + ")";
    }
}
