package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * CASE, COALESCE, NULLIF and IF: only the branch that is taken is evaluated. A result that is a DECIMAL of
 * precision &le; 18 is held as its unscaled {@code long} (branches are converted as {@code long}s, constants at
 * generation time), so decimal branches are not boxed into {@code BigDecimal}s.
 */
public final class ConditionalFunctions implements BuiltInFunction {
    /** IFNULL(a, b): rewritten into COALESCE(a, b) before validation, so it types and runs as COALESCE does. */
    static final org.apache.calcite.sql.SqlFunction IFNULL = new org.apache.calcite.sql.SqlFunction("IFNULL",
            org.apache.calcite.sql.SqlKind.OTHER_FUNCTION, org.apache.calcite.sql.type.ReturnTypes.LEAST_RESTRICTIVE,
            null, org.apache.calcite.sql.type.OperandTypes.SAME_SAME,
            org.apache.calcite.sql.SqlFunctionCategory.SYSTEM) {
        @Override
        public org.apache.calcite.sql.SqlNode rewriteCall(org.apache.calcite.sql.validate.SqlValidator validator,
                org.apache.calcite.sql.SqlCall call) {
            return SqlStdOperatorTable.COALESCE.createCall(call.getParserPosition(), call.getOperandList());
        }
    };

    @Override
    public List<String> names() {
        return List.of("CASE", "COALESCE", "NULLIF", "IF", "IFNULL");
    }

    @Override
    public String description() {
        return "CASE WHEN c THEN v ... ELSE e END returns the value of the first branch whose condition is TRUE "
                + "(NULL conditions count as not TRUE), else e or NULL. COALESCE(a, b, ...) returns the first "
                + "non-NULL argument; IFNULL(a, b) is COALESCE(a, b). NULLIF(a, b) is NULL when a = b, else a. IF(c, a, b)"
                + " is a when c is TRUE, else b. "
                + "Arguments are evaluated lazily.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.CASE, SqlStdOperatorTable.COALESCE, SqlStdOperatorTable.NULLIF,
                SqlLibraryOperators.IF, IFNULL);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType type = ExprGenerator.typeOf(call);
        List<RexNode> ops = call.getOperands();
        switch (call.getKind()) {
            case COALESCE:
                return coalesce(gen, ops, type, out);
            case NULLIF:
                return nullif(gen, ops, type, out);
            default:
                return caseWhen(gen, ops, type, out);
        }
    }

    /** A fresh assignable result: an unscaled {@code long} for a compact DECIMAL, else the Java value type. */
    private static GenExpr declare(ExprGenerator gen, LogicalType type, CodeBuilder out) {
        return JavaTypes.isCompactDecimal(type) ? gen.declareUnscaled(type, "true", out)
                : gen.declare(type, "true", out);
    }

    private static void assign(ExprGenerator gen, GenExpr target, GenExpr src, CodeBuilder out) {
        if (target.unscaled() != null) {
            gen.assignUnscaled(target, src, out);
        } else {
            gen.assign(target, src, out);
        }
    }

    /** CASE with operands [c1, v1, c2, v2, ..., else]; IF(c, a, b) has the same shape. */
    private static GenExpr caseWhen(ExprGenerator gen, List<RexNode> ops, LogicalType type, CodeBuilder out) {
        GenExpr r = declare(gen, type, out);
        int opened = 0;
        int k = 0;
        for (; k + 1 < ops.size(); k += 2) {
            GenExpr c = gen.gen(ops.get(k), out);
            out.open("if (" + (c.neverNull() ? "" : "!" + c.isNull() + " && ") + c.value() + ")");
            assign(gen, r, gen.gen(ops.get(k + 1), out), out);
            out.reopen("else");
            opened++;
        }
        if (k < ops.size()) {
            assign(gen, r, gen.gen(ops.get(k), out), out);
        }
        for (int n = 0; n < opened; n++) {
            out.close();
        }
        return r;
    }

    private static GenExpr coalesce(ExprGenerator gen, List<RexNode> ops, LogicalType type, CodeBuilder out) {
        GenExpr r = declare(gen, type, out);
        int opened = 0;
        for (int k = 0; k < ops.size(); k++) {
            if (k > 0) {
                out.open("if (" + r.isNull() + ")");
                opened++;
            }
            assign(gen, r, gen.gen(ops.get(k), out), out);
        }
        for (int n = 0; n < opened; n++) {
            out.close();
        }
        return r;
    }

    private static GenExpr nullif(ExprGenerator gen, List<RexNode> ops, LogicalType type, CodeBuilder out) {
        GenExpr a = gen.gen(ops.get(0), out);
        GenExpr b = gen.gen(ops.get(1), out);
        GenExpr r = declare(gen, type, out);
        assign(gen, r, a, out);
        out.open("if (!" + r.isNull() + " && !" + b.isNull() + ")");
        out.open("if (" + ComparisonFunctions.condition(gen, a, b, "==", out) + ")");
        out.line(r.isNull() + " = true;");
        out.close();
        out.close();
        return r;
    }
}
