package io.sluice.benchmarks.nexmark;

/**
 * What one {@code 'connector' = 'nexmark'} table generates.
 *
 * @param table which events of the stream the table holds
 * @param events length of the whole stream in events (all three kinds), {@code Long.MAX_VALUE} if unbounded
 * @param seed seed of every random draw
 * @param eventsPerSecond how many events of the stream fall in one second of event time
 * @param baseTime event time of event 0, epoch milliseconds
 */
public record NexmarkConfig(NexmarkTable table, long events, long seed, long eventsPerSecond, long baseTime) {
    /** A bounded stream of {@code events} events with the default rate and base time. */
    public static NexmarkConfig of(NexmarkTable table, long events, long seed) {
        return new NexmarkConfig(table, events, seed, NexmarkModel.DEFAULT_EVENTS_PER_SECOND,
                NexmarkModel.DEFAULT_BASE_TIME);
    }

    /** True when the stream ends. */
    public boolean bounded() {
        return events != Long.MAX_VALUE;
    }
}
