package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The aggregate functions that build a collection per group: ARRAY_AGG (an ARRAY, Calcite's library operator,
 * which takes {@code RESPECT NULLS}/{@code IGNORE NULLS}) and COLLECT (a MULTISET, Calcite's standard operator).
 * The aggregation operators compute them; this class gives the planner their operators and their documentation.
 */
public final class CollectionAggregateFunctions implements BuiltInFunction {

    @Override
    public List<String> names() {
        return List.of("ARRAY_AGG", "COLLECT");
    }

    @Override
    public String description() {
        return "ARRAY_AGG([ALL | DISTINCT] value [RESPECT NULLS | IGNORE NULLS]): an ARRAY of the group's values in"
                + " arrival order (NULL values kept unless IGNORE NULLS), NULL for a group without values."
                + " COLLECT([ALL | DISTINCT] value): a MULTISET of the group's non-NULL values.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlLibraryOperators.ARRAY_AGG, SqlStdOperatorTable.COLLECT);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        throw new IllegalStateException(call.getOperator().getName() + " is an aggregate function, computed by the"
                + " aggregation operators");
    }
}
