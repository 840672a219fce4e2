package io.sluice.planner.physical;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.join.NestedLoopJoinOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/** A batch join without equi-join keys ({@link NestedLoopJoinOperator}): every pair of rows, in one instance. */
public final class BatchPhysicalNestedLoopJoin extends PhysicalJoin {
    BatchPhysicalNestedLoopJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
            RexNode condition, JoinRelType joinType) {
        super(cluster, traits, left, right, condition, joinType);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
            boolean semiJoinDone) {
        return new BatchPhysicalNestedLoopJoin(getCluster(), traitSet, left, right, condition, joinType);
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.single();
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        JoinType type = runtimeJoinType();
        RowType leftType = leftType();
        RowType rightType = rightType();
        RowType outputType = outputType();
        GeneratedClass<BatchPredicate> condition = getCondition().isAlwaysTrue() ? null
                : context.codegen().generatePredicate("join condition " + getCondition(), pairType(),
                        PhysicalCalcRule.expand(getCluster().getRexBuilder(), getCondition()));
        String name = ExplainText.of("NestedLoopJoin").attribute("joinType", type).attribute("where", getCondition())
                .toString();
        return new OperatorTransformation(name, inputs,
                () -> new NestedLoopJoinOperator(type, leftType, rightType, condition, outputType), outputType,
                new int[] {1, 0});
    }
}
