package io.sluice.planner.physical;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;

/**
 * Streaming analysis of row kinds: walks the physical plan from the sources up and asks each node which row
 * kinds it emits given those of its inputs ({@link PhysicalRel#outputChangelogMode}), after checking that every
 * input a node requires to be insert-only is ({@link PhysicalRel#insertOnlyInputRequired}). In batch mode inputs
 * count as insert-only (a bounded run emits final rows only). {@link #dropUpdateBefore} then removes {@code -U} rows no consumer needs.
 */
public final class ChangelogInference {
    private final TranslationContext context;
    private final Map<RelNode, ChangelogMode> modes = new IdentityHashMap<>();

    public ChangelogInference(TranslationContext context) {
        this.context = context;
    }

    /** The row kinds {@code rel} emits (computed once per node). */
    public ChangelogMode infer(RelNode rel) {
        ChangelogMode mode = modes.get(rel);
        if (mode == null) {
            mode = rel instanceof PhysicalRel ? inferPhysical((PhysicalRel) rel)
                    : context.translate(rel).changelogMode();
            modes.put(rel, mode);
        }
        return mode;
    }

    /**
     * Update-before elimination, as Flink's planner does it: below {@code sinkInput}, the node feeding a sink whose
     * accepted changelog mode has no {@code -U} (an upsert sink), the producer of the updates leaves them out,
     * provided every node between it and the sink only projects and has no other consumer. Applies to the
     * translated plan; returns whether it did (otherwise the plan still emits them).
     */
    public boolean dropUpdateBefore(RelNode sinkInput) {
        Map<RelNode, Integer> consumers = new IdentityHashMap<>();
        countConsumers(sinkInput, consumers);
        return dropUpdateBefore(sinkInput, consumers);
    }

    private static void countConsumers(RelNode node, Map<RelNode, Integer> consumers) {
        if (node instanceof PhysicalRel) {
            for (RelNode in : node.getInputs()) {
                if (consumers.merge(in, 1, Integer::sum) == 1) {
                    countConsumers(in, consumers);
                }
            }
        }
    }

    private boolean dropUpdateBefore(RelNode node, Map<RelNode, Integer> consumers) {
        if (!(node instanceof PhysicalRel) || !infer(node).contains(RowKind.UPDATE_BEFORE)) {
            return false;
        }
        PhysicalRel p = (PhysicalRel) node;
        Transformation t = context.translate(node);
        if (p.canDropUpdateBefore() && t instanceof OperatorTransformation
                && ((OperatorTransformation) t).isUpdateBeforeOptional()) {
            ((OperatorTransformation) t).dropUpdateBefore();
            modes.put(node, t.changelogMode());
            return true;
        }
        RelNode input = p.isProjectionOnly() ? node.getInput(0) : null;
        if (input != null && consumers.getOrDefault(input, 0) == 1 && dropUpdateBefore(input, consumers)) {
            ChangelogMode mode = infer(input);
            modes.put(node, mode);
            t.withChangelogMode(mode);
            return true;
        }
        return false;
    }

    private ChangelogMode inferPhysical(PhysicalRel node) {
        List<ChangelogMode> inputModes = new ArrayList<>();
        for (int i = 0; i < node.getInputs().size(); i++) {
            RelNode input = node.getInput(i);
            ChangelogMode in = infer(input);
            if (!context.isStreaming()) {
                in = ChangelogMode.insertOnly();
            }
            String feature = node.insertOnlyInputRequired(i);
            if (feature != null && in.hasUpdates()) {
                throw new UnsupportedFeatureException(feature + " over an updating input (produced by "
                        + context.translate(input).updateProducer().name() + ")");
            }
            inputModes.add(in);
        }
        return node.outputChangelogMode(inputModes, context);
    }
}
