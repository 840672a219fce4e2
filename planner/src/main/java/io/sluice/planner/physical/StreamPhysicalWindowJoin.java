package io.sluice.planner.physical;

import io.sluice.planner.translate.WindowJoinTranslator;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.Transformation;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/**
 * A join of two window table functions' outputs on their window start and end ({@link WindowJoinTranslator}: the
 * keys, residual and per-input distribution come from the condition). Insert-only in and out; keeps the rows of
 * open windows and joins them when the watermark passes the window's end.
 */
public final class StreamPhysicalWindowJoin extends PhysicalJoin {
    StreamPhysicalWindowJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
            RexNode condition, JoinRelType joinType) {
        super(cluster, traits, left, right, condition, joinType);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
            boolean semiJoinDone) {
        return new StreamPhysicalWindowJoin(getCluster(), traitSet, left, right, condition, joinType);
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "a window join";
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        return new WindowJoinTranslator(context.codegen()).translate(this, inputs.get(0), inputs.get(1));
    }
}
