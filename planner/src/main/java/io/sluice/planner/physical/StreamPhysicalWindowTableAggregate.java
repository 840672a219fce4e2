package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.codegen.udf.AggregateInvokerGenerator;
import io.sluice.codegen.udf.TableAggregateSqlFunction;
import io.sluice.codegen.udf.UserFunction;
import io.sluice.planner.translate.WindowColumns;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.operator.window.WindowTableAggregateOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.metadata.RelColumnMapping;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Streaming: a table aggregate function grouped by the {@code window_start} and {@code window_end} of a window table
 * function (the Table API's {@code window(w).groupBy(k, w).flatAggregate(f(v))}) runs
 * {@link WindowTableAggregateOperator}, hash-distributed on the group keys: each window's rows per key are emitted
 * once, when the watermark passes the window's end. EXPLAIN shows
 * {@code WindowTableAggregate(groupBy=[k, window_start, window_end, window_time], select=[..., Top2(v) AS (v, rank)])}.
 *
 * <p>Insert-only in and out; keeps the accumulators of the windows not yet fired; late rows are dropped (or go to
 * the late-rows table).
 */
public final class StreamPhysicalWindowTableAggregate extends TableFunctionScan implements PhysicalRel {
    StreamPhysicalWindowTableAggregate(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, RexNode call,
            Type elementType, RelDataType rowType, Set<RelColumnMapping> columnMappings) {
        super(cluster, traits, List.of(), inputs, call, elementType, rowType, columnMappings);
    }

    @Override
    public TableFunctionScan copy(RelTraitSet traitSet, List<RelNode> inputs, RexNode rexCall, Type elementType,
            RelDataType rowType, Set<RelColumnMapping> columnMappings) {
        return new StreamPhysicalWindowTableAggregate(getCluster(), traitSet, inputs, rexCall, elementType, rowType,
                columnMappings);
    }

    /** The input columns named by the call's DESCRIPTOR: the group keys. */
    private static int[] groupFields(TableFunctionScan scan) {
        for (RexNode operand : ((RexCall) scan.getCall()).getOperands()) {
            if (operand.getKind() == SqlKind.DESCRIPTOR) {
                return ((RexCall) operand).getOperands().stream().mapToInt(o -> ((RexInputRef) o).getIndex())
                        .toArray();
            }
        }
        return new int[0];
    }

    /**
     * For a table aggregate call grouped by both {@code window_start} and {@code window_end} of a window table
     * function, the index of the {@code window_end} input field; else -1.
     */
    static int windowEndGroupField(TableFunctionScan scan) {
        if (!PhysicalGroupTableAggregate.isTableAggregate(scan)) {
            return -1;
        }
        int end = -1;
        boolean start = false;
        for (int field : groupFields(scan)) {
            WindowColumns.Kind k = WindowColumns.trace(scan.getInputs().get(0), field);
            if (k == WindowColumns.Kind.END) {
                end = field;
            } else if (k == WindowColumns.Kind.START) {
                start = true;
            }
        }
        return start ? end : -1;
    }

    private int windowEndField() {
        int[] keys = groupFields(this);
        RowType inputType = RelTypes.toRowType(getInputs().get(0).getRowType());
        for (int k : keys) {
            if (inputType.name(k).equals("window_end")) {
                return k;
            }
        }
        throw new IllegalStateException("no window_end among the group fields of " + this);
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "a window table aggregate (flatAggregate over a group window)";
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.hash(groupFields(this));
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        RelNode input = getInputs().get(0);
        RowType inputType = RelTypes.toRowType(input.getRowType());
        RowType outputType = RelTypes.toRowType(getRowType());
        UserFunction function = ((TableAggregateSqlFunction) ((RexCall) getCall()).getOperator()).function();
        int[] groupFields = groupFields(this);
        int[] argFields = IntStream.range(0, inputType.size())
                .filter(i -> Arrays.stream(groupFields).noneMatch(k -> k == i)).toArray();
        List<LogicalType> argTypes = new ArrayList<>();
        List<String> argNames = new ArrayList<>();
        for (int a : argFields) {
            argTypes.add(inputType.type(a));
            argNames.add(inputType.name(a));
        }
        List<String> keyNames = new ArrayList<>(outputType.names().subList(0, groupFields.length));
        RowType resultType = function.tableAggregateResultType();
        List<String> select = new ArrayList<>(keyNames);
        select.add(function.name() + "(" + String.join(", ", argNames) + ") AS (" + String.join(", ",
                resultType.names()) + ")");
        String name = ExplainText.of("WindowTableAggregate").attribute("groupBy", String.join(", ", keyNames))
                .attribute("select", String.join(", ", select)).toString();
        GeneratedClass<UserAggregateInvoker> invoker =
                new AggregateInvokerGenerator(context.config()).generate(name, function, argTypes);
        int windowEnd = windowEndField();
        return new OperatorTransformation(name, inputs, () -> new WindowTableAggregateOperator(inputType, groupFields,
                argFields, invoker, resultType, outputType, windowEnd), outputType).withLateRowOutput();
    }
}
