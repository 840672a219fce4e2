package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;

/** TRIM([BOTH|LEADING|TRAILING] [chars] FROM s), LTRIM(s), RTRIM(s). */
public final class TrimFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("TRIM", "LTRIM", "RTRIM");
    }

    @Override
    public String description() {
        return "TRIM removes the given characters (default: spaces) from both ends, the start (LEADING) or the end "
                + "(TRAILING) of a string; every character of the trim string is removed. LTRIM(s) / RTRIM(s) remove "
                + "leading / trailing spaces. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.TRIM, SqlLibraryOperators.LTRIM, SqlLibraryOperators.RTRIM);
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
        boolean left = call.getOperator() == SqlLibraryOperators.LTRIM;
        return gen.callStrict(call, out, v -> Functions.SR + ".trim(" + v.get(0) + ", " + left + ", " + !left
                + ", \" \")");
    }
}
