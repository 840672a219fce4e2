package io.sluice.api.common;

/** Whether a job runs as a continuous stream or as a batch over bounded input (final results only). */
public enum RuntimeExecutionMode {
    STREAMING,
    BATCH,
    /** Batch when every source is bounded, else streaming. */
    AUTOMATIC
}
