package io.sluice.streaming.api.windowing.triggers;

import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.streaming.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window when its nested trigger fires or, at the latest, a processing-time timeout after the window's first
 * record (after its latest record with {@code resetTimerOnNewRecord}), whichever comes first. When the nested trigger
 * fires on a record, the timeout is dropped; when the timeout fires, the result is {@code FIRE} (or
 * {@code FIRE_AND_PURGE} when the nested trigger's answer to the timer purges), and with
 * {@code shouldClearOnTimeout} the nested trigger's state is cleared, so the next record starts a new timeout.
 */
public class ProcessingTimeoutTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;
    private final Trigger<T, W> nestedTrigger;
    private final long interval;
    private final boolean resetTimerOnNewRecord;
    private final boolean shouldClearOnTimeout;
    private final ValueStateDescriptor<Long> deadline = new ValueStateDescriptor<>("timeout", Types.LONG);

    private ProcessingTimeoutTrigger(Trigger<T, W> nestedTrigger, long interval, boolean resetTimerOnNewRecord,
            boolean shouldClearOnTimeout) {
        this.nestedTrigger = nestedTrigger;
        this.interval = interval;
        this.resetTimerOnNewRecord = resetTimerOnNewRecord;
        this.shouldClearOnTimeout = shouldClearOnTimeout;
    }

    /** {@code nestedTrigger} with a timeout from the window's first record that clears it when it fires. */
    public static <T, W extends Window> ProcessingTimeoutTrigger<T, W> of(Trigger<T, W> nestedTrigger,
            Duration timeout) {
        return of(nestedTrigger, timeout, false, true);
    }

    /**
     * {@code nestedTrigger} with a timeout, restarted by every record when {@code resetTimerOnNewRecord}; with
     * {@code shouldClearOnTimeout} the timeout clears the nested trigger's state.
     */
    public static <T, W extends Window> ProcessingTimeoutTrigger<T, W> of(Trigger<T, W> nestedTrigger,
            Duration timeout, boolean resetTimerOnNewRecord, boolean shouldClearOnTimeout) {
        if (nestedTrigger == null || timeout == null) {
            throw new NullPointerException("ProcessingTimeoutTrigger needs a nested trigger and a timeout");
        }
        return new ProcessingTimeoutTrigger<>(nestedTrigger, timeout.toMillis(), resetTimerOnNewRecord,
                shouldClearOnTimeout);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        TriggerResult nested = nestedTrigger.onElement(element, timestamp, window, ctx);
        if (nested.isFire()) {
            clear(window, ctx);
            return nested;
        }
        ValueState<Long> state = ctx.getPartitionedState(deadline);
        Long current = state.value();
        if (current != null && resetTimerOnNewRecord) {
            ctx.deleteProcessingTimeTimer(current);
            current = null;
        }
        if (current == null) {
            long at = ctx.getCurrentProcessingTime() + interval;
            state.update(at);
            ctx.registerProcessingTimeTimer(at);
        }
        return nested;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return timedOut(nestedTrigger.onProcessingTime(time, window, ctx), window, ctx);
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return timedOut(nestedTrigger.onEventTime(time, window, ctx), window, ctx);
    }

    /** A timer of the window fired (as in Flink, also an event-time one): the window fires. */
    private TriggerResult timedOut(TriggerResult nested, W window, TriggerContext ctx) throws Exception {
        if (shouldClearOnTimeout) {
            clear(window, ctx);
        }
        return nested.isPurge() ? TriggerResult.FIRE_AND_PURGE : TriggerResult.FIRE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ValueState<Long> state = ctx.getPartitionedState(deadline);
        Long current = state.value();
        if (current != null) {
            ctx.deleteProcessingTimeTimer(current);
            state.clear();
        }
        nestedTrigger.clear(window, ctx);
    }

    @Override
    public String toString() {
        return "TimeoutTrigger(" + nestedTrigger + ")";
    }
}
