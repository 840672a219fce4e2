package io.sluice.planner.physical;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * Applies {@link PhysicalRules} to an optimized logical plan, from the root down: the first rule that matches a
 * node (by class and convention) and converts it wins, then the new node's inputs are converted the same way (a
 * rule's logical rewrite is converted again). A
 * node no rule converts stays logical, and so does everything below it until its translator asks for it; a node
 * reached twice (a shared subplan) is converted once, so its operator stays shared.
 */
public final class PhysicalPlanConverter {
    private final List<ConverterRule> rules;
    private final Map<RelNode, RelNode> converted = new IdentityHashMap<>();

    public PhysicalPlanConverter(List<ConverterRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The physical form of {@code rel}, or {@code rel} itself when no rule converts it. */
    public RelNode convert(RelNode rel) {
        RelNode done = converted.get(rel);
        if (done != null) {
            return done;
        }
        RelNode result = rel instanceof PhysicalRel ? rel : applyRules(rel);
        if (result != rel && !(result instanceof PhysicalRel)) {
            result = convert(result); // a logical rewrite
        } else if (result instanceof PhysicalRel) {
            result = withConvertedInputs(result);
        }
        converted.put(rel, result);
        return result;
    }

    private RelNode applyRules(RelNode rel) {
        for (ConverterRule rule : rules) {
            if (rule.getOperand().matches(rel)) {
                RelNode physical = rule.convert(rel);
                if (physical != null) {
                    return physical;
                }
            }
        }
        return rel;
    }

    private RelNode withConvertedInputs(RelNode node) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode c = convert(input);
            changed |= c != input;
            inputs.add(c);
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }
}
