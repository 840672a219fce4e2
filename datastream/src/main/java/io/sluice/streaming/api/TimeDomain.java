package io.sluice.streaming.api;

/** Whether a timer fired on event time or on processing time. */
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
