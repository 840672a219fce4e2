package io.sluice.datastream.runtime;

import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.TimerService;
import io.sluice.runtime.state.keyed.VoidNamespace;

/**
 * The user-facing {@link io.sluice.streaming.api.TimerService} of a keyed operator: timers of the backend's
 * current key, kept (and checkpointed) by the keyed-state backend.
 */
public final class KeyedTimers implements io.sluice.streaming.api.TimerService {
    private final ChainContext context;
    private final TimerService<Object, VoidNamespace> timers;

    public KeyedTimers(ChainContext context) {
        this.context = context;
        this.timers = context.keyedState().getTimerService("user-timers", StateSerializers.VOID_NAMESPACE);
    }

    /** The backend's timer service, to advance. */
    public TimerService<Object, VoidNamespace> timers() {
        return timers;
    }

    @Override
    public long currentProcessingTime() {
        return context.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}
