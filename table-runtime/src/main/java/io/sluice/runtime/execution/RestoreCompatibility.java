package io.sluice.runtime.execution;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before a job restores a checkpoint or savepoint, that it was taken with the parallelism the
 * job runs with. Keyed state is not redistributed over a different number of instances yet, so a
 * checkpoint of the same query at another parallelism is rejected as not supported; one of another
 * query is left to {@link CheckpointStorage.Checkpoint#stateOf}, which names the node that differs.
 *
 * <p>Instances are named in a checkpoint as their node ({@code Source x}) with parallelism 1 and as
 * {@code Source x [subtask i of n]} above.
 */
final class RestoreCompatibility {
    private static final Pattern SUBTASK = Pattern.compile("^(.*) \\[subtask (\\d+) of (\\d+)\\]$");

    private RestoreCompatibility() {
    }

    /**
     * Fails with {@link UnsupportedFeatureException} when {@code checkpoint} holds the states of the same
     * nodes as {@code expected} (keys and names of this job's instances) but for other parallelisms.
     */
    static void requireSameParallelism(CheckpointStorage.Checkpoint checkpoint,
            List<CheckpointStorage.NodeState> expected) {
        Map<Integer, String> saved = new HashMap<>();
        for (CheckpointStorage.NodeState s : checkpoint.states()) {
            saved.put(s.index(), s.name());
        }
        boolean same = saved.size() == expected.size();
        for (CheckpointStorage.NodeState e : expected) {
            same &= e.name().equals(saved.get(e.index()));
        }
        if (same) {
            return;
        }
        List<String> savedNodes = nodes(checkpoint.states());
        if (savedNodes.equals(nodes(expected))) {
            throw new UnsupportedFeatureException("restoring a checkpoint or savepoint taken with parallelism "
                    + parallelismOf(checkpoint.states()) + " into a job running with parallelism "
                    + parallelismOf(expected) + " ('" + checkpoint.directory() + "'); set parallelism.default to the"
                    + " value it was taken with");
        }
    }

    /** The node names of instance states in order, each once (named by its first subtask). */
    private static List<String> nodes(List<CheckpointStorage.NodeState> states) {
        List<String> names = new ArrayList<>();
        for (CheckpointStorage.NodeState s : states) {
            Matcher m = SUBTASK.matcher(s.name());
            if (!m.matches()) {
                names.add(s.name());
            } else if (m.group(2).equals("1")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The largest instance count among the states (1 for a checkpoint of one instance per node). */
    private static int parallelismOf(List<CheckpointStorage.NodeState> states) {
        int max = 1;
        for (CheckpointStorage.NodeState s : states) {
            Matcher m = SUBTASK.matcher(s.name());
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(3)));
            }
        }
        return max;
    }
}
