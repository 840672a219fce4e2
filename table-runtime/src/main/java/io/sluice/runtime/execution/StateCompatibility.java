package io.sluice.runtime.execution;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.checkpoint.CheckpointStorage.NodeState;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.Transformation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the state in a checkpoint or savepoint fits a job, operator by operator: what {@code EXPLAIN UPGRADE}
 * shows before anything is stopped, and what a job starting from that checkpoint then does (the executors restore
 * through {@link RestoreCompatibility}, which acts on this same report). State is matched by each operator's state
 * identity (uid) and compared by the shape of its state ({@link Transformation#stateSchema}).
 */
public final class StateCompatibility {
    /** What happens to one operator's state. */
    public enum Verdict {
        /** The checkpoint has state of the same shape for this operator: it is restored. */
        RESTORED,
        /** The checkpoint has no state for this operator (it is new): it starts empty. */
        STARTS_EMPTY,
        /** The operator was in the checkpoint's job and kept no state there (a projection, a stateless sink). */
        NO_STATE,
        /**
         * The checkpoint has state for this operator's identity, but of another shape (its inputs, outputs or
         * keys changed): restoring fails, or with {@code execution.savepoint.ignore-unclaimed-state} the
         * operator starts empty.
         */
        INCOMPATIBLE,
        /**
         * The state was taken at another parallelism and is redistributed: keyed state by key to the instance the
         * exchange now routes each key to, source positions over the new readers, sinks' pending commits to the new
         * sink instances.
         */
        RESCALED,
        /** The state was taken at another parallelism, and this operator cannot redistribute it (yet). */
        OTHER_PARALLELISM,
        /**
         * The checkpoint has state of an operator this job does not have: restoring fails, or with
         * {@code execution.savepoint.ignore-unclaimed-state} that state is dropped.
         */
        DROPPED
    }

    /** The verdict for one operator (or, for {@link Verdict#DROPPED}, one operator of the checkpoint). */
    public record Entry(String uid, String operator, Verdict verdict, String detail) {
    }

    private StateCompatibility() {
    }

    /**
     * The report for {@code graph} run with {@code config} (its parallelism and {@code table.exec.uid.format})
     * starting from {@code checkpoint}: one entry per operator of the job that keeps state, then one per operator
     * of the checkpoint the job does not have.
     */
    public static List<Entry> report(JobGraph graph, Configuration config, CheckpointStorage.Checkpoint checkpoint) {
        Map<Transformation, String> uids = graph.stateIds(config.get(CheckpointingOptions.UID_FORMAT));
        Map<Transformation, Integer> parallelism = parallelism(graph, config);
        List<NodeState> expected = new ArrayList<>();
        for (Transformation t : graph.topologicalOrder()) {
            int p = parallelism.get(t);
            for (int s = 0; s < p; s++) {
                expected.add(new NodeState(uids.get(t), s, p, t.name(), t.stateSchema(), null));
            }
        }
        java.util.Set<String> fixed = new java.util.HashSet<>();
        int maxParallelism = config.get(io.sluice.runtime.state.keyed.StateOptions.MAX_PARALLELISM);
        for (Transformation t : graph.topologicalOrder()) {
            if (!canRescale(t, parallelism.get(t), maxParallelism)) {
                fixed.add(uids.get(t));
            }
        }
        return report(checkpoint, expected, fixed);
    }

    /** Whether node {@code t}, run as {@code instances} instances, can restore state taken at another parallelism. */
    private static boolean canRescale(Transformation t, int instances, int maxParallelism) {
        if (!(t instanceof io.sluice.runtime.graph.OperatorTransformation)) {
            return true;
        }
        io.sluice.runtime.operator.StreamOperator operator;
        try {
            operator = ((io.sluice.runtime.graph.OperatorTransformation) t).factory().create();
        } catch (RuntimeException e) {
            return true; // the start reports it
        }
        try {
            if (!RescaledRestore.canRescale(operator)) {
                return false;
            }
            if (operator instanceof io.sluice.runtime.state.RescalableOperator && !operator.isStateless()) {
                RescaledRestore.ownership(t, 0, instances, maxParallelism);
            }
            return true;
        } catch (io.sluice.table.api.UnsupportedFeatureException e) {
            return false; // its inputs are not partitioned by key
        } catch (RuntimeException e) {
            return true; // the start reports it
        }
    }

    /**
     * Whether state saved as {@code there} fits {@code here}. A node run as one instance before and now reads its
     * inputs whole, whether an input comes through a {@code single} exchange (from several producer instances) or
     * {@code forward} (from one, as when the whole job runs at parallelism 1): its state is the same either way.
     */
    static boolean sameShape(NodeState there, NodeState here) {
        if (there.schema().equals(here.schema())) {
            return true;
        }
        return there.parallelism() == 1 && here.parallelism() == 1
                && oneInstance(there.schema()).equals(oneInstance(here.schema()));
    }

    private static final String SINGLE = " " + io.sluice.runtime.graph.InputPartitioning.single() + " ";
    private static final String FORWARD = " " + io.sluice.runtime.graph.InputPartitioning.forward() + " ";

    private static String oneInstance(String schema) {
        return schema.replace(SINGLE, FORWARD);
    }

    /** The report for a job whose instances are {@code expected} (no data). */
    static List<Entry> report(CheckpointStorage.Checkpoint checkpoint, List<NodeState> expected) {
        return report(checkpoint, expected, java.util.Set.of());
    }

    /**
     * The report for a job whose instances are {@code expected} (no data), where the operators {@code fixed} cannot
     * restore state taken at another parallelism.
     */
    static List<Entry> report(CheckpointStorage.Checkpoint checkpoint, List<NodeState> expected,
            java.util.Set<String> fixed) {
        Map<String, NodeState> operators = new LinkedHashMap<>();
        for (NodeState e : expected) {
            operators.putIfAbsent(e.uid(), e);
        }
        Map<String, NodeState> saved = new LinkedHashMap<>();
        java.util.Set<String> withData = new java.util.HashSet<>();
        for (NodeState s : checkpoint.states()) {
            saved.putIfAbsent(s.uid(), s);
            if (s.data() != null) {
                withData.add(s.uid());
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (NodeState here : operators.values()) {
            NodeState there = saved.get(here.uid());
            if (there == null) {
                entries.add(new Entry(here.uid(), here.name(), Verdict.STARTS_EMPTY,
                        "the checkpoint has no state for it"));
            } else if (!withData.contains(here.uid())) {
                entries.add(new Entry(here.uid(), here.name(), Verdict.NO_STATE, "it kept no state"));
            } else if (!sameShape(there, here)) {
                entries.add(new Entry(here.uid(), here.name(), Verdict.INCOMPATIBLE, "its state was "
                        + there.schema() + " and is " + here.schema() + " now"));
            } else if (there.parallelism() != here.parallelism() && fixed.contains(here.uid())) {
                entries.add(new Entry(here.uid(), here.name(), Verdict.OTHER_PARALLELISM, "taken with parallelism "
                        + there.parallelism() + " into a job running with parallelism " + here.parallelism()
                        + ", which this operator cannot redistribute its state to"));
            } else if (there.parallelism() != here.parallelism()) {
                entries.add(new Entry(here.uid(), here.name(), Verdict.RESCALED, "taken with parallelism "
                        + there.parallelism() + ", redistributed to " + here.parallelism() + " instances"));
            } else {
                entries.add(new Entry(here.uid(), here.name(), Verdict.RESTORED, "same state shape and parallelism"));
            }
        }
        for (NodeState there : saved.values()) {
            if (!operators.containsKey(there.uid()) && withData.contains(there.uid())) {
                entries.add(new Entry(there.uid(), there.name(), Verdict.DROPPED,
                        "this job has no operator with this identity"));
            }
        }
        return entries;
    }

    /** How many instances of each node the executors run ({@code parallelism.default} and the graph's exchanges). */
    static Map<Transformation, Integer> parallelism(JobGraph graph, Configuration config) {
        int tableParallelism = config.get(ExecutionOptions.RESOURCE_DEFAULT_PARALLELISM);
        int p = tableParallelism > 0 ? tableParallelism : config.get(ExecutionOptions.PARALLELISM);
        return InstanceCounts.of(graph, p);
    }
}
