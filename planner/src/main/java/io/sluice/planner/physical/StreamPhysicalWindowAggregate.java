package io.sluice.planner.physical;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.window.WindowAggregateOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Streaming aggregation grouped by a window table function's {@code window_start} and {@code window_end}
 * ({@link WindowAggregateOperator}): one final row per window and key when the watermark passes the window's end.
 *
 * <p>Insert-only in and out; keeps the accumulators of open windows; late rows go to the late-rows side output.
 */
public final class StreamPhysicalWindowAggregate extends PhysicalAggregate {
    private final int windowEndField;
    private final int[] paneConstantFields;

    StreamPhysicalWindowAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
            List<AggregateCall> aggCalls, int windowEndField, int[] paneConstantFields) {
        super(cluster, traits, input, groupSet, aggCalls);
        this.windowEndField = windowEndField;
        this.paneConstantFields = paneConstantFields;
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new StreamPhysicalWindowAggregate(getCluster(), traitSet, input, groupSet, aggCalls, windowEndField,
                paneConstantFields);
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "a window aggregation";
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        List<AggregateSpec> specs = specs(context);
        RowType inputType = inputType();
        RowType outputType = outputType();
        int[] groupFields = groupFields();
        return new OperatorTransformation(explain("WindowAggregate").toString(), inputs,
                () -> new WindowAggregateOperator(inputType, groupFields, specs, outputType, windowEndField,
                        paneConstantFields), outputType).withLateRowOutput();
    }
}
