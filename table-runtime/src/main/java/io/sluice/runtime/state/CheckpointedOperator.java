package io.sluice.runtime.state;

/**
 * An operator whose state a checkpoint saves and a restarted job restores. {@link #snapshotState} is
 * called between two calls that deliver input (never during one), so the state is consistent;
 * {@link #restoreState} is called after {@code open} and before any input, with exactly what the
 * snapshot wrote.
 */
public interface CheckpointedOperator {

    /** Writes the operator's complete state. */
    void snapshotState(StateWriter out) throws Exception;

    /** Replaces the operator's (empty) state with a snapshot's. */
    void restoreState(StateReader in) throws Exception;
}
