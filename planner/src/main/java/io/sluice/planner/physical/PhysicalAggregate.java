package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.translate.AggregateSpecs;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * What the aggregation nodes share: one group set (grouping sets are rewritten into unions before this layer),
 * the calls' runtime specs, the {@code groupBy}/{@code select} EXPLAIN attributes, and a hash distribution of the
 * input on the group keys.
 */
abstract class PhysicalAggregate extends Aggregate implements PhysicalRel {
    PhysicalAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
            List<AggregateCall> aggCalls) {
        super(cluster, traits, List.of(), input, groupSet, null, aggCalls);
    }

    final int[] groupFields() {
        return getGroupSet().toArray();
    }

    final RowType inputType() {
        return RelTypes.toRowType(getInput().getRowType());
    }

    final RowType outputType() {
        return RelTypes.toRowType(getRowType());
    }

    /** The calls' specs; they retract when the input (in streaming mode) holds updates. */
    final List<AggregateSpec> specs(TranslationContext context) {
        boolean retracting = context.isStreaming() && context.changelogMode(getInput()).hasUpdates();
        return AggregateSpecs.of(this, inputType(), outputType(), retracting, context.config());
    }

    /** {@code Kind(groupBy=[...], select=[...]}: the caller may add attributes before closing it. */
    final ExplainText explain(String kind) {
        return ExplainText.of(kind)
                .attributeIf(getGroupCount() > 0, "groupBy", String.join(", ", AggregateSpecs.groupNames(this,
                        inputType())))
                .attribute("select", String.join(", ", AggregateSpecs.selectText(this, inputType(), outputType())));
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.hash(groupFields());
    }

    @Override
    public boolean isStateful() {
        return true;
    }
}
