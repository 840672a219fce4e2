package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.LocalGroupAggregateOperator;
import io.sluice.runtime.operator.aggregate.MiniBatchSettings;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The local phase of a two-phase streaming {@code GROUP BY} ({@link TwoPhaseAggregation}): pre-aggregates each
 * mini-batch per group on the instance that read the rows and emits one accumulator row per group
 * ({@link LocalGroupAggregateOperator}). Stateless, insert-only output, no exchange before it.
 */
public final class StreamPhysicalLocalGroupAggregate extends SingleRel implements PhysicalRel {
    private final StreamPhysicalGroupAggregate aggregate;
    private final TwoPhaseAggregation.Partials partials;

    StreamPhysicalLocalGroupAggregate(RelTraitSet traits, StreamPhysicalGroupAggregate aggregate,
            TwoPhaseAggregation.Partials partials) {
        super(aggregate.getCluster(), traits, aggregate.getInput());
        this.aggregate = aggregate;
        this.partials = partials;
    }

    @Override
    protected RelDataType deriveRowType() {
        return partials.rowType();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        if (inputs.get(0) == getInput()) {
            return new StreamPhysicalLocalGroupAggregate(traitSet, aggregate, partials);
        }
        StreamPhysicalGroupAggregate moved = (StreamPhysicalGroupAggregate) aggregate.copy(aggregate.getTraitSet(),
                inputs);
        return new StreamPhysicalLocalGroupAggregate(traitSet, moved, partials);
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        List<AggregateSpec> specs = aggregate.specs(context);
        RowType inputType = aggregate.inputType();
        RowType outputType = RelTypes.toRowType(getRowType());
        int[] groupFields = aggregate.groupFields();
        MiniBatchSettings miniBatch = MiniBatchSettings.from(context.config());
        boolean countRows = partials.countRows();
        boolean insertOnly = partials.insertOnlyInput();
        String name = ExplainText.of("LocalGroupAggregate")
                .attributeIf(groupFields.length > 0, "groupBy", String.join(", ",
                        io.sluice.planner.translate.AggregateSpecs.groupNames(aggregate, inputType)))
                .attributeIf(aggregate.partialFinalType() != null, "partialFinalType", aggregate.partialFinalType())
                .attribute("select", String.join(", ", partials.localSelect(aggregate, inputType)))
                .attribute("miniBatch", miniBatch.explain())
                .toString();
        return new OperatorTransformation(name, inputs, () -> new LocalGroupAggregateOperator(inputType, groupFields,
                specs, countRows, insertOnly, outputType, miniBatch), outputType);
    }
}
