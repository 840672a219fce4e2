package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.translate.TimeAttributes;
import io.sluice.planner.translate.WindowColumns;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.window.SessionWindowOperator;
import io.sluice.runtime.operator.window.WindowSpec;
import io.sluice.runtime.operator.window.WindowTableFunctionOperator;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.metadata.RelColumnMapping;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * {@code TABLE(TUMBLE|HOP|CUMULATE|SESSION(TABLE t, DESCRIPTOR(ts), ...))}: appends {@code window_start},
 * {@code window_end} and {@code window_time} to each row (once per window it falls in). TUMBLE, HOP and CUMULATE
 * are stateless; SESSION keeps each key's open sessions (hash-distributed on its partition keys) and sends late
 * rows to the late-rows side output. Insert-only in and out.
 */
public final class PhysicalWindowTableFunction extends TableFunctionScan implements PhysicalRel {
    PhysicalWindowTableFunction(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, RexNode call,
            Type elementType, RelDataType rowType, Set<RelColumnMapping> columnMappings) {
        super(cluster, traits, List.of(), inputs, call, elementType, rowType, columnMappings);
    }

    @Override
    public TableFunctionScan copy(RelTraitSet traitSet, List<RelNode> inputs, RexNode rexCall, Type elementType,
            RelDataType rowType, Set<RelColumnMapping> columnMappings) {
        return new PhysicalWindowTableFunction(getCluster(), traitSet, inputs, rexCall, elementType, rowType,
                columnMappings);
    }

    private RexCall windowCall() {
        return (RexCall) getCall();
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "a window table function";
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return WindowColumns.isSession(windowCall()) ? InputPartitioning.hash(WindowColumns.sessionKeys(windowCall()))
                : InputPartitioning.forward();
    }

    @Override
    public boolean isStateful() {
        return WindowColumns.isSession(windowCall());
    }

    /** Fails, as Flink does, when {@code field} of {@code input} is not a time attribute (streaming windows). */
    static void requireTimeAttribute(RelNode input, int field) {
        if (!TimeAttributes.isTimeAttribute(input, field)) {
            throw new ValidationException("The window function requires the timecol is a time attribute type, but is "
                    + RelTypes.toLogicalType(input.getRowType().getFieldList().get(field).getType()).typeName()
                    + ".");
        }
    }

    /** The EXPLAIN text of a SESSION window: {@code SESSION(gap=[n ms], partition keys=[...])}. */
    static String sessionText(long gap, int[] keys, RowType inputType) {
        return "SESSION(gap=[" + gap + " ms]" + (keys.length == 0 ? "" : ", partition keys=["
                + String.join(", ", Arrays.stream(keys).mapToObj(inputType::name).toList()) + "]") + ")";
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        RelNode input = getInputs().get(0);
        RowType inputType = RelTypes.toRowType(input.getRowType());
        RowType outputType = RelTypes.toRowType(getRowType());
        RexCall call = windowCall();
        int timeField = WindowColumns.timeField(call);
        if (context.isStreaming()) {
            requireTimeAttribute(input, timeField);
        }
        if (WindowColumns.isSession(call)) {
            int[] keys = WindowColumns.sessionKeys(call);
            long gap = WindowColumns.sessionGap(call);
            String window = sessionText(gap, keys, inputType);
            String name = ExplainText.of("WindowTableFunction").attribute("window", window)
                    .attribute("time_col", inputType.name(timeField)).toString();
            return new OperatorTransformation(name, inputs,
                    () -> new SessionWindowOperator(inputType, timeField, gap, keys, outputType), outputType)
                    .withLateRowOutput();
        }
        WindowSpec spec = WindowColumns.spec(call);
        String name = ExplainText.of("WindowTableFunction").attribute("window", spec)
                .attribute("time_col", inputType.name(timeField)).toString();
        return new OperatorTransformation(name, inputs,
                () -> new WindowTableFunctionOperator(inputType, timeField, spec, outputType), outputType);
    }
}
