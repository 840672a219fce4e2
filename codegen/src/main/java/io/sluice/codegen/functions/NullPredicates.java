package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** IS [NOT] NULL, IS [NOT] TRUE, IS [NOT] FALSE: never NULL themselves. */
public final class NullPredicates implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("IS NULL", "IS NOT NULL", "IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE");
    }

    @Override
    public String description() {
        return "Tests a value for NULL or a boolean for TRUE/FALSE; the result is never NULL "
                + "(NULL IS NOT TRUE is TRUE, NULL IS FALSE is FALSE).";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.IS_NULL, SqlStdOperatorTable.IS_NOT_NULL, SqlStdOperatorTable.IS_TRUE,
                SqlStdOperatorTable.IS_NOT_TRUE, SqlStdOperatorTable.IS_FALSE, SqlStdOperatorTable.IS_NOT_FALSE);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType type = ExprGenerator.typeOf(call);
        GenExpr a = gen.gen(call.getOperands().get(0), out);
        String n = a.isNull();
        String v;
        switch (call.getKind()) {
            case IS_NULL:
                v = n;
                break;
            case IS_NOT_NULL:
                v = "!(" + n + ")";
                break;
            case IS_TRUE:
                v = "!(" + n + ") && " + a.value();
                break;
            case IS_NOT_TRUE:
                v = "(" + n + ") || !" + a.value();
                break;
            case IS_FALSE:
                v = "!(" + n + ") && !" + a.value();
                break;
            default:
                v = "(" + n + ") || " + a.value();
        }
        String val = gen.newName("val");
        out.line("boolean " + val + " = " + v + ";");
        return GenExpr.of("false", val, type);
    }
}
