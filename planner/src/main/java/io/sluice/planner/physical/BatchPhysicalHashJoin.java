package io.sluice.planner.physical;

import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.join.HashJoinOperator;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/** A batch equi-join ({@link HashJoinOperator}): builds a hash table of the right input, then probes it. */
public final class BatchPhysicalHashJoin extends PhysicalJoin {
    BatchPhysicalHashJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
            JoinRelType joinType) {
        super(cluster, traits, left, right, condition, joinType);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
            boolean semiJoinDone) {
        return new BatchPhysicalHashJoin(getCluster(), traitSet, left, right, condition, joinType);
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return keyDistribution(input);
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        String name = ExplainText.of("HashJoin").attribute("joinType", runtimeJoinType())
                .attribute("where", getCondition()).attribute("build", "right").toString();
        return keyedJoin(context, inputs, name, HashJoinOperator::new, new int[] {1, 0});
    }
}
