package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.codegen.udf.AggregateInvokerGenerator;
import io.sluice.codegen.udf.AggregateUserSqlFunction;
import io.sluice.codegen.udf.UserFunction;
import io.sluice.planner.translate.Literals;
import io.sluice.planner.translate.TimeAttributes;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.over.BoundKind;
import io.sluice.runtime.operator.over.FrameBound;
import io.sluice.runtime.operator.over.OverFunctionKind;
import io.sluice.runtime.operator.over.OverFunctionSpec;
import io.sluice.runtime.operator.over.OverGroupSpec;
import io.sluice.runtime.operator.over.OverWindowOperator;
import io.sluice.runtime.operator.over.StreamingOverAggregateOperator;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.functions.python.PythonFunction;
import io.sluice.table.functions.python.PythonFunctionKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;

/**
 * OVER aggregation. On a stream: one window specification ordered by a single time attribute, rows fire with the
 * watermark (rowtime; late rows go to the late-rows side output) or on arrival (proctime)
 * ({@link StreamingOverAggregateOperator}); insert-only in and out, keeping each partition's frame. In batch mode:
 * any number of specifications over the whole input ({@link OverWindowOperator}).
 */
public final class PhysicalOverAggregate extends Window implements PhysicalRel {
    private final boolean streaming;

    PhysicalOverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<RexLiteral> constants,
            RelDataType rowType, List<Group> groups, boolean streaming) {
        super(cluster, traits, List.of(), input, constants, rowType, groups);
        this.streaming = streaming;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalOverAggregate(getCluster(), traitSet, sole(inputs), constants, getRowType(), groups,
                streaming);
    }

    @Override
    public Window copy(List<RexLiteral> constants) {
        return new PhysicalOverAggregate(getCluster(), getTraitSet(), getInput(), constants, getRowType(), groups,
                streaming);
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "an OVER aggregation";
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        int[] partition = groups.get(0).keys.toArray();
        boolean samePartition = groups.stream().allMatch(g -> Arrays.equals(g.keys.toArray(), partition));
        if (streaming) {
            return partition.length == 0 ? InputPartitioning.single() : InputPartitioning.hash(partition);
        }
        return samePartition ? InputPartitioning.hash(partition) : InputPartitioning.single();
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        Window window = this;
        Transformation in = inputs.get(0);
        if (streaming && window.groups.size() != 1) {
            throw new UnsupportedFeatureException("OVER windows with different window specifications in one query "
                    + "in streaming mode");
        }
        RowType inputType = RelTypes.toRowType(window.getInput().getRowType());
        RowType outputType = RelTypes.toRowType(window.getRowType());
        int inputFields = inputType.size();
        List<OverGroupSpec> groups = new ArrayList<>();
        int outIndex = inputFields;
        List<String> described = new ArrayList<>();
        for (Window.Group g : window.groups) {
            List<OverFunctionSpec> functions = new ArrayList<>();
            for (Window.RexWinAggCall call : g.aggCalls) {
                if (call.getOperator() instanceof AggregateUserSqlFunction) {
                    OverFunctionSpec spec = userDefined(call, (AggregateUserSqlFunction) call.getOperator(), inputType,
                            outputType.type(outIndex), context);
                    functions.add(spec);
                    described.add(spec.name() + " AS " + outputType.name(outIndex));
                    outIndex++;
                    continue;
                }
                List<Integer> args = new ArrayList<>();
                List<Object> constants = new ArrayList<>();
                for (RexNode op : call.getOperands()) {
                    int idx = ((RexInputRef) op).getIndex();
                    if (idx < inputFields) {
                        args.add(idx);
                    } else {
                        RexLiteral lit = window.constants.get(idx - inputFields);
                        constants.add(Literals.toExternal(lit, RelTypes.toLogicalType(lit.getType())));
                    }
                }
                functions.add(new OverFunctionSpec(overKind(call), args.stream().mapToInt(Integer::intValue).toArray(),
                        constants.toArray(), outputType.type(outIndex)));
                described.add(call.getOperator().getName() + " AS " + outputType.name(outIndex));
                outIndex++;
            }
            SortKey[] orderKeys = SortKeys.of(g.orderKeys.getFieldCollations());
            groups.add(new OverGroupSpec(g.keys.toArray(), orderKeys, g.isRows,
                    bound(g.lowerBound, window, inputFields), bound(g.upperBound, window, inputFields), functions));
        }
        if (streaming) {
            // One window ordered by a rowtime attribute (rows fire with the watermark) or a proctime attribute
            // (rows fire on arrival); insert-only in and out.
            OverGroupSpec group = groups.get(0);
            SortKey[] order = group.orderKeys();
            boolean rowtime = order.length == 1 && TimeAttributes.isRowtime(window.getInput(), order[0].field());
            boolean proctime = order.length == 1 && !rowtime
                    && TimeAttributes.isProctime(window.getInput(), order[0].field());
            if (!rowtime && !proctime) {
                throw new UnsupportedFeatureException("OVER windows in streaming mode not ordered by a single time "
                        + "attribute (rowtime or proctime)");
            }
            StreamingOverAggregateOperator.checkSupported(inputType, group);
            int[] keys = group.partitionFields();
            String streamName = "OverAggregate(" + (keys.length == 0 ? "" : "partitionBy=[" + String.join(", ",
                    Arrays.stream(keys).mapToObj(inputType::name).toList()) + "], ")
                    + "orderBy=[" + SortKeys.describe(window.groups.get(0).orderKeys.getFieldCollations(), inputType)
                    + "], window=[" + (group.isRows() ? "ROWS" : "RANGE") + " BETWEEN " + group.lower() + " AND "
                    + group.upper() + "], select=[" + String.join(", ", described) + "])";
            OperatorTransformation over = new OperatorTransformation(streamName, List.of(in),
                    () -> new StreamingOverAggregateOperator(inputType, group, rowtime, outputType), outputType);
            if (rowtime) {
                over.withLateRowOutput();
            }
            return over;
        }
        String name = "OverAggregate(select=[" + String.join(", ", described) + "])";
        return new OperatorTransformation(name, List.of(in),
                () -> new OverWindowOperator(inputType, groups, outputType), outputType);
    }

    /**
     * A user-defined aggregate function's call: its arguments are input columns or literals. Python functions follow
     * Flink's rule: only vectorized (pandas) ones run in OVER windows.
     */
    private OverFunctionSpec userDefined(Window.RexWinAggCall call, AggregateUserSqlFunction operator,
            RowType inputType, io.sluice.runtime.types.LogicalType resultType, TranslationContext context) {
        UserFunction function = operator.function();
        if (PythonFunction.class.isAssignableFrom(function.functionClass())
                && ((PythonFunction) function.newInstance()).getPythonFunctionKind() == PythonFunctionKind.GENERAL) {
            throw new TableException(streaming ? "Non-Pandas Python UDAFs are not supported in stream mode currently."
                    : "non-Pandas UDAFs are not supported in batch mode currently.");
        }
        int[] args = new int[call.getOperands().size()];
        List<Object> literals = new ArrayList<>();
        List<io.sluice.runtime.types.LogicalType> argTypes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            int idx = ((RexInputRef) call.getOperands().get(i)).getIndex();
            if (idx < inputType.size()) {
                args[i] = idx;
                argTypes.add(inputType.type(idx));
            } else {
                // a literal argument: one of the window's constants
                RexLiteral lit = constants.get(idx - inputType.size());
                io.sluice.runtime.types.LogicalType type = RelTypes.toLogicalType(lit.getType());
                literals.add(Literals.toExternal(lit, type));
                args[i] = -literals.size();
                argTypes.add(type);
            }
        }
        return OverFunctionSpec.userDefined(displayName(function), args, literals.toArray(), argTypes, resultType,
                new AggregateInvokerGenerator(context.config()).generate("OVER " + call, function, argTypes));
    }

    /**
     * The name the user knows a function by: its registered name, or for a function called inline (registered under
     * an internal name) the function object's own description.
     */
    static String displayName(UserFunction function) {
        return function.name().startsWith("$inline$") ? function.newInstance().toString() : function.name();
    }

    private static FrameBound bound(RexWindowBound b, Window window, int inputFields) {
        if (b.isCurrentRow()) {
            return new FrameBound(BoundKind.CURRENT_ROW, null);
        }
        if (b.isUnbounded()) {
            return new FrameBound(b.isPreceding() ? BoundKind.UNBOUNDED_PRECEDING : BoundKind.UNBOUNDED_FOLLOWING, null);
        }
        RexNode offset = b.getOffset();
        RexLiteral lit = offset instanceof RexInputRef
                ? window.constants.get(((RexInputRef) offset).getIndex() - inputFields) : (RexLiteral) offset;
        Object value;
        BigDecimal d = lit.getValueAs(BigDecimal.class);
        if (d == null) {
            throw new UnsupportedFeatureException("window frame offset " + lit);
        }
        value = d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : d;
        return new FrameBound(b.isPreceding() ? BoundKind.PRECEDING : BoundKind.FOLLOWING, value);
    }

    private static OverFunctionKind overKind(Window.RexWinAggCall call) {
        SqlKind k = call.getOperator().getKind();
        switch (k) {
            case ROW_NUMBER:
                return OverFunctionKind.ROW_NUMBER;
            case RANK:
                return OverFunctionKind.RANK;
            case DENSE_RANK:
                return OverFunctionKind.DENSE_RANK;
            case PERCENT_RANK:
                return OverFunctionKind.PERCENT_RANK;
            case CUME_DIST:
                return OverFunctionKind.CUME_DIST;
            case NTILE:
                return OverFunctionKind.NTILE;
            case LAG:
                return OverFunctionKind.LAG;
            case LEAD:
                return OverFunctionKind.LEAD;
            case FIRST_VALUE:
                return OverFunctionKind.FIRST_VALUE;
            case LAST_VALUE:
                return OverFunctionKind.LAST_VALUE;
            case COUNT:
                return OverFunctionKind.COUNT;
            case SUM:
                return OverFunctionKind.SUM;
            case SUM0:
                return OverFunctionKind.SUM0;
            case AVG:
                return OverFunctionKind.AVG;
            case MIN:
                return OverFunctionKind.MIN;
            case MAX:
                return OverFunctionKind.MAX;
            default:
                throw new UnsupportedFeatureException("window function " + call.getOperator().getName());
        }
    }
}
