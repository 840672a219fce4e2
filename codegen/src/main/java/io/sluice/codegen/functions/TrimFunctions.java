package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;

/** TRIM([BOTH|LEADING|TRAILING] [chars] FROM s), LTRIM(s[, chars]), RTRIM(s[, chars]), BTRIM(s[, chars]). */
public final class TrimFunctions implements BuiltInFunction {
    static final org.apache.calcite.sql.SqlFunction LTRIM = function("LTRIM");
    static final org.apache.calcite.sql.SqlFunction RTRIM = function("RTRIM");
    static final org.apache.calcite.sql.SqlFunction BTRIM = function("BTRIM");

    private static org.apache.calcite.sql.SqlFunction function(String name) {
        return new org.apache.calcite.sql.SqlFunction(name, org.apache.calcite.sql.SqlKind.OTHER_FUNCTION,
                org.apache.calcite.sql.type.ReturnTypes.ARG0_NULLABLE_VARYING, null,
                org.apache.calcite.sql.type.OperandTypes.or(
                        org.apache.calcite.sql.type.OperandTypes.family(
                                org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER),
                        org.apache.calcite.sql.type.OperandTypes.family(
                                org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER,
                                org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER)),
                org.apache.calcite.sql.SqlFunctionCategory.STRING);
    }

    @Override
    public List<String> names() {
        return List.of("TRIM", "LTRIM", "RTRIM", "BTRIM");
    }

    @Override
    public String description() {
        return "TRIM removes the given characters (default: spaces) from both ends, the start (LEADING) or the end "
                + "(TRAILING) of a string; every character of the trim string is removed. LTRIM(s[, chars]), RTRIM(s[, chars]) "
                + "and BTRIM(s[, chars]) remove the characters of chars (default: spaces) from the start, the end or "
                + "both ends. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.TRIM, LTRIM, RTRIM, BTRIM);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        if (call.getOperator() == SqlStdOperatorTable.TRIM) {
            SqlTrimFunction.Flag flag = Functions.symbol(call, 0, SqlTrimFunction.Flag.class);
            boolean leading = flag != SqlTrimFunction.Flag.TRAILING;
            boolean trailing = flag != SqlTrimFunction.Flag.LEADING;
            List<GenExpr> args = new ArrayList<>();
            args.add(gen.gen(call.getOperands().get(2), out));
            args.add(gen.gen(call.getOperands().get(1), out));
            return gen.strict(args, ExprGenerator.typeOf(call), out,
                    v -> Functions.SR + ".trim(" + v.get(0) + ", " + leading + ", " + trailing + ", " + v.get(1) + ")");
        }
        boolean leading = call.getOperator() != RTRIM;
        boolean trailing = call.getOperator() != LTRIM;
        return gen.callStrict(call, out, v -> Functions.SR + ".trim(" + v.get(0) + ", " + leading + ", " + trailing
                + ", " + (v.size() > 1 ? v.get(1) : "\" \"") + ")");
    }
}
