package io.sluice.planner.physical;

import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.HashAggregateOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Batch {@code GROUP BY}: a hash table of accumulators, emitted once its input ends ({@link HashAggregateOperator}).
 */
public final class BatchPhysicalHashAggregate extends PhysicalAggregate {
    BatchPhysicalHashAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
            List<AggregateCall> aggCalls) {
        super(cluster, traits, input, groupSet, aggCalls);
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new BatchPhysicalHashAggregate(getCluster(), traitSet, input, groupSet, aggCalls);
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        List<AggregateSpec> specs = specs(context);
        RowType inputType = inputType();
        RowType outputType = outputType();
        int[] groupFields = groupFields();
        return new OperatorTransformation(explain("HashAggregate").toString(), inputs,
                () -> new HashAggregateOperator(inputType, groupFields, specs, outputType), outputType);
    }
}
