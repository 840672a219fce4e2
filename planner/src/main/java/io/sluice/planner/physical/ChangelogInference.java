package io.sluice.planner.physical;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;

/**
 * Streaming analysis of row kinds: walks the physical plan from the sources up and asks each node which row
 * kinds it emits given those of its inputs ({@link PhysicalRel#outputChangelogMode}), after checking that every
 * input a node requires to be insert-only is ({@link PhysicalRel#insertOnlyInputRequired}). In batch mode inputs
 * count as insert-only (a bounded run emits final rows only). A node not yet migrated to the physical layer has
 * the mode its translation gives it.
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
            mode = rel instanceof PhysicalRel ? inferPhysical((PhysicalRel) rel) : context.translate(rel).changelogMode();
            modes.put(rel, mode);
        }
        return mode;
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
