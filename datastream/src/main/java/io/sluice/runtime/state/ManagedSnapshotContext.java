package io.sluice.runtime.state;

/** The checkpoint being taken. */
public interface ManagedSnapshotContext {
    long getCheckpointId();

    /** When the checkpoint was triggered (ms since the epoch). */
    long getCheckpointTimestamp();
}
