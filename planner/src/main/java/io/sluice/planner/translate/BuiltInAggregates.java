package io.sluice.planner.translate;

import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.operator.aggregate.builtin.ArrayAggInvoker;
import io.sluice.runtime.operator.aggregate.builtin.BuiltInAggregateInvoker;
import io.sluice.runtime.operator.aggregate.builtin.CollectInvoker;
import io.sluice.runtime.operator.aggregate.builtin.FirstLastValueInvoker;
import io.sluice.runtime.operator.aggregate.builtin.JsonArrayAggInvoker;
import io.sluice.runtime.operator.aggregate.builtin.JsonObjectAggInvoker;
import io.sluice.runtime.operator.aggregate.builtin.ListAggInvoker;
import io.sluice.runtime.operator.aggregate.builtin.PercentileInvoker;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.fun.SqlJsonArrayAggAggFunction;
import org.apache.calcite.sql.fun.SqlJsonObjectAggAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The built-in GROUP BY aggregates that keep a collection per group (LISTAGG, FIRST_VALUE, LAST_VALUE,
 * JSON_OBJECTAGG, JSON_ARRAYAGG, PERCENTILE, ARRAY_AGG, COLLECT): they run as hand-written invokers through the
 * operators' user-defined aggregate path ({@link BuiltInAggregateInvoker}), in batch, streaming (with retraction)
 * and window aggregation.
 */
final class BuiltInAggregates {
    private BuiltInAggregates() {
    }

    /**
     * The invoker of {@code call} when it is one of these aggregates, else null. {@code input}: the aggregate's
     * input (to see whether a JSON value is a nested JSON constructor); {@code retracting}: the input holds
     * -U/-D rows.
     */
    static GeneratedClass<UserAggregateInvoker> invoker(AggregateCall call, RelNode input, RowType inputType,
            boolean retracting) {
        LogicalType[] argTypes = new LogicalType[call.getArgList().size()];
        for (int i = 0; i < argTypes.length; i++) {
            argTypes[i] = inputType.type(call.getArgList().get(i));
        }
        String name = call.getAggregation().getName().toUpperCase(Locale.ROOT);
        switch (call.getAggregation().getKind()) {
            case LISTAGG:
                requireNoOrder(call, name);
                return BuiltInAggregateInvoker.generated(ListAggInvoker.class, argTypes);
            case ARRAY_AGG:
                requireNoOrder(call, name);
                return BuiltInAggregateInvoker.generated(ArrayAggInvoker.class, argTypes, call.ignoreNulls());
            case COLLECT:
                requireNoOrder(call, name);
                return BuiltInAggregateInvoker.generated(CollectInvoker.class, argTypes);
            case FIRST_VALUE:
            case LAST_VALUE:
                requireNoOrder(call, name);
                return BuiltInAggregateInvoker.generated(FirstLastValueInvoker.class, argTypes,
                        call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.FIRST_VALUE, retracting);
            case JSON_ARRAYAGG: {
                requireNoOrder(call, name);
                SqlJsonConstructorNullClause nulls = ((SqlJsonArrayAggAggFunction) call.getAggregation())
                        .getNullClause();
                requireJsonValue(argTypes[0], name);
                return BuiltInAggregateInvoker.generated(JsonArrayAggInvoker.class, argTypes,
                        nulls == SqlJsonConstructorNullClause.NULL_ON_NULL,
                        isJsonConstructor(input, call.getArgList().get(0)));
            }
            case JSON_OBJECTAGG: {
                SqlJsonConstructorNullClause nulls = ((SqlJsonObjectAggAggFunction) call.getAggregation())
                        .getNullClause();
                requireJsonValue(argTypes[1], name);
                return BuiltInAggregateInvoker.generated(JsonObjectAggInvoker.class, argTypes,
                        nulls == SqlJsonConstructorNullClause.NULL_ON_NULL,
                        isJsonConstructor(input, call.getArgList().get(1)));
            }
            default:
                if (call.getAggregation() == io.sluice.codegen.functions.GroupAggregateFunctions.PERCENTILE) {
                    return BuiltInAggregateInvoker.generated(PercentileInvoker.class, argTypes);
                }
                return null;
        }
    }

    private static void requireNoOrder(AggregateCall call, String name) {
        if (!call.collation.getFieldCollations().isEmpty()) {
            boolean inline = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.ARRAY_AGG;
            throw new UnsupportedFeatureException(name + (inline ? " with ORDER BY" : " with WITHIN GROUP (ORDER BY ...)"));
        }
    }

    private static void requireJsonValue(LogicalType type, String name) {
        if (type.root() != TypeRoot.NULL && !isJsonValueType(type)) {
            throw new UnsupportedFeatureException("a JSON value of type " + type + " in " + name);
        }
    }

    private static boolean isJsonValueType(LogicalType type) {
        return JsonArrayAggInvoker.isJsonValueType(type);
    }

    /** Whether column {@code field} of {@code input} is computed by a JSON_OBJECT or JSON_ARRAY call. */
    private static boolean isJsonConstructor(RelNode input, int field) {
        RexNode e = null;
        if (input instanceof Project) {
            e = ((Project) input).getProjects().get(field);
        } else if (input instanceof Calc) {
            RexProgram program = ((Calc) input).getProgram();
            e = program.expandLocalRef(program.getProjectList().get(field));
        }
        if (e instanceof RexCall && ((RexCall) e).getOperator() == SqlStdOperatorTable.JSON_TYPE_OPERATOR) {
            e = ((RexCall) e).getOperands().get(0);
        }
        return e instanceof RexCall && (((RexCall) e).getOperator() == SqlStdOperatorTable.JSON_OBJECT
                || ((RexCall) e).getOperator() == SqlStdOperatorTable.JSON_ARRAY);
    }
}
