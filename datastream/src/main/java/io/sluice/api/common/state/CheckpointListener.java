package io.sluice.api.common.state;

/** Notified when a checkpoint the object took part in completed (or was aborted). */
public interface CheckpointListener {
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    default void notifyCheckpointAborted(long checkpointId) throws Exception {
    }
}
