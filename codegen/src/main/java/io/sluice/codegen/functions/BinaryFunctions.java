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
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** ENCODE, DECODE and UNHEX: conversions between strings and BYTES (VARBINARY). */
public final class BinaryFunctions implements BuiltInFunction {
    private static final SqlReturnTypeInference BYTES = opBinding -> opBinding.getTypeFactory().createSqlType(
            SqlTypeName.VARBINARY, opBinding.getTypeFactory().getTypeSystem().getMaxPrecision(SqlTypeName.VARBINARY));

    /** ENCODE(string, charset): BYTES, NULL when an argument is NULL. */
    public static final SqlFunction ENCODE = new SqlFunction("ENCODE", SqlKind.OTHER_FUNCTION,
            BYTES.andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);
    /** DECODE(bytes, charset): STRING, NULL when an argument is NULL. */
    public static final SqlFunction DECODE = new SqlFunction("DECODE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_NULLABLE, null,
            OperandTypes.family(SqlTypeFamily.BINARY, SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);
    /** UNHEX(string): BYTES, NULL for NULL or a non-hexadecimal character. */
    public static final SqlFunction UNHEX = new SqlFunction("UNHEX", SqlKind.OTHER_FUNCTION,
            BYTES.andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.family(SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);

    private static final String RUNTIME = "io.sluice.codegen.runtime.BinaryRuntime";

    @Override
    public List<String> names() {
        return List.of("ENCODE", "DECODE", "UNHEX");
    }

    @Override
    public String description() {
        return "ENCODE(s, charset) returns the bytes of s in the character set ('US-ASCII', 'ISO-8859-1', 'UTF-8',"
                + " 'UTF-16BE', 'UTF-16LE', 'UTF-16', or another the JVM knows) as BYTES; DECODE(b, charset) turns"
                + " bytes back into a string. UNHEX(s) converts hexadecimal digits into BYTES (an odd number of digits"
                + " gives a leading zero byte; a non-hexadecimal character gives NULL). NULL in, NULL out; an unknown"
                + " character set fails the query.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(ENCODE, DECODE, UNHEX);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        if (call.getOperator() == ENCODE) {
            return gen.callStrict(call, out, v -> RUNTIME + ".encode(" + v.get(0) + ", " + v.get(1) + ")");
        }
        if (call.getOperator() == DECODE) {
            return gen.callStrict(call, out, v -> RUNTIME + ".decode(" + v.get(0) + ", " + v.get(1) + ")");
        }
        return gen.callStrict(call, out, v -> RUNTIME + ".unhex(" + v.get(0) + ")");
    }
}
