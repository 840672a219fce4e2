package io.sluice.planner.physical;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.GroupAggregateOperator;
import io.sluice.runtime.operator.aggregate.MiniBatchSettings;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Streaming {@code GROUP BY}: one accumulator per key, updated per row ({@link GroupAggregateOperator}). Before it
 * is translated it may be split ({@link SplitDistinctAggregation}) or run in two phases ({@link TwoPhaseAggregation}).
 *
 * <p>Emits {@code +I/-U/+U} (and {@code -D} when its input retracts); the {@code -U} rows may be left out when the
 * consumer is an upsert sink. Keeps one accumulator per group key.
 */
public final class StreamPhysicalGroupAggregate extends PhysicalAggregate {
    /** Null, or {@code PARTIAL} / {@code FINAL}: a level of a split distinct aggregation. */
    private final String partialFinalType;

    StreamPhysicalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
            List<AggregateCall> aggCalls) {
        this(cluster, traits, input, groupSet, aggCalls, null);
    }

    /** A level ({@code PARTIAL} or {@code FINAL}) of a split distinct aggregation ({@link SplitDistinctAggregation}). */
    StreamPhysicalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
            List<AggregateCall> aggCalls, String partialFinalType) {
        super(cluster, traits, input, groupSet, aggCalls);
        this.partialFinalType = partialFinalType;
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new StreamPhysicalGroupAggregate(getCluster(), traitSet, input, groupSet, aggCalls, partialFinalType);
    }

    /** Null, or the level ({@code PARTIAL}, {@code FINAL}) of a split distinct aggregation this node is. */
    String partialFinalType() {
        return partialFinalType;
    }

    /** Whether this is a level of a split distinct aggregation (which is not split again). */
    boolean isSplitLevel() {
        return partialFinalType != null;
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return inputModes.get(0).hasUpdates() ? ChangelogMode.all()
                : ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
    }

    /** Two-phase aggregation where the options ask for it and the calls allow it ({@link TwoPhaseAggregation}). */
    @Override
    public RelNode expand(TranslationContext context) {
        RelNode split = SplitDistinctAggregation.expand(this, context);
        return split != this ? split : TwoPhaseAggregation.expand(this, context);
    }

    @Override
    public boolean canDropUpdateBefore() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        List<AggregateSpec> specs = specs(context);
        RowType inputType = inputType();
        RowType outputType = outputType();
        int[] groupFields = groupFields();
        MiniBatchSettings miniBatch = MiniBatchSettings.from(context.config());
        ExplainText text = partialFinalType == null ? explain("GroupAggregate") : ExplainText.of("GroupAggregate")
                .attributeIf(getGroupCount() > 0, "groupBy", String.join(", ",
                        io.sluice.planner.translate.AggregateSpecs.groupNames(this, inputType)))
                .attribute("partialFinalType", partialFinalType)
                .attribute("select", String.join(", ",
                        io.sluice.planner.translate.AggregateSpecs.selectText(this, inputType, outputType)));
        String name = text.attributeIf(miniBatch != null, "miniBatch",
                miniBatch == null ? null : miniBatch.explain()).toString();
        boolean insertOnlyInput = !context.changelogMode(getInput()).hasUpdates();
        return new OperatorTransformation(name, inputs, () -> {
            GroupAggregateOperator operator = new GroupAggregateOperator(inputType, groupFields, specs, outputType,
                    miniBatch);
            return insertOnlyInput ? operator.assumeInsertOnlyInput() : operator;
        }, outputType).withUpdateBeforeOptional();
    }
}
