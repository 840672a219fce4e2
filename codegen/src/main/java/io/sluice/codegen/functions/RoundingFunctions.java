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
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** ROUND, TRUNCATE, and FLOOR / CEIL of numbers and of datetimes to a unit. */
public final class RoundingFunctions implements BuiltInFunction {
    private static final String DEC = "io.sluice.codegen.runtime.DecimalRuntime";

    @Override
    public List<String> names() {
        return List.of("ROUND", "TRUNCATE", "FLOOR", "CEIL");
    }

    @Override
    public String description() {
        return "ROUND(x [, d]) rounds HALF_UP to d decimal places (default 0; negative d rounds left of the point); "
                + "TRUNCATE(x [, d]) cuts towards zero. FLOOR(x) / CEIL(x) round down / up to an integral value. "
                + "FLOOR(ts TO unit) / CEIL(ts TO unit) round a DATE or TIMESTAMP down / up to a YEAR, QUARTER, MONTH, "
                + "WEEK (weeks start on Sunday), DAY, HOUR, MINUTE, SECOND or MILLISECOND. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.ROUND, SqlStdOperatorTable.TRUNCATE, SqlStdOperatorTable.FLOOR,
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
                return gen.strict(List.of(x), r, out, v -> "(" + jt + ") Math." + (ceil ? "ceil" : "floor") + "("
                        + v.get(0) + ")");
            }
            return gen.strict(List.of(x), r, out, v -> gen.convert(v.get(0), t, r));
        }
        boolean round = op == SqlStdOperatorTable.ROUND;
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
            case TIMESTAMP_LTZ:
                return gen.strict(List.of(x), r, out, v -> fn + v.get(0) + ", " + ceil + ")");
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
