package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** ROUND, TRUNCATE, and FLOOR / CEIL of numbers and of datetimes to a unit. */
public final class RoundingFunctions implements BuiltInFunction {
    private static final String DEC = "io.sluice.codegen.runtime.DecimalRuntime";

    /** ROUND with Flink's result type (see {@link #roundType}); shadows Calcite's ROUND. */
    public static final SqlFunction ROUND = new SqlFunction("ROUND", SqlKind.OTHER_FUNCTION,
            RoundingFunctions::roundType, null, OperandTypes.NUMERIC_OPTIONAL_INTEGER, SqlFunctionCategory.NUMERIC);
    /** TRUNCATE with Flink's result type (see {@link #roundType}); shadows Calcite's TRUNCATE. */
    public static final SqlFunction TRUNCATE = new SqlFunction("TRUNCATE", SqlKind.OTHER_FUNCTION,
            RoundingFunctions::roundType, null, OperandTypes.NUMERIC_OPTIONAL_INTEGER, SqlFunctionCategory.NUMERIC);

    /**
     * Flink's type of ROUND / TRUNCATE(x, r): the type of x, except for x of type DECIMAL(p, s) and a
     * constant r &lt; s: DECIMAL(1 + p - s + r, r) for r &ge; 0 and DECIMAL(1 + p - s, 0) for r &lt; 0
     * (one more integer digit for the carry, capped at 38). Nullable when an argument is.
     */
    static RelDataType roundType(SqlOperatorBinding b) {
        RelDataTypeFactory tf = b.getTypeFactory();
        RelDataType x = b.getOperandType(0);
        boolean nullable = false;
        for (int k = 0; k < b.getOperandCount(); k++) {
            nullable |= b.getOperandType(k).isNullable();
        }
        RelDataType t = x;
        if (x.getSqlTypeName() == SqlTypeName.DECIMAL) {
            Integer r = 0;
            if (b.getOperandCount() > 1) {
                r = b.isOperandLiteral(1, false) && !b.isOperandNull(1, false)
                        ? b.getOperandLiteralValue(1, Integer.class) : null;
            }
            int p = x.getPrecision();
            int s = x.getScale();
            if (r != null && r < s) {
                int scale = Math.max(r, 0);
                int precision = Math.min(LogicalType.MAX_DECIMAL_PRECISION, 1 + p - s + scale);
                t = tf.createSqlType(SqlTypeName.DECIMAL, precision, scale);
            }
        }
        return tf.createTypeWithNullability(t, nullable);
    }

    @Override
    public List<String> names() {
        return List.of("ROUND", "TRUNCATE", "FLOOR", "CEIL");
    }

