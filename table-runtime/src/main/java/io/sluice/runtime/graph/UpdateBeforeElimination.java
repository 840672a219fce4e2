package io.sluice.runtime.graph;

import io.sluice.types.RowKind;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Asks for {@code -U} (update-before) rows only where a consumer needs them, as Flink's planner does: when the sink
 * of a plan accepts updates without update-before rows (an upsert sink), the producer of the updates leaves them
 * out, provided every node between it and the sink only projects and has no other consumer.
 */
public final class UpdateBeforeElimination {
    private UpdateBeforeElimination() {
    }

    /**
     * Drops update-before rows below {@code sinkInput}, the node feeding a sink whose accepted changelog mode has no
     * {@code -U}; returns whether it did (otherwise the plan is unchanged and still emits them).
     */
    public static boolean apply(Transformation sinkInput) {
        Map<Transformation, Integer> consumers = new IdentityHashMap<>();
        count(sinkInput, consumers);
        return drop(sinkInput, consumers);
    }

    private static void count(Transformation t, Map<Transformation, Integer> consumers) {
        for (Transformation in : t.inputs()) {
            if (consumers.merge(in, 1, Integer::sum) == 1) {
                count(in, consumers);
            }
        }
    }

    private static boolean drop(Transformation t, Map<Transformation, Integer> consumers) {
        if (!(t instanceof OperatorTransformation) || !t.changelogMode().contains(RowKind.UPDATE_BEFORE)) {
            return false;
        }
        OperatorTransformation o = (OperatorTransformation) t;
        if (o.isUpdateBeforeOptional()) {
            o.dropUpdateBefore();
            return true;
        }
        if (o.isProjectionOnly()) {
            Transformation input = o.inputs().get(0);
            if (consumers.getOrDefault(input, 0) == 1 && drop(input, consumers)) {
                o.withChangelogMode(input.changelogMode());
                return true;
            }
        }
        return false;
    }
}
