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

/** CONVERT_TZ(datetime, fromZone, toZone) over {@code yyyy-MM-dd HH:mm:ss} text. */
public final class ConvertTzFunction implements BuiltInFunction {
    static final SqlFunction CONVERT_TZ = new SqlFunction("CONVERT_TZ", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.TIMEDATE);

    @Override
    public List<String> names() {
        return List.of("CONVERT_TZ");
    }

    @Override
    public String description() {
        return "CONVERT_TZ(s, from, to) reads the date-time s ('yyyy-MM-dd HH:mm:ss') in time zone from and returns "
                + "it in time zone to, as text; zones are ids ('Asia/Shanghai'), offsets ('GMT+08:00', '+08:00') or "
                + "Java's short ids ('PST'). NULL for malformed text or an unknown zone; NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(CONVERT_TZ);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        return gen.callStrict(call, out, v -> RegexpMatchFunctions.RUNTIME + ".convertTz(" + String.join(", ", v)
                + ")");
    }
}
