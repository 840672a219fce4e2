package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.codegen.udf.AggregateInvokerGenerator;
import io.sluice.codegen.udf.TableAggregateSqlFunction;
import io.sluice.codegen.udf.UserFunction;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.aggregate.GroupTableAggregateOperator;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.RowKind;
import java.lang.reflect.Type;
import java.util.ArrayList;
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
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * A table aggregate function per group ({@code groupBy(k).flatAggregate(f(v))} in the Table API, which translates
 * into {@code TABLE(f(TABLE input, DESCRIPTOR(k)))}, see {@link TableAggregateSqlFunction}): runs
 * {@link GroupTableAggregateOperator}, hash-distributed on the group keys (one instance without keys). EXPLAIN shows
 * it as Flink does: {@code GroupTableAggregate(groupBy=[k], select=[k, Top2(v) AS (f0, f1)])}.
 *
 * <p>In streaming mode it emits {@code +I} and {@code -D} (retracting a group's previous rows); over an updating
 * input its function needs a {@code retract} method. Keeps one accumulator per group.
 */
public final class PhysicalGroupTableAggregate extends TableFunctionScan implements PhysicalRel {
    PhysicalGroupTableAggregate(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, RexNode call,
            Type elementType, RelDataType rowType, Set<RelColumnMapping> columnMappings) {
        super(cluster, traits, List.of(), inputs, call, elementType, rowType, columnMappings);
    }

    @Override
    public TableFunctionScan copy(RelTraitSet traitSet, List<RelNode> inputs, RexNode rexCall, Type elementType,
            RelDataType rowType, Set<RelColumnMapping> columnMappings) {
        return new PhysicalGroupTableAggregate(getCluster(), traitSet, inputs, rexCall, elementType, rowType,
                columnMappings);
    }

    /** Whether {@code scan} calls a table aggregate function. */
    static boolean isTableAggregate(TableFunctionScan scan) {
        return scan.getCall() instanceof RexCall && scan.getInputs().size() == 1
                && ((RexCall) scan.getCall()).getOperator() instanceof TableAggregateSqlFunction;
    }

    private UserFunction function() {
        return ((TableAggregateSqlFunction) ((RexCall) getCall()).getOperator()).function();
    }

    /** The input columns named by the call's DESCRIPTOR: the group keys. */
    int[] groupFields() {
        for (RexNode operand : ((RexCall) getCall()).getOperands()) {
            if (operand.getKind() == SqlKind.DESCRIPTOR) {
                return ((RexCall) operand).getOperands().stream().mapToInt(o -> ((RexInputRef) o).getIndex())
                        .toArray();
            }
        }
        return new int[0];
    }

    /** The input columns that are not group keys: the function's arguments. */
    private int[] argFields() {
        int[] keys = groupFields();
        int n = getInputs().get(0).getRowType().getFieldCount();
        return java.util.stream.IntStream.range(0, n).filter(i -> Arrays.stream(keys).noneMatch(k -> k == i))
                .toArray();
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return context.isStreaming() ? ChangelogMode.of(RowKind.INSERT, RowKind.DELETE) : ChangelogMode.insertOnly();
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.hash(groupFields());
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
        UserFunction function = function();
        int[] groupFields = groupFields();
        int[] argFields = argFields();
        List<LogicalType> argTypes = new ArrayList<>();
        List<String> argNames = new ArrayList<>();
        for (int a : argFields) {
            argTypes.add(inputType.type(a));
            argNames.add(inputType.name(a));
        }
        boolean streaming = context.isStreaming();
        if (streaming && context.changelogMode(input).hasUpdates()
                && !AggregateInvokerGenerator.canRetract(function, argTypes)) {
            throw new UnsupportedFeatureException("table aggregate function '" + function.name() + "' ("
                    + function.functionClass().getName() + ") over an updating input: it has no public retract method"
                    + " matching its accumulate method");
        }
        // the keys lead the node's own columns, which keep their names when the input's were simplified away
        List<String> keyNames = new ArrayList<>(outputType.names().subList(0, groupFields.length));
        RowType resultType = function.tableAggregateResultType();
        String call = function.name() + "(" + String.join(", ", argNames) + ") AS (" + String.join(", ",
                resultType.names()) + ")";
        List<String> select = new ArrayList<>(keyNames);
        select.add(call);
        String name = ExplainText.of("GroupTableAggregate")
                .attributeIf(groupFields.length > 0, "groupBy", String.join(", ", keyNames))
                .attribute("select", String.join(", ", select)).toString();
        GeneratedClass<UserAggregateInvoker> invoker =
                new AggregateInvokerGenerator(context.config()).generate(name, function, argTypes);
        return new OperatorTransformation(name, inputs, () -> new GroupTableAggregateOperator(inputType, groupFields,
                argFields, invoker, resultType, outputType, streaming), outputType);
    }
}
