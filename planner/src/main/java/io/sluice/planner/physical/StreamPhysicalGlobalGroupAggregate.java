package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.GlobalGroupAggregateOperator;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The global phase of a two-phase streaming {@code GROUP BY} ({@link TwoPhaseAggregation}): merges the accumulator
 * rows of its {@link StreamPhysicalLocalGroupAggregate} input, hash partitioned by the group key, into keyed state and
 * emits the same changelog as the one-phase {@link StreamPhysicalGroupAggregate} it replaces
 * ({@link GlobalGroupAggregateOperator}).
 */
public final class StreamPhysicalGlobalGroupAggregate extends SingleRel implements PhysicalRel {
    private final StreamPhysicalGroupAggregate aggregate;
    private final TwoPhaseAggregation.Partials partials;

    StreamPhysicalGlobalGroupAggregate(RelTraitSet traits, StreamPhysicalLocalGroupAggregate local,
            StreamPhysicalGroupAggregate aggregate, TwoPhaseAggregation.Partials partials) {
        super(aggregate.getCluster(), traits, local);
        this.aggregate = aggregate;
        this.partials = partials;
    }

    @Override
    protected RelDataType deriveRowType() {
        return aggregate.getRowType();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalGlobalGroupAggregate(traitSet, (StreamPhysicalLocalGroupAggregate) inputs.get(0),
                aggregate, partials);
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return partials.insertOnlyInput()
                ? ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER) : ChangelogMode.all();
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.hash(IntStream.range(0, aggregate.getGroupCount()).toArray());
    }

    @Override
    public boolean canDropUpdateBefore() {
        return true;
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        List<AggregateSpec> specs = aggregate.specs(context);
        RowType localInputType = aggregate.inputType();
        RowType inputType = RelTypes.toRowType(getInput().getRowType());
        RowType outputType = RelTypes.toRowType(getRowType());
        int groupCount = aggregate.getGroupCount();
        boolean countRows = partials.countRows();
        boolean insertOnly = partials.insertOnlyInput();
        String name = ExplainText.of("GlobalGroupAggregate")
                .attributeIf(groupCount > 0, "groupBy", String.join(", ",
                        io.sluice.planner.translate.AggregateSpecs.groupNames(aggregate, localInputType)))
                .attributeIf(aggregate.partialFinalType() != null, "partialFinalType", aggregate.partialFinalType())
                .attribute("select", String.join(", ", partials.globalSelect(aggregate, localInputType)))
                .toString();
        return new OperatorTransformation(name, inputs, () -> new GlobalGroupAggregateOperator(localInputType,
                inputType, groupCount, specs, countRows, insertOnly, outputType), outputType)
                .withUpdateBeforeOptional();
    }
}
