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
        List<GenExpr> args = gen.genOperands(call, out);
        String separator = Functions.constantString(args.get(1));
        if (ExprGenerator.isStringColumn(args.get(0)) && separator != null && !separator.isEmpty()) {
            // a column split at a constant separator: search its UTF-8 bytes, decode only the piece
            String sep = gen.addReference(separator.getBytes(java.nio.charset.StandardCharsets.UTF_8), "byte[]");
            return gen.strictOverView(args, ExprGenerator.typeOf(call), out, v -> v.get(0) + ".splitIndex(" + sep
                    + ", (long) " + v.get(2) + ")");
        }
        return gen.strict(args, ExprGenerator.typeOf(call), out, v -> Functions.SR + ".splitIndex(" + v.get(0) + ", "
                + v.get(1) + ", (long) " + v.get(2) + ")");
    }
}
