package io.sluice.runtime.execution;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before a job restores a checkpoint or savepoint, that its state fits the job. State is matched by
 * each operator's state identity (uid), never by its printed name: an operator of the job that the
 * checkpoint does not know starts empty, as in Flink. Two cases fail before anything runs:
 * <ul>
 *   <li>the checkpoint holds state of an operator the job does not have (the query changed), unless
 *       {@code execution.savepoint.ignore-unclaimed-state} is set;</li>
 *   <li>an operator with state was checkpointed at another parallelism: its state is not redistributed over
 *       a different number of instances yet.</li>
 * </ul>
 */
final class RestoreCompatibility {
    private RestoreCompatibility() {
    }

    /**
     * Fails when {@code checkpoint} cannot be restored into the instances {@code expected} (uid, subtask and
     * parallelism of each instance of this job; no data).
     */
    static void check(CheckpointStorage.Checkpoint checkpoint, List<CheckpointStorage.NodeState> expected,
            boolean ignoreUnclaimedState) {
        Map<String, CheckpointStorage.NodeState> operators = new HashMap<>();
        for (CheckpointStorage.NodeState e : expected) {
            operators.putIfAbsent(e.uid(), e);
        }
        for (CheckpointStorage.NodeState saved : checkpoint.states()) {
            if (saved.data() == null) {
                continue;
            }
            CheckpointStorage.NodeState here = operators.get(saved.uid());
            if (here == null) {
                if (ignoreUnclaimedState) {
                    continue;
                }
                throw new TableException("Checkpoint '" + checkpoint.directory() + "' does not match this job:"
                        + " it holds state of operator '" + saved.name() + "' (uid '" + saved.uid() + "'), which"
                        + " this job does not have. Set 'execution.savepoint.ignore-unclaimed-state' = 'true' to"
                        + " start without that state.");
            }
            if (here.parallelism() != saved.parallelism()) {
                throw new UnsupportedFeatureException("restoring a checkpoint or savepoint taken with parallelism "
                        + saved.parallelism() + " into a job running with parallelism " + here.parallelism()
                        + " ('" + checkpoint.directory() + "', operator '" + saved.name() + "'); set"
                        + " parallelism.default to the value it was taken with");
            }
        }
    }
}
