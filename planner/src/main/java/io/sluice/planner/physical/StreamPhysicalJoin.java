package io.sluice.planner.physical;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.join.StreamingJoinOperator;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/**
 * A regular streaming equi-join ({@link StreamingJoinOperator}): both inputs' rows are kept per key and each new
 * row is joined with the other side's. Inner and semi joins pass their inputs' row kinds on; outer and anti joins
 * also retract rows they emitted padded with NULLs ({@code -D}, {@code -U/+U}). Keeps every row of both inputs.
 */
public final class StreamPhysicalJoin extends PhysicalJoin {
    StreamPhysicalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
            JoinRelType joinType) {
        super(cluster, traits, left, right, condition, joinType);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
            boolean semiJoinDone) {
        return new StreamPhysicalJoin(getCluster(), traitSet, left, right, condition, joinType);
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        JoinType type = runtimeJoinType();
        return type == JoinType.INNER || type == JoinType.SEMI ? inputModes.get(0).union(inputModes.get(1))
                : ChangelogMode.all();
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return keyDistribution(input);
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        String name = ExplainText.of("Join").attribute("joinType", runtimeJoinType()).attribute("where", getCondition())
                .attribute("leftInputSpec", "NoUniqueKey").attribute("rightInputSpec", "NoUniqueKey").toString();
        return keyedJoin(context, inputs, name, StreamingJoinOperator::new, null);
    }
}
