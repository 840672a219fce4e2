package io.sluice.runtime.execution;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Acts, before a job restores a checkpoint or savepoint, on the {@link StateCompatibility} report (the same one
 * {@code EXPLAIN UPGRADE} shows): an operator the checkpoint does not know starts empty, as in Flink; state of
 * another shape, or of an operator the job does not have, fails the start unless
 * {@code execution.savepoint.ignore-unclaimed-state} is set (then that state is left out and the operator starts
 * empty); state taken at another parallelism is redistributed ({@link RescaledRestore}) where the operator can.
 */
final class RestoreCompatibility {
    private RestoreCompatibility() {
    }

    /**
     * Checks {@code checkpoint} against the instances {@code expected} (uid, subtask, parallelism, name and state
     * shape of each instance of this job; no data) and returns it without the state that is not restored.
     */
    static CheckpointStorage.Checkpoint check(CheckpointStorage.Checkpoint checkpoint,
            List<CheckpointStorage.NodeState> expected, boolean ignoreUnclaimedState) {
        Set<String> leftOut = new HashSet<>();
        for (StateCompatibility.Entry e : StateCompatibility.report(checkpoint, expected)) {
            switch (e.verdict()) {
                case OTHER_PARALLELISM:
                    throw new UnsupportedFeatureException("restoring " + e.operator() + " at another parallelism:"
                            + " a checkpoint or savepoint " + e.detail() + " ('" + checkpoint.directory() + "'); set"
                            + " parallelism.default to the value it was taken with");
                case INCOMPATIBLE:
                    if (!ignoreUnclaimedState) {
                        throw new TableException("Checkpoint '" + checkpoint.directory() + "' does not match this"
                                + " job: the state of operator '" + e.operator() + "' (uid '" + e.uid() + "') has"
                                + " another shape (" + e.detail() + "). EXPLAIN UPGRADE shows what restores; set"
                                + " 'execution.savepoint.ignore-unclaimed-state' = 'true' to start that operator"
                                + " empty.");
                    }
                    leftOut.add(e.uid());
                    break;
                case DROPPED:
                    if (!ignoreUnclaimedState) {
                        throw new TableException("Checkpoint '" + checkpoint.directory() + "' does not match this"
                                + " job: it holds state of operator '" + e.operator() + "' (uid '" + e.uid() + "'),"
                                + " which this job does not have. Set 'execution.savepoint.ignore-unclaimed-state' ="
                                + " 'true' to start without that state.");
                    }
                    leftOut.add(e.uid());
                    break;
                default:
                    break;
            }
        }
        return checkpoint.without(leftOut);
    }
}
