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

/** BIN(integer) and HEX(integer | string). */
public final class RadixFunctions implements BuiltInFunction {
    static final SqlFunction BIN = new SqlFunction("BIN", SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR_NULLABLE, null,
            OperandTypes.family(SqlTypeFamily.INTEGER), SqlFunctionCategory.NUMERIC);
    static final SqlFunction HEX = new SqlFunction("HEX", SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR_NULLABLE, null,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER), OperandTypes.family(SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.NUMERIC);

    @Override
    public List<String> names() {
        return List.of("BIN", "HEX");
    }

    @Override
    public String description() {
        return "BIN(n) is the binary digits of an integer, HEX(n) its hexadecimal digits in upper case (negative "
                + "numbers in 64-bit two's complement, as BIGINT); HEX(s) is the hexadecimal digits of the UTF-8 bytes "
                + "of a string. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(BIN, HEX);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String rt = RegexpMatchFunctions.RUNTIME;
        boolean string = call.getOperands().get(0).getType().getSqlTypeName().getFamily()
                == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER;
        String method = call.getOperator() == BIN ? ".bin(" : ".hex(";
        return gen.callStrict(call, out, v -> rt + method + (string ? v.get(0) : "(long) " + v.get(0)) + ")");
    }
}
