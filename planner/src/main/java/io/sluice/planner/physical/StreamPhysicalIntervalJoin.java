package io.sluice.planner.physical;

import io.sluice.planner.translate.IntervalJoinTranslator;
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
 * A join bounding one input's time attribute by the other's from both sides ({@link IntervalJoinTranslator}: the
 * bounds, keys, residual and per-input distribution come from the condition). Insert-only in and out; keeps each
 * side's rows until the other side's time (watermark or clock) passes their interval.
 */
public final class StreamPhysicalIntervalJoin extends PhysicalJoin {
    StreamPhysicalIntervalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
            RexNode condition, JoinRelType joinType) {
        super(cluster, traits, left, right, condition, joinType);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
            boolean semiJoinDone) {
        return new StreamPhysicalIntervalJoin(getCluster(), traitSet, left, right, condition, joinType);
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "an interval join";
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        return new IntervalJoinTranslator(context.codegen()).translate(this, inputs.get(0), inputs.get(1));
    }
}
