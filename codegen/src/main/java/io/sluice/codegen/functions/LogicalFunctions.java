package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** AND, OR, NOT with SQL three-valued logic; AND/OR stop evaluating once the result is known. */
public final class LogicalFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("AND", "OR", "NOT");
    }

    @Override
    public String description() {
        return "Three-valued logic: FALSE AND NULL is FALSE, TRUE OR NULL is TRUE, otherwise NULL in, NULL out. "
                + "Operands are evaluated left to right and evaluation stops once the result is known.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.AND, SqlStdOperatorTable.OR, SqlStdOperatorTable.NOT);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType type = ExprGenerator.typeOf(call);
        if (call.getKind() == SqlKind.NOT) {
            GenExpr a = gen.gen(call.getOperands().get(0), out);
            return GenExpr.of(a.isNull(), "!" + a.value(), type);
        }
        boolean and = call.getKind() == SqlKind.AND;
        // For AND: result starts TRUE, becomes FALSE (decided) or NULL (undecided). OR is the mirror image.
        GenExpr r = gen.declare(type, "false", out);
        out.line(r.value() + " = " + and + ";");
        List<RexNode> ops = call.getOperands();
        int opened = 0;
        for (int k = 0; k < ops.size(); k++) {
            if (k > 0) {
                out.open("if (" + (and ? "" : "!") + r.value() + ")");
                opened++;
            }
            GenExpr a = gen.gen(ops.get(k), out);
            String decisive = and ? "!" + a.value() : a.value();
            if (a.neverNull()) {
                out.open("if (" + decisive + ")");
            } else {
                out.open("if (!" + a.isNull() + " && " + decisive + ")");
            }
            out.line(r.value() + " = " + !and + ";");
            out.line(r.isNull() + " = false;");
            if (!a.neverNull()) {
                out.reopen("else if (" + a.isNull() + ")");
                out.line(r.isNull() + " = true;");
            }
            out.close();
        }
        for (int k = 0; k < opened; k++) {
            out.close();
        }
        return r;
    }
}
