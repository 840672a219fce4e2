package io.sluice.runtime.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A runnable job: its sinks, and through their inputs every other transformation. */
public final class JobGraph {
    private final String jobName;
    private final List<SinkTransformation> sinks;

    public JobGraph(String jobName, List<SinkTransformation> sinks) {
        this.jobName = jobName;
        this.sinks = List.copyOf(sinks);
    }

    public String jobName() {
        return jobName;
    }

    public List<SinkTransformation> sinks() {
        return sinks;
    }

    /** Every transformation, inputs before consumers. */
    public List<Transformation> topologicalOrder() {
        Set<Transformation> seen = new LinkedHashSet<>();
        for (SinkTransformation s : sinks) {
            visit(s, seen);
        }
        return new ArrayList<>(seen);
    }

    /**
     * The state identity of every node: its explicit {@link Transformation#uid() uid}, or one derived from the
     * plan by {@code format} ({@code table.exec.uid.format}), where {@code <id>} is the node's 1-based position
     * in {@link #topologicalOrder} and {@code <transformation>} its {@link Transformation#kind() kind}. The
     * printed plan text plays no part, so a reworded EXPLAIN keeps savepoints restorable.
     *
     * @throws IllegalArgumentException when two nodes end up with the same identity
     */
    public Map<Transformation, String> stateIds(String format) {
        Map<Transformation, String> ids = new IdentityHashMap<>();
        Map<String, Transformation> owners = new HashMap<>();
        List<Transformation> order = topologicalOrder();
        for (int i = 0; i < order.size(); i++) {
            Transformation t = order.get(i);
            String id = t.uid() != null ? t.uid()
                    : format.replace("<id>", Integer.toString(i + 1)).replace("<transformation>", t.kind());
            Transformation other = owners.putIfAbsent(id, t);
            if (other != null) {
                throw new IllegalArgumentException("Two operators have the state identity (uid) '" + id + "': '"
                        + other.name() + "' and '" + t.name() + "'");
            }
            ids.put(t, id);
        }
        return ids;
    }

    private static void visit(Transformation t, Set<Transformation> seen) {
        if (seen.contains(t)) {
            return;
        }
        for (Transformation in : t.inputs()) {
            visit(in, seen);
        }
        seen.add(t);
    }
}
