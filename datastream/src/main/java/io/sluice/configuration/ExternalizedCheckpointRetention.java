package io.sluice.configuration;

/** What becomes of a job's retained checkpoints when it is cancelled ({@code CheckpointConfig}). */
public enum ExternalizedCheckpointRetention {
    /** Deleted when the job is cancelled. */
    DELETE_ON_CANCELLATION,
    /** Kept when the job is cancelled. */
    RETAIN_ON_CANCELLATION,
    /** Checkpoints are not kept beyond the job's run. */
    NO_EXTERNALIZED_CHECKPOINTS
}
