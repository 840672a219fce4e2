package io.sluice.streaming.api;

/** Reads the current times and registers timers of the current key (timers need a keyed stream). */
public interface TimerService {
    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed streams.";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed streams.";

    long currentProcessingTime();

    long currentWatermark();

    /** A timer that fires once processing time reaches {@code time}. */
    void registerProcessingTimeTimer(long time);

    /** A timer that fires once the watermark reaches {@code time}. */
    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
