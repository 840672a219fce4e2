package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.Optionality;

/**
 * Aggregate functions whose Calcite operator differs from Flink's or is missing: FIRST_VALUE and LAST_VALUE, which
 * Calcite allows only with OVER, while Flink also has them as GROUP BY and window aggregates, and PERCENTILE. The aggregation operators
 * compute them; this class only gives the planner operators that validate both uses.
 */
public final class GroupAggregateFunctions implements BuiltInFunction {
    /** FIRST_VALUE(value): with OVER, or as a GROUP BY aggregate. */
    public static final SqlOperator FIRST_VALUE = new GroupOrOverFirstLastValue(SqlKind.FIRST_VALUE);
    /** LAST_VALUE(value): with OVER, or as a GROUP BY aggregate. */
    public static final SqlOperator LAST_VALUE = new GroupOrOverFirstLastValue(SqlKind.LAST_VALUE);

    /**
     * Flink's PERCENTILE(value, percentage [, frequency]): the exact continuous percentile of numeric values, a
     * nullable DOUBLE.
     */
    public static final SqlOperator PERCENTILE = new SqlAggFunction("PERCENTILE", null, SqlKind.OTHER_FUNCTION,
            ReturnTypes.DOUBLE.andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC),
                    OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN) {
    };

    /** Calcite's FIRST_VALUE/LAST_VALUE (any argument, its type made nullable) without the OVER requirement. */
    private static final class GroupOrOverFirstLastValue extends SqlAggFunction {
        GroupOrOverFirstLastValue(SqlKind kind) {
            super(kind.name(), null, kind, ReturnTypes.ARG0_NULLABLE_IF_EMPTY, null, OperandTypes.ANY,
                    SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN);
        }

        @Override
        public boolean allowsNullTreatment() {
            return true;
        }
    }

    @Override
    public List<String> names() {
        return List.of("FIRST_VALUE", "LAST_VALUE", "PERCENTILE");
    }

    @Override
    public String description() {
        return "FIRST_VALUE(value) and LAST_VALUE(value): the first (last) non-NULL value in arrival order, NULL when"
                + " there is none; as GROUP BY or window aggregates, and over OVER windows (first/last of the frame)."
                + " PERCENTILE(value, percentage [, frequency]): the exact continuous percentile (linear"
                + " interpolation) of the non-NULL values, each counted frequency times, as a DOUBLE.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(FIRST_VALUE, LAST_VALUE, PERCENTILE);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        throw new IllegalStateException(call.getOperator().getName() + " is an aggregate function, computed by the"
                + " aggregation operators");
    }
}
