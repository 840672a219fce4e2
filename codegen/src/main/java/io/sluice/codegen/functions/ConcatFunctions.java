package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** {@code ||}, CONCAT(s1, ...) and CONCAT_WS(sep, s1, ...). */
public final class ConcatFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("||", "CONCAT", "CONCAT_WS");
    }

    @Override
    public String description() {
        return "s1 || s2 and CONCAT(s1, s2, ...) join strings and return NULL if any argument is NULL. "
                + "CONCAT_WS(sep, s1, s2, ...) joins the non-NULL arguments with sep and is NULL only if sep is NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.CONCAT, SqlLibraryOperators.CONCAT_FUNCTION, SqlLibraryOperators.CONCAT_WS);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        if (call.getOperator() != SqlLibraryOperators.CONCAT_WS) {
            return gen.callStrict(call, out, v -> {
                StringBuilder sb = new StringBuilder("new StringBuilder()");
                for (String s : v) {
                    sb.append(".append(").append(s).append(")");
                }
                return sb.append(".toString()").toString();
            });
        }
        List<GenExpr> args = gen.genOperands(call, out);
        GenExpr sep = args.get(0);
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), sep.isNull(), out);
        out.open("if (!" + r.isNull() + ")");
        String sepValue = gen.value(sep, out);
        String sb = gen.newName("sb");
        String first = gen.newName("first");
        out.line("StringBuilder " + sb + " = new StringBuilder();");
        out.line("boolean " + first + " = true;");
        for (int k = 1; k < args.size(); k++) {
            GenExpr a = args.get(k);
            if (a.alwaysNull()) {
                continue;
            }
            out.open("if (!" + a.isNull() + ")");
            out.open("if (!" + first + ")");
            out.line(sb + ".append(" + sepValue + ");");
            out.close();
            out.line(sb + ".append(" + gen.value(a, out) + ");");
            out.line(first + " = false;");
            out.close();
        }
        out.line(r.value() + " = " + sb + ".toString();");
        out.close();
        return r;
    }
}
