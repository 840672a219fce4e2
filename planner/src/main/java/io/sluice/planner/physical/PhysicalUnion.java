package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.union.UnionOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;

/**
 * {@code UNION ALL}: the rows of every input, as they arrive. Stateless; emits the union of its inputs' row
 * kinds. ({@code UNION} without {@code ALL} is rewritten into an aggregate before this layer.)
 */
public final class PhysicalUnion extends Union implements PhysicalRel {
    PhysicalUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs) {
        super(cluster, traits, inputs, true);
    }

    @Override
    public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
        return new PhysicalUnion(getCluster(), traitSet, inputs);
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        RowType type = RelTypes.toRowType(getRowType());
        int n = inputs.size();
        return new OperatorTransformation(ExplainText.of("Union").attribute("all", true).toString(), inputs,
                () -> new UnionOperator(n, type), type);
    }
}
