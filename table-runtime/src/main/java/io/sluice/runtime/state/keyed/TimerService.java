package io.sluice.runtime.state.keyed;

/**
 * Event-time and processing-time timers of one operator, per key and namespace. Registering a timer that exists
 * already does nothing; timers fire in time order, each once, with the backend's current key set to the timer's
 * key. Timers are part of the backend's snapshots and move with their key group when a job rescales.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 */
public interface TimerService<K, N> {

    /** What happens when a timer fires. */
    @FunctionalInterface
    interface Callback<K, N> {
        void onTimer(K key, N namespace, long time) throws Exception;
    }

    /** Registers an event-time timer of the current key: it fires when the watermark reaches {@code time}. */
    void registerEventTimeTimer(N namespace, long time);

    void deleteEventTimeTimer(N namespace, long time);

    /** Registers a processing-time timer of the current key: it fires when the clock reaches {@code time}. */
    void registerProcessingTimeTimer(N namespace, long time);

    void deleteProcessingTimeTimer(N namespace, long time);

    /**
     * Advances event time: fires every event-time timer with {@code time <= watermark} in time order (timers
     * registered by a callback for times up to the watermark fire in the same call).
     */
    void advanceWatermark(long watermark, Callback<K, N> callback) throws Exception;

    /** Fires every processing-time timer with {@code time <= now}, in time order. */
    void advanceProcessingTime(long now, Callback<K, N> callback) throws Exception;

    /** The last watermark passed to {@link #advanceWatermark}, or {@link Long#MIN_VALUE}. */
    long currentWatermark();

    /** The time of the earliest processing-time timer, or {@link Long#MAX_VALUE} when there is none. */
    long nextProcessingTime();

    /** Registered timers of both kinds (for tests and metrics). */
    int numTimers();
}
