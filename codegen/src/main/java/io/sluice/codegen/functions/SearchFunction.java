package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** SEARCH(x, Sarg): IN lists and range sets, which Calcite produces from IN, BETWEEN and OR chains. */
public final class SearchFunction implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("IN", "NOT IN", "BETWEEN");
    }

    @Override
    public String description() {
        return "x IN (v1, v2, ...) and x BETWEEN a AND b: TRUE if x matches, NULL if x is NULL "
                + "(or no match and the list has a NULL), else FALSE.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.SEARCH);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        return gen.gen(RexUtil.expandSearch(gen.rexBuilder(), null, call), out);
    }
}
