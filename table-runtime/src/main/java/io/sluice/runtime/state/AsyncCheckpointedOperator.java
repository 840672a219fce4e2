package io.sluice.runtime.state;

/**
 * A {@link CheckpointedOperator} whose checkpoint snapshot has a synchronous and an asynchronous part, as Flink's
 * asynchronous snapshots. At the barrier, on the task thread, {@link #snapshotStateAsync} only freezes a consistent
 * view of the state: copies of small index arrays, slices of the append-only Arrow buffers the state keeps rows in
 * (which later appends never overwrite), a RocksDB snapshot. A background thread then writes the frozen view into
 * the checkpoint file while the operator goes on changing its state; the checkpoint completes once every such write
 * has finished. The bytes written are exactly those {@link #snapshotState} writes at the same point, so a restore
 * does not know which way the snapshot was taken. Savepoints are taken synchronously ({@link #snapshotState}).
 */
public interface AsyncCheckpointedOperator extends CheckpointedOperator {

    /**
     * Freezes the operator's complete state as of now. Called between two calls that deliver input; the operator
     * may change its state as soon as this returns, and the returned snapshot must not see those changes.
     */
    StateSnapshot snapshotStateAsync() throws Exception;

    /** Writes the complete state now: the frozen view, written at once. */
    @Override
    default void snapshotState(StateWriter out) throws Exception {
        try (StateSnapshot snapshot = snapshotStateAsync()) {
            snapshot.write(out);
        }
    }
}
