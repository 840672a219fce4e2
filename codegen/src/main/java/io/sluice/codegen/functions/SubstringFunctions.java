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
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** SUBSTRING(s FROM pos [FOR len]) and SUBSTR(s, pos [, len]). */
public final class SubstringFunctions implements BuiltInFunction {
    /** Flink's SUBSTR(s, pos [, len]). */
    public static final SqlFunction SUBSTR = new SqlFunction("SUBSTR", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0.andThen(SqlTypeTransforms.TO_VARYING), null,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.STRING);

    @Override
    public List<String> names() {
        return List.of("SUBSTRING", "SUBSTR");
    }

    @Override
    public String description() {
        return "SUBSTRING(s FROM pos [FOR len]) / SUBSTR(s, pos [, len]): the characters of s from 1-based position "
                + "pos (0 acts as 1, negative counts from the end), len characters or to the end. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.SUBSTRING, SUBSTR);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        return gen.callStrict(call, out, v -> Functions.SR + ".substring(" + v.get(0) + ", (long) " + v.get(1)
                + (v.size() > 2 ? ", (long) " + v.get(2) : "") + ")");
    }
}
