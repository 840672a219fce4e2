package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.translate.AggregateSpecs;
import io.sluice.planner.translate.WindowColumns;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.window.SessionWindowAggregateOperator;
import io.sluice.runtime.types.RowType;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Streaming SESSION window aggregation in one operator ({@link SessionWindowAggregateOperator}): an aggregate
 * grouped by {@code window_start}, {@code window_end} and every partition key of the SESSION window table function
 * directly below it. Its input in the plan is that window table function (so the window columns stay traceable
 * for a window Top-N or join above it), but it runs as one operator over the function's input, hash-distributed
 * on the partition keys.
 *
 * <p>Insert-only in and out; keeps the rows of the open sessions; late rows go to the late-rows side output.
 */
public final class StreamPhysicalSessionWindowAggregate extends PhysicalAggregate {
    StreamPhysicalSessionWindowAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
            ImmutableBitSet groupSet, List<AggregateCall> aggCalls) {
        super(cluster, traits, input, groupSet, aggCalls);
    }

    /**
     * Whether {@code agg} over {@code input} runs as one session window aggregation: {@code input} is a SESSION
     * window table function, and {@code agg} groups by its window start and end and by all its partition keys.
     */
    static boolean applies(Aggregate agg, RelNode input) {
        if (!(input instanceof TableFunctionScan) || !WindowColumns.isWindowFunction((TableFunctionScan) input)) {
            return false;
        }
        TableFunctionScan scan = (TableFunctionScan) input;
        RexCall call = (RexCall) scan.getCall();
        if (!WindowColumns.isSession(call)) {
            return false;
        }
        int base = scan.getInputs().get(0).getRowType().getFieldCount();
        ImmutableBitSet groups = agg.getGroupSet();
        if (!groups.get(base) || !groups.get(base + 1)) {
            return false;
        }
        return Arrays.stream(WindowColumns.sessionKeys(call)).allMatch(groups::get);
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new StreamPhysicalSessionWindowAggregate(getCluster(), traitSet, input, groupSet, aggCalls);
    }

    private TableFunctionScan sessionFunction() {
        return (TableFunctionScan) getInput();
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "a window aggregation";
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.hash(WindowColumns.sessionKeys((RexCall) sessionFunction().getCall()));
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        TableFunctionScan function = sessionFunction();
        RelNode source = function.getInputs().get(0);
        RexCall call = (RexCall) function.getCall();
        RowType sourceType = RelTypes.toRowType(source.getRowType());
        int timeField = WindowColumns.timeField(call);
        PhysicalWindowTableFunction.requireTimeAttribute(source, timeField);
        int[] keys = WindowColumns.sessionKeys(call);
        long gap = WindowColumns.sessionGap(call);
        List<AggregateSpec> specs = specs(context);
        RowType sessionType = inputType();
        RowType outputType = outputType();
        int[] groupFields = groupFields();
        String window = PhysicalWindowTableFunction.sessionText(gap, keys, sourceType);
        String name = ExplainText.of("WindowAggregate")
                .attribute("groupBy", String.join(", ", AggregateSpecs.groupNames(this, sessionType)))
                .attribute("window", window).attribute("time_col", sourceType.name(timeField))
                .attribute("select", String.join(", ", AggregateSpecs.selectText(this, sessionType, outputType)))
                .toString();
        Transformation sourceRows = context.translate(source);
        return new OperatorTransformation(name, List.of(sourceRows),
                () -> new SessionWindowAggregateOperator(sourceType, timeField, gap, keys, sessionType, groupFields,
                        specs, outputType), outputType).withLateRowOutput();
    }
}
