package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;

/** LEFT, RIGHT, STARTSWITH, ENDSWITH, INSTR and LOCATE, counting characters (code points) from 1. */
public final class StringEndsFunctions implements BuiltInFunction {
    static final SqlFunction LEFT = function("LEFT", ReturnTypes.ARG0_NULLABLE_VARYING,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER));
    static final SqlFunction RIGHT = function("RIGHT", ReturnTypes.ARG0_NULLABLE_VARYING,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER));
    static final SqlFunction STARTSWITH = function("STARTSWITH", ReturnTypes.BOOLEAN_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER));
    static final SqlFunction ENDSWITH = function("ENDSWITH", ReturnTypes.BOOLEAN_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER));
    static final SqlFunction INSTR = function("INSTR", ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER));
    static final SqlFunction LOCATE = function("LOCATE", ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)));

    private static SqlFunction function(String name, org.apache.calcite.sql.type.SqlReturnTypeInference type,
            org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, SqlFunctionCategory.STRING);
    }

    @Override
    public List<String> names() {
        return List.of("LEFT", "RIGHT", "STARTSWITH", "ENDSWITH", "INSTR", "LOCATE");
    }

    @Override
    public String description() {
        return "LEFT(s, n) and RIGHT(s, n) are the first and last n characters (empty for n <= 0); STARTSWITH(s, p) "
                + "and ENDSWITH(s, p) test a prefix or suffix; INSTR(s, t) is the 1-based position of the first t in "
                + "s, 0 if absent; LOCATE(t, s[, from]) is the position of the first t in s at or after character "
                + "from, 0 if absent. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(LEFT, RIGHT, STARTSWITH, ENDSWITH, INSTR, LOCATE);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        String sr = Functions.SR;
        if (op == LEFT || op == RIGHT) {
            String m = op == LEFT ? ".left(" : ".right(";
            return gen.callStrict(call, out, v -> sr + m + v.get(0) + ", (long) " + v.get(1) + ")");
        }
        if (op == STARTSWITH) {
            return gen.callStrict(call, out, v -> v.get(0) + ".startsWith(" + v.get(1) + ")");
        }
        if (op == ENDSWITH) {
            return gen.callStrict(call, out, v -> v.get(0) + ".endsWith(" + v.get(1) + ")");
        }
        if (op == INSTR) {
            return gen.callStrict(call, out, v -> sr + ".position(" + v.get(1) + ", " + v.get(0) + ")");
        }
        return gen.callStrict(call, out, v -> sr + ".locate(" + v.get(0) + ", " + v.get(1) + ", "
                + (v.size() > 2 ? "(long) " + v.get(2) : "1L") + ")");
    }
}
