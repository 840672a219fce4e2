package io.sluice.api.connector.source;

/** Whether a source ends. */
public enum Boundedness {
    BOUNDED,
    CONTINUOUS_UNBOUNDED
}
