package io.sluice.planner.translate;

import io.sluice.codegen.RelTypes;
import io.sluice.codegen.udf.AggregateInvokerGenerator;
import io.sluice.codegen.udf.AggregateUserSqlFunction;
import io.sluice.codegen.udf.UserFunction;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.AggregateKind;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;

/**
 * The runtime specs of an aggregate node's calls ({@link AggregateSpec}): built-in functions by kind (or with a
 * generated invoker where {@link BuiltInAggregates} has one), user-defined functions with a generated invoker.
 */
public final class AggregateSpecs {
    private AggregateSpecs() {
    }

    /**
     * The specs of {@code agg}'s calls; {@code retracting}: the input holds -U/-D rows, so each function must be
     * able to retract (checked here, at plan time).
     */
    public static List<AggregateSpec> of(Aggregate agg, RowType inputType, RowType outputType, boolean retracting,
            Configuration config) {
        int groupCount = agg.getGroupCount();
        List<AggregateSpec> specs = new ArrayList<>();
        for (int i = 0; i < agg.getAggCallList().size(); i++) {
            AggregateCall call = agg.getAggCallList().get(i);
            int[] args = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
            String name = outputType.name(groupCount + i);
            GeneratedClass<UserAggregateInvoker> builtIn =
                    BuiltInAggregates.invoker(call, agg.getInput(), inputType, retracting);
            AggregateKind kind = builtIn != null ? AggregateKind.USER_DEFINED : aggregateKind(call);
            if (builtIn != null) {
                specs.add(AggregateSpec.userDefined(args, call.isDistinct(), call.filterArg,
                        RelTypes.toLogicalType(call.getType()), name, builtIn));
            } else if (kind == AggregateKind.USER_DEFINED) {
                specs.add(userAggregateSpec(call, args, inputType, name, retracting, config));
            } else {
                specs.add(new AggregateSpec(kind, args, call.isDistinct(), call.filterArg,
                        RelTypes.toLogicalType(call.getType()), name));
            }
        }
        return specs;
    }

    /** {@code groupBy} and {@code select} as EXPLAIN prints them: the group keys' names, then {@code call AS name}. */
    public static List<String> selectText(Aggregate agg, RowType inputType, RowType outputType) {
        List<String> select = new ArrayList<>(groupNames(agg, inputType));
        for (int i = 0; i < agg.getAggCallList().size(); i++) {
            select.add(agg.getAggCallList().get(i) + " AS " + outputType.name(agg.getGroupCount() + i));
        }
        return select;
    }

    /** The names of the group keys in the input. */
    public static List<String> groupNames(Aggregate agg, RowType inputType) {
        List<String> names = new ArrayList<>();
        for (int g : agg.getGroupSet()) {
            names.add(inputType.name(g));
        }
        return names;
    }

    private static AggregateSpec userAggregateSpec(AggregateCall call, int[] args, RowType inputType, String name,
            boolean retracting, Configuration config) {
        UserFunction function = ((AggregateUserSqlFunction) call.getAggregation()).function();
        List<LogicalType> argTypes = new ArrayList<>();
        for (int a : args) {
            argTypes.add(inputType.type(a));
        }
        if (retracting && !AggregateInvokerGenerator.canRetract(function, argTypes)) {
            throw new ValidationException("Aggregate function '" + function.name() + "' ("
                    + function.functionClass().getName() + ") has no public retract method matching its accumulate"
                    + " method, which it needs here because its input contains updates or deletes (-U/-D).");
        }
        return AggregateSpec.userDefined(args, call.isDistinct(), call.filterArg,
                RelTypes.toLogicalType(call.getType()), name,
                new AggregateInvokerGenerator(config).generate(call.toString(), function, argTypes));
    }

    private static AggregateKind aggregateKind(AggregateCall call) {
        if (call.getAggregation() instanceof AggregateUserSqlFunction) {
            return AggregateKind.USER_DEFINED;
        }
        switch (call.getAggregation().getKind()) {
            case COUNT:
                return AggregateKind.COUNT;
            case SUM:
                return AggregateKind.SUM;
            case SUM0:
                return AggregateKind.SUM0;
            case AVG:
                return AggregateKind.AVG;
            case MIN:
                return AggregateKind.MIN;
            case MAX:
                return AggregateKind.MAX;
            case SINGLE_VALUE:
                return AggregateKind.SINGLE_VALUE;
            case ANY_VALUE:
                return AggregateKind.ANY_VALUE;
            default:
                break;
        }
        switch (call.getAggregation().getName().toUpperCase(Locale.ROOT)) {
            case "EVERY":
            case "BOOL_AND":
                return AggregateKind.BOOL_AND;
            case "SOME":
            case "BOOL_OR":
                return AggregateKind.BOOL_OR;
            default:
                throw new UnsupportedFeatureException("aggregate function " + call.getAggregation().getName());
        }
    }
}
