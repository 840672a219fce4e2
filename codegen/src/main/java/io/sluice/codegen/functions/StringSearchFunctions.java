package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** CHAR_LENGTH / CHARACTER_LENGTH, POSITION, REPLACE. */
public final class StringSearchFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("CHAR_LENGTH", "CHARACTER_LENGTH", "POSITION", "REPLACE");
    }

    @Override
    public String description() {
        return "CHAR_LENGTH(s) is the number of characters (Unicode code points); POSITION(a IN s) is the 1-based "
                + "character position of the first a in s, 0 if absent; REPLACE(s, a, b) replaces every a by b. "
                + "NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.CHAR_LENGTH, SqlStdOperatorTable.CHARACTER_LENGTH,
                SqlStdOperatorTable.POSITION, SqlStdOperatorTable.REPLACE);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        if (op == SqlStdOperatorTable.CHAR_LENGTH || op == SqlStdOperatorTable.CHARACTER_LENGTH) {
            GenExpr a = gen.gen(call.getOperands().get(0), out);
            LogicalType type = ExprGenerator.typeOf(call);
            if (a.vector() != null) {
                String val = gen.newName("val");
                out.line("int " + val + " = " + a.isNull() + " ? 0 : " + Functions.SR + ".charLengthUtf8(" + a.vector()
                        + ", " + ExprGenerator.ROW + ");");
                return GenExpr.of(a.isNull(), val, type);
            }
            return gen.strict(List.of(a), type, out, v -> Functions.SR + ".charLength(" + v.get(0) + ")");
        }
        if (op == SqlStdOperatorTable.POSITION) {
            if (call.getOperands().size() > 2) {
                throw new io.sluice.table.api.UnsupportedFeatureException("POSITION(... FROM start)");
            }
            return gen.callStrict(call, out, v -> Functions.SR + ".position(" + v.get(0) + ", " + v.get(1) + ")");
        }
        return gen.callStrict(call, out, v -> Functions.SR + ".replace(" + v.get(0) + ", " + v.get(1) + ", "
                + v.get(2) + ")");
    }
}
