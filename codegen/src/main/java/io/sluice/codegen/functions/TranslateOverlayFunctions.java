package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** TRANSLATE(s, from, to) and OVERLAY(s PLACING r FROM pos [FOR len]). */
public final class TranslateOverlayFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("TRANSLATE", "OVERLAY");
    }

    @Override
    public String description() {
        return "TRANSLATE(s, from, to) replaces every character of s that occurs in from by the character at the same "
                + "position of to, and removes it when to is shorter. OVERLAY(s PLACING r FROM pos [FOR len]) replaces "
                + "len characters of s (the length of r by default) from 1-based position pos by r. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlLibraryOperators.TRANSLATE3, SqlStdOperatorTable.OVERLAY);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String rt = RegexpMatchFunctions.RUNTIME;
        if (call.getOperator() == SqlLibraryOperators.TRANSLATE3) {
            return gen.callStrict(call, out, v -> rt + ".translate(" + String.join(", ", v) + ")");
        }
        return gen.callStrict(call, out, v -> rt + ".overlay(" + v.get(0) + ", " + v.get(1) + ", (long) " + v.get(2)
                + (v.size() > 3 ? ", (long) " + v.get(3) : "") + ")");
    }
}
