package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** UPPER, LOWER, INITCAP. */
public final class CaseFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("UPPER", "LOWER", "INITCAP");
    }

    @Override
    public String description() {
        return "UPPER(s) / LOWER(s) convert to upper / lower case (locale-independent); INITCAP(s) capitalizes the "
                + "first letter of each alphanumeric word and lower-cases the rest. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.UPPER, SqlStdOperatorTable.LOWER, SqlStdOperatorTable.INITCAP);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String m = call.getOperator() == SqlStdOperatorTable.UPPER ? "upper"
                : call.getOperator() == SqlStdOperatorTable.LOWER ? "lower" : "initcap";
        return gen.callStrict(call, out, v -> Functions.SR + "." + m + "(" + v.get(0) + ")");
    }
}
