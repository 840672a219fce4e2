package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.sort.LimitOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * {@code LIMIT}/{@code OFFSET} without an order: the first rows that arrive, in a single instance. Insert-only in
 * and out; keeps a row count.
 */
public final class PhysicalLimit extends SingleRel implements PhysicalRel {
    private final long offset;
    private final long fetch;

    /** @param fetch the number of rows, or -1 for no limit */
    PhysicalLimit(RelOptCluster cluster, RelTraitSet traits, RelNode input, long offset, long fetch) {
        super(cluster, traits, input);
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalLimit(getCluster(), traitSet, sole(inputs), offset, fetch);
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "LIMIT";
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.single();
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        RowType type = RelTypes.toRowType(getRowType());
        String name = ExplainText.of("Limit").attribute("offset", offset)
                .attribute("fetch", fetch < 0 ? "unlimited" : fetch).toString();
        return new OperatorTransformation(name, inputs, () -> new LimitOperator(type, offset, fetch), type);
    }
}
