package io.sluice.runtime.state;

import java.util.List;

/**
 * A {@link CheckpointedOperator} whose state can be restored at another parallelism than it was taken with. Its
 * state is keyed (by the columns the exchange feeding it hashes): a restoring instance reads the snapshots of
 * every instance of the earlier run and keeps the entries whose keys it owns now ({@link KeyOwnership}), so each
 * key's state lands on exactly one new instance, the one its rows are routed to. State that is not keyed (the
 * current watermark) is combined so that nothing is lost: the earliest watermark of the snapshots.
 *
 * <p>An operator that does not implement this interface is restored only at the parallelism its state was taken
 * with; restoring it at another one fails with "not supported yet".
 */
public interface RescalableOperator extends CheckpointedOperator {

    /**
     * Replaces the operator's (empty) state with the entries of {@code snapshots} (what {@link #snapshotState} wrote
     * on each instance of the earlier run; instances that kept nothing are left out) whose keys {@code owned}
     * accepts. Called after {@code open} and before any input, instead of {@link #restoreState}.
     */
    void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws Exception;

    /**
     * Whether {@link #restoreRescaled} needs to know the keys this instance owns. An operator whose state is not
     * keyed (operator state that is split or copied over the new instances) returns false: it then also restores
     * when its input is not partitioned by key, and gets a null {@code owned}.
     */
    default boolean needsKeyOwnership() {
        return true;
    }
}
