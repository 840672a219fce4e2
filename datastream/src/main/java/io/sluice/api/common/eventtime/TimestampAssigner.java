package io.sluice.api.common.eventtime;

/** Extracts the event-time timestamp (epoch milliseconds) of a record. */
@FunctionalInterface
public interface TimestampAssigner<T> {
    /** The timestamp of a record that has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    long extractTimestamp(T element, long recordTimestamp);
}