    @Override
    public String description() {
        return "ROUND(x [, d]) rounds HALF_UP to d decimal places (default 0; negative d rounds left of the point); "
                + "TRUNCATE(x [, d]) cuts towards zero. Both keep the type of x, except that for x of type "
                + "DECIMAL(p, s) and a constant d < s the result is DECIMAL(1 + p - s + max(d, 0), max(d, 0)) (at most "
                + "38 digits), so ROUND(999.99, 0) is 1000. FLOOR(x) / CEIL(x) round down / up to an integral value "
                + "(never -0.0). "
                + "FLOOR(ts TO unit) / CEIL(ts TO unit) round a DATE or TIMESTAMP down / up to a YEAR, QUARTER, MONTH, "
                + "WEEK (weeks start on Sunday), DAY, HOUR, MINUTE, SECOND or MILLISECOND. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(ROUND, TRUNCATE, SqlStdOperatorTable.FLOOR,
                SqlStdOperatorTable.CEIL);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        LogicalType r = ExprGenerator.typeOf(call);
        boolean isFloorCeil = op == SqlStdOperatorTable.FLOOR || op == SqlStdOperatorTable.CEIL;
        if (isFloorCeil && call.getOperands().size() == 2) {
            return datetimeFloorCeil(gen, call, op == SqlStdOperatorTable.CEIL, r, out);
        }
        GenExpr x = gen.gen(call.getOperands().get(0), out);
        LogicalType t = x.type();
        String jt = JavaTypes.javaType(r);
        if (isFloorCeil) {
            boolean ceil = op == SqlStdOperatorTable.CEIL;
            if (t.root() == TypeRoot.DECIMAL) {
                return gen.strict(List.of(x), r, out, v -> gen.convert(DEC + "." + (ceil ? "ceil" : "floor") + "("
                        + v.get(0) + ")", LogicalType.decimal(38, 0), r));
            }
            if (t.root() == TypeRoot.DOUBLE || t.root() == TypeRoot.FLOAT) {
                // "+ 0.0" turns -0.0 into 0.0, as Flink prints CEIL(-0.5E0)
                return gen.strict(List.of(x), r, out, v -> "(" + jt + ") (Math." + (ceil ? "ceil" : "floor") + "("
                        + v.get(0) + ") + 0.0d)");
            }
            return gen.strict(List.of(x), r, out, v -> gen.convert(v.get(0), t, r));
        }
        boolean round = op == ROUND;
        String m = round ? "round" : "truncate";
        GenExpr d = call.getOperands().size() > 1 ? gen.gen(call.getOperands().get(1), out)
                : GenExpr.of("false", "0", LogicalType.integer().notNull());
        List<GenExpr> args = List.of(x, d);
        if (t.root() == TypeRoot.DECIMAL) {
            return gen.strict(args, r, out, v -> gen.convert(DEC + "." + m + "(" + v.get(0) + ", (int) " + v.get(1)
                    + ")", LogicalType.decimal(38, 18), r).replace(DEC + ".fit(", DEC + ".fit("));
        }
        if (t.root() == TypeRoot.DOUBLE || t.root() == TypeRoot.FLOAT) {
            return gen.strict(args, r, out, v -> "(" + jt + ") " + DEC + "." + m + "((double) " + v.get(0) + ", (int) "
                    + v.get(1) + ")");
        }
        if (t.root().isIntegral()) {
            return gen.strict(args, r, out, v -> "(" + jt + ") " + DEC + "." + m + "((long) " + v.get(0) + ", (int) "
                    + v.get(1) + ")");
        }
        throw new UnsupportedFeatureException(op.getName() + " of " + t);
    }

    private static GenExpr datetimeFloorCeil(ExprGenerator gen, RexCall call, boolean ceil, LogicalType r,
            CodeBuilder out) {
        TimeUnitRange unit = Functions.symbol(call, 1, TimeUnitRange.class);
        int code = TemporalFunctions.unitCode(unit);
        GenExpr x = gen.gen(call.getOperands().get(0), out);
        LogicalType t = x.type();
        String fn = Functions.DT + ".floorCeil(" + code + ", ";
        switch (t.root()) {
            case TIMESTAMP:
            case TIMESTAMP_LTZ: {
                long per = io.sluice.codegen.expr.TimestampCode.perMilli(t);
                if (per == 1) {
                    return gen.strict(List.of(x), r, out, v -> fn + v.get(0) + ", " + ceil + ")");
                }
                // whole milliseconds first (rounded the same way), then the unit
                return gen.strict(List.of(x), r, out, v -> io.sluice.codegen.expr.TimestampCode.rescale(
                        io.sluice.codegen.expr.TimestampCode.fromMillis(fn + (ceil ? "-Math.floorDiv(-" + v.get(0)
                                + ", " + per + "L)" : "Math.floorDiv(" + v.get(0) + ", " + per + "L)") + ", " + ceil
                                + ")", t), t, r));
            }
            case DATE:
                return gen.strict(List.of(x), r, out, v -> "(int) (" + fn + "(long) " + v.get(0) + " * "
                        + Functions.DT + ".MILLIS_PER_DAY, " + ceil + ") / " + Functions.DT + ".MILLIS_PER_DAY)");
            case TIME:
                return gen.strict(List.of(x), r, out, v -> "(int) " + fn + "(long) " + v.get(0) + ", " + ceil + ")");
            default:
                throw new UnsupportedFeatureException((ceil ? "CEIL" : "FLOOR") + " of " + t + " TO " + unit);
        }
    }
}
