package io.sluice.runtime.metrics;

import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.UUID;

/**
 * The graph a job runs, as the executor laid it out: vertices (one per operator, with its parallelism) and the
 * edges between them with how they move rows ({@code ship_strategy} in Flink's plan: FORWARD, HASH, REBALANCE,
 * GLOBAL), and whether the consumer is chained to its producer (called directly on the producer's thread).
 */
public record JobPlan(List<Vertex> vertices, List<Edge> edges) {
    public JobPlan {
        vertices = List.copyOf(vertices);
        edges = List.copyOf(edges);
    }

    /** One vertex; {@code id} is a stable 32-digit hex id as Flink's vertex ids are. */
    public record Vertex(int index, String id, String name, int parallelism, boolean source, boolean sink) {
    }

    /** Rows flow from vertex {@code from} to input {@code input} of vertex {@code to}. */
    public record Edge(int from, int to, int input, String shipStrategy, boolean chained) {
    }

    /** How an edge moves rows, as an executor decides it. */
    public record Ship(String strategy, boolean chained) {
    }

    /** The executor's decision for the edge from vertex {@code from} to input {@code input} of vertex {@code to}. */
    @FunctionalInterface
    public interface Shipping {
        Ship of(int from, int to, int input);
    }

    /**
     * Describes a job whose vertices are {@code order} (topological), with the parallelism of each vertex (by
     * index) and the shipping of each edge as the executor laid them out.
     */
    public static JobPlan of(String jobId, List<Transformation> order, IntUnaryOperator parallelism,
            Shipping shipping) {
        List<Vertex> vertices = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Transformation t = order.get(i);
            vertices.add(new Vertex(i, vertexId(jobId, i), t.name(), parallelism.applyAsInt(i),
                    t instanceof SourceTransformation, t instanceof SinkTransformation));
            for (int input = 0; input < t.inputs().size(); input++) {
                int from = order.indexOf(t.inputs().get(input));
                Ship ship = shipping.of(from, i, input);
                edges.add(new Edge(from, i, input, ship.strategy(), ship.chained()));
            }
        }
        return new JobPlan(vertices, edges);
    }

    /** The id of vertex {@code index} of job {@code jobId}. */
    public static String vertexId(String jobId, int index) {
        return UUID.nameUUIDFromBytes((jobId + "/" + index).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
    }

    /** The vertex with this id, or null. */
    public Vertex vertex(String id) {
        for (Vertex v : vertices) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        return null;
    }
}
