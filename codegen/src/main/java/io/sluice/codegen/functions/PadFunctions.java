package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;

/** LPAD(s, len, pad) and RPAD(s, len, pad). */
public final class PadFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("LPAD", "RPAD");
    }

    @Override
    public String description() {
        return "LPAD(s, len, pad) / RPAD(s, len, pad) pad s on the left / right with repetitions of pad to len "
                + "characters; a longer s is cut to len characters. NULL when len is negative or pad is empty; "
                + "NULL in, NULL out. The pad defaults to a space when omitted.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlLibraryOperators.LPAD, SqlLibraryOperators.RPAD);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        boolean left = call.getOperator() == SqlLibraryOperators.LPAD;
        return gen.callStrict(call, out, v -> Functions.SR + ".pad(" + v.get(0) + ", (long) " + v.get(1) + ", "
                + (v.size() > 2 ? v.get(2) : "\" \"") + ", " + left + ")");
    }
}
