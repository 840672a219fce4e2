package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** IS [NOT] DISTINCT FROM: null-safe equality, never NULL. */
public final class DistinctFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("IS DISTINCT FROM", "IS NOT DISTINCT FROM");
    }

    @Override
    public String description() {
        return "Null-safe comparison: two NULLs are not distinct, NULL and a value are distinct; never NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.IS_DISTINCT_FROM, SqlStdOperatorTable.IS_NOT_DISTINCT_FROM);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        List<GenExpr> args = gen.genOperands(call, out);
        GenExpr a = args.get(0);
        GenExpr b = args.get(1);
        String same = gen.newName("val");
        out.line("boolean " + same + " = " + a.isNull() + " && " + b.isNull() + ";");
        out.open("if (!" + a.isNull() + " && !" + b.isNull() + ")");
        out.line(same + " = " + ComparisonFunctions.condition(gen, a, b, "==", out) + ";");
        out.close();
        boolean distinct = call.getKind() == SqlKind.IS_DISTINCT_FROM;
        return GenExpr.of("false", distinct ? "!" + same : same, ExprGenerator.typeOf(call));
    }
}
