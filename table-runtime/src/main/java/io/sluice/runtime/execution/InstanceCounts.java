package io.sluice.runtime.execution;

import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How many parallel instances each node of a job graph runs with at a given parallelism: sources and every node fed
 * through a redistributing exchange (hash, key group, rebalance, broadcast) run {@code parallelism} instances, a
 * node with a single-instance input one, any other node as many as its widest input. A node whose parallelism is set
 * explicitly ({@link Transformation#parallelism()}) runs that many instances at any job parallelism.
 */
final class InstanceCounts {
    private InstanceCounts() {
    }

    static Map<Transformation, Integer> of(JobGraph graph, int parallelism) {
        Map<Transformation, Integer> counts = new IdentityHashMap<>();
        for (Transformation t : graph.topologicalOrder()) {
            int n;
            if (t.parallelism() > 0) {
                n = t.parallelism();
            } else if (parallelism <= 1) {
                n = 1;
            } else if (t instanceof SourceTransformation) {
                n = parallelism;
            } else if (t.isSingleInstance()) {
                n = 1;
            } else {
                boolean redistributed = false;
                int max = 1;
                for (int i = 0; i < t.inputs().size(); i++) {
                    InputPartitioning.Kind k = t.inputPartitioning(i).kind();
                    redistributed |= k == InputPartitioning.Kind.HASH || k == InputPartitioning.Kind.KEY_GROUP
                            || k == InputPartitioning.Kind.REBALANCE || k == InputPartitioning.Kind.BROADCAST
                            || k == InputPartitioning.Kind.RESCALE || k == InputPartitioning.Kind.CUSTOM;
                    max = Math.max(max, counts.get(t.inputs().get(i)));
                }
                n = redistributed ? parallelism : max;
            }
            counts.put(t, n);
        }
        return counts;
    }
}
