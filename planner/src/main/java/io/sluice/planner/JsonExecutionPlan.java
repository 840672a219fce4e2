package io.sluice.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON description of a job graph for {@code EXPLAIN JSON_EXECUTION_PLAN}, in the shape of Flink's execution
 * plan: {@code {"nodes": [...]}} in topological order (inputs before consumers), each node with its {@code id},
 * {@code pact} ({@code Data Source}, {@code Operator} or {@code Data Sink}), {@code contents} (the node's
 * description), {@code parallelism}, {@code changelogMode} and {@code predecessors} (input node ids with their
 * {@code ship_strategy}: {@code FORWARD}, {@code HASH} with the key columns (also at parallelism one, where it
 * names the grouping), {@code REBALANCE} or {@code GLOBAL}).
 * Parallelism follows the local executor: sources and hash-partitioned nodes run {@code parallelism.default}
 * instances, nodes with a single-instance input one, other nodes as many as their widest input.
 */
public final class JsonExecutionPlan {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExecutionPlan() {
    }

    /** The plan of the graph ending in {@code roots} (shared nodes appear once), run with {@code parallelism}. */
    public static String of(List<? extends Transformation> roots, int parallelism) {
        List<Transformation> order = new ArrayList<>();
        Map<Transformation, Integer> ids = new IdentityHashMap<>();
        for (Transformation root : roots) {
            visit(root, order, ids);
        }
        Map<Transformation, Integer> widths = new IdentityHashMap<>();
        ObjectNode plan = MAPPER.createObjectNode();
        ArrayNode nodes = plan.putArray("nodes");
        for (Transformation t : order) {
            int width = parallelism(t, widths, Math.max(1, parallelism));
            widths.put(t, width);
            ObjectNode node = nodes.addObject();
            node.put("id", ids.get(t));
            node.put("pact", t instanceof SourceTransformation ? "Data Source"
                    : t instanceof SinkTransformation ? "Data Sink" : "Operator");
            node.put("contents", t.name());
            node.put("parallelism", width);
            if (!(t instanceof SinkTransformation)) {
                node.put("changelogMode", t.changelogMode().toString());
            }
            List<Transformation> inputs = t.inputs();
            if (!inputs.isEmpty()) {
                ArrayNode predecessors = node.putArray("predecessors");
                for (int i = 0; i < inputs.size(); i++) {
                    Transformation in = inputs.get(i);
                    ObjectNode edge = predecessors.addObject();
                    edge.put("id", ids.get(in));
                    InputPartitioning p = t.inputPartitioning(i);
                    edge.put("ship_strategy", shipStrategy(p, widths.get(in), width));
                    if (p.kind() == InputPartitioning.Kind.HASH) {
                        ArrayNode keys = edge.putArray("keys");
                        for (int k : p.keys()) {
                            keys.add(in.outputType().name(k));
                        }
                    }
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(plan).replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the execution plan as JSON", e);
        }
    }

    /** Post-order: every input gets its id before its consumer. */
    private static void visit(Transformation t, List<Transformation> order, Map<Transformation, Integer> ids) {
        if (ids.containsKey(t)) {
            return;
        }
        for (Transformation in : t.inputs()) {
            visit(in, order, ids);
        }
        order.add(t);
        ids.put(t, order.size());
    }

    private static int parallelism(Transformation t, Map<Transformation, Integer> widths, int parallelism) {
        if (t instanceof SourceTransformation) {
            return parallelism;
        }
        if (t.isSingleInstance()) {
            return 1;
        }
        boolean hashed = false;
        int max = 1;
        for (int i = 0; i < t.inputs().size(); i++) {
            hashed |= t.inputPartitioning(i).kind() == InputPartitioning.Kind.HASH;
            max = Math.max(max, widths.get(t.inputs().get(i)));
        }
        return hashed ? parallelism : max;
    }

    private static String shipStrategy(InputPartitioning p, int producerWidth, int consumerWidth) {
        switch (p.kind()) {
            case HASH:
                return "HASH";
            case SINGLE:
                return "GLOBAL";
            default:
                if (producerWidth == consumerWidth) {
                    return "FORWARD";
                }
                return consumerWidth == 1 ? "GLOBAL" : "REBALANCE";
        }
    }
}
