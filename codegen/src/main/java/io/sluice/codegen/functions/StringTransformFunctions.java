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
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** REVERSE, REPEAT, ASCII, CHR, TO_BASE64, FROM_BASE64. */
public final class StringTransformFunctions implements BuiltInFunction {
    /** STRING, nullable when an argument is. */
    private static final SqlReturnTypeInference STRING_NULLABLE =
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE);

    public static final SqlFunction REVERSE = new SqlFunction("REVERSE", SqlKind.OTHER_FUNCTION, STRING_NULLABLE,
            null, OperandTypes.CHARACTER, SqlFunctionCategory.STRING);
    public static final SqlFunction REPEAT = new SqlFunction("REPEAT", SqlKind.OTHER_FUNCTION, STRING_NULLABLE,
            null, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER), SqlFunctionCategory.STRING);
    public static final SqlFunction CHR = new SqlFunction("CHR", SqlKind.OTHER_FUNCTION, STRING_NULLABLE, null,
            OperandTypes.INTEGER, SqlFunctionCategory.STRING);
    public static final SqlFunction TO_BASE64 = new SqlFunction("TO_BASE64", SqlKind.OTHER_FUNCTION, STRING_NULLABLE,
            null, OperandTypes.or(OperandTypes.CHARACTER, OperandTypes.BINARY), SqlFunctionCategory.STRING);
    public static final SqlFunction FROM_BASE64 = new SqlFunction("FROM_BASE64", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.CHARACTER, SqlFunctionCategory.STRING);

    @Override
    public List<String> names() {
        return List.of("REVERSE", "REPEAT", "ASCII", "CHR", "TO_BASE64", "FROM_BASE64");
    }

    @Override
    public String description() {
        return "REVERSE(s) reverses the characters of s. REPEAT(s, n) repeats s n times (empty when n <= 0). "
                + "ASCII(s) is the code of the first character of s as an INT (0 for an empty string). CHR(n) is the "
                + "character with code n mod 256 (empty for a negative n). TO_BASE64(s) encodes the UTF-8 bytes of "
                + "s (or a byte string) in base64; FROM_BASE64(s) decodes base64 into UTF-8 text (NULL when s is not "
                + "base64). NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(REVERSE, REPEAT, SqlStdOperatorTable.ASCII, CHR, TO_BASE64, FROM_BASE64);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        String sr = Functions.SR;
        if (op == REVERSE) {
            return gen.callStrict(call, out, v -> sr + ".reverse(" + v.get(0) + ")");
        }
        if (op == REPEAT) {
            return gen.callStrict(call, out, v -> sr + ".repeat(" + v.get(0) + ", (long) " + v.get(1) + ")");
        }
        if (op == CHR) {
            return gen.callStrict(call, out, v -> sr + ".chr((long) " + v.get(0) + ")");
        }
        if (op == TO_BASE64) {
            return gen.callStrict(call, out, v -> sr + ".toBase64(" + v.get(0) + ")");
        }
        if (op == FROM_BASE64) {
            return gen.callStrict(call, out, v -> sr + ".fromBase64(" + v.get(0) + ")");
        }
        return gen.callStrict(call, out, v -> sr + ".ascii(" + v.get(0) + ")");
    }
}
