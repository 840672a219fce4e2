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

/** LOG(x), LOG(base, x), LOG2(x) and E(), with Flink's argument order (the base comes first). */
public final class LogarithmFunctions implements BuiltInFunction {
    public static final SqlFunction LOG = new SqlFunction("LOG", SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE_NULLABLE,
            null, OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_NUMERIC), SqlFunctionCategory.NUMERIC);
    public static final SqlFunction LOG2 = new SqlFunction("LOG2", SqlKind.OTHER_FUNCTION,
            ReturnTypes.DOUBLE_NULLABLE, null, OperandTypes.NUMERIC, SqlFunctionCategory.NUMERIC);
    public static final SqlFunction E = new SqlFunction("E", SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE, null,
            OperandTypes.NILADIC, SqlFunctionCategory.NUMERIC);

    @Override
    public List<String> names() {
        return List.of("LOG", "LOG2", "E");
    }

    @Override
    public String description() {
        return "LOG(x) is the natural logarithm of x; LOG(base, x) the logarithm of x to the given base; LOG2(x) the "
                + "logarithm to base 2. They compute in DOUBLE: LOG(0) is -Infinity and a negative x gives NaN. "
                + "E() is Euler's number. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(LOG, LOG2, E);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        if (call.getOperator() == E) {
            return GenExpr.of("false", "Math.E", ExprGenerator.typeOf(call));
        }
        List<GenExpr> args = gen.genOperands(call, out);
        if (call.getOperator() == LOG2) {
            return gen.strict(args, ExprGenerator.typeOf(call), out, v -> "Math.log("
                    + MathFunctions.toDouble(v.get(0), args.get(0).type()) + ") / Math.log(2.0d)");
        }
        if (args.size() == 1) {
            return gen.strict(args, ExprGenerator.typeOf(call), out, v -> "Math.log("
                    + MathFunctions.toDouble(v.get(0), args.get(0).type()) + ")");
        }
        return gen.strict(args, ExprGenerator.typeOf(call), out, v -> "Math.log("
                + MathFunctions.toDouble(v.get(1), args.get(1).type()) + ") / Math.log("
                + MathFunctions.toDouble(v.get(0), args.get(0).type()) + ")");
    }
}
