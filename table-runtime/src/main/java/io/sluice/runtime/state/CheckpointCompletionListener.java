package io.sluice.runtime.state;

/**
 * An operator (or source reader) that wants to hear that a checkpoint completed, as sinks do: for user functions
 * that publish what a checkpoint covers (Flink's {@code CheckpointListener}).
 *
 * <p>Called on the operator's own task thread, between two calls that deliver input, after every task acknowledged
 * checkpoint {@code checkpointId}. Only the latest completed checkpoint is reported: when two complete before the
 * task looks, the earlier one is not reported separately. Not called after the task's inputs have all ended, except
 * when a savepoint stops the job.
 */
public interface CheckpointCompletionListener {
    /** Checkpoint {@code checkpointId} (and every earlier one) is complete. */
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    /**
     * Checkpoint {@code checkpointId} was aborted while the job goes on (a savepoint that could not be taken or
     * written): what was prepared for it will not be published by it. On the task thread, as completions are.
     */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {
    }
}
