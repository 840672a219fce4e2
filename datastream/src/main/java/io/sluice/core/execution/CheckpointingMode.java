package io.sluice.core.execution;

/** The consistency of checkpoints; Sluice's aligned checkpoints are exactly-once. */
public enum CheckpointingMode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE
}
