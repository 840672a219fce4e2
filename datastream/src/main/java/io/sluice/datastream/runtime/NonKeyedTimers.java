package io.sluice.datastream.runtime;

/** The timer service of a function on a non-keyed stream: reads times, refuses timers (as Flink does). */
final class NonKeyedTimers implements io.sluice.streaming.api.TimerService {
    private final ChainContext context;
    long watermark = Long.MIN_VALUE;

    NonKeyedTimers(ChainContext context) {
        this.context = context;
    }

    @Override
    public long currentProcessingTime() {
        return context.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
    }
}
