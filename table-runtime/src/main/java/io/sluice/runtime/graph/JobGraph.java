package io.sluice.runtime.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
