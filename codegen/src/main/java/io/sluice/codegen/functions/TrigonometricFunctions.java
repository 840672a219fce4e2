package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, SINH, COSH, TANH, DEGREES, RADIANS, CBRT. */
public final class TrigonometricFunctions implements BuiltInFunction {
    private static final Map<SqlOperator, String> METHODS = new IdentityHashMap<>();

    static {
        METHODS.put(SqlStdOperatorTable.SIN, "Math.sin");
        METHODS.put(SqlStdOperatorTable.COS, "Math.cos");
        METHODS.put(SqlStdOperatorTable.TAN, "Math.tan");
        METHODS.put(SqlStdOperatorTable.COT, "1.0d / Math.tan");
        METHODS.put(SqlStdOperatorTable.ASIN, "Math.asin");
        METHODS.put(SqlStdOperatorTable.ACOS, "Math.acos");
        METHODS.put(SqlStdOperatorTable.ATAN, "Math.atan");
        METHODS.put(SqlStdOperatorTable.ATAN2, "Math.atan2");
        METHODS.put(SqlLibraryOperators.SINH, "Math.sinh");
        METHODS.put(SqlLibraryOperators.COSH, "Math.cosh");
        METHODS.put(SqlLibraryOperators.TANH, "Math.tanh");
        METHODS.put(SqlStdOperatorTable.DEGREES, "Math.toDegrees");
        METHODS.put(SqlStdOperatorTable.RADIANS, "Math.toRadians");
        METHODS.put(SqlStdOperatorTable.CBRT, "Math.cbrt");
    }

    @Override
    public List<String> names() {
        return List.of("SIN", "COS", "TAN", "COT", "ASIN", "ACOS", "ATAN", "ATAN2", "SINH", "COSH", "TANH", "DEGREES",
                "RADIANS", "CBRT");
    }

    @Override
    public String description() {
        return "SIN(x), COS(x), TAN(x), COT(x), ASIN(x), ACOS(x), ATAN(x), SINH(x), COSH(x), TANH(x) are the "
                + "trigonometric and hyperbolic functions of an angle in radians; ATAN2(y, x) is the angle of the "
                + "point (x, y); DEGREES(x) / RADIANS(x) convert radians to degrees and back; CBRT(x) is the cube "
                + "root. All compute in DOUBLE; arguments outside the domain give NaN (ASIN(2)). NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.SIN, SqlStdOperatorTable.COS, SqlStdOperatorTable.TAN,
                SqlStdOperatorTable.COT, SqlStdOperatorTable.ASIN, SqlStdOperatorTable.ACOS, SqlStdOperatorTable.ATAN,
                SqlStdOperatorTable.ATAN2, SqlLibraryOperators.SINH, SqlLibraryOperators.COSH,
                SqlLibraryOperators.TANH, SqlStdOperatorTable.DEGREES, SqlStdOperatorTable.RADIANS,
                SqlStdOperatorTable.CBRT);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String m = METHODS.get(call.getOperator());
        List<GenExpr> args = gen.genOperands(call, out);
        return gen.strict(args, ExprGenerator.typeOf(call), out, v -> {
            StringBuilder sb = new StringBuilder(m).append('(');
            for (int k = 0; k < v.size(); k++) {
                sb.append(k > 0 ? ", " : "").append(MathFunctions.toDouble(v.get(k), args.get(k).type()));
            }
            return sb.append(')').toString();
        });
    }
}
