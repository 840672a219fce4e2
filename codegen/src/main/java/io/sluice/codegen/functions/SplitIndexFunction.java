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

/** SPLIT_INDEX(s, separator, index). */
public final class SplitIndexFunction implements BuiltInFunction {
    public static final SqlFunction SPLIT_INDEX = new SqlFunction("SPLIT_INDEX", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
            SqlFunctionCategory.STRING);

    @Override
    public List<String> names() {
        return List.of("SPLIT_INDEX");
    }

    @Override
    public String description() {
        return "SPLIT_INDEX(s, sep, i) splits s at every occurrence of the string sep and returns the i-th piece "
                + "(0-based); NULL if i is negative or out of range, or any argument is NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SPLIT_INDEX);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        return gen.callStrict(call, out, v -> Functions.SR + ".splitIndex(" + v.get(0) + ", " + v.get(1) + ", (long) "
                + v.get(2) + ")");
    }
}
