package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.codegen.expr.TimestampCode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** EXTRACT, TIMESTAMPADD, TIMESTAMPDIFF (the current-time functions are {@link CurrentTimeFunctions}). */
public final class TemporalFunctions implements BuiltInFunction {
    private static final String DT = Functions.DT;

    @Override
    public List<String> names() {
        return List.of("EXTRACT", "TIMESTAMPADD", "TIMESTAMPDIFF");
    }

    @Override
    public String description() {
        return "EXTRACT(unit FROM x) returns a BIGINT field (YEAR, QUARTER, MONTH, WEEK (ISO), DAY, HOUR, MINUTE, "
                + "SECOND, MILLISECOND, DOW (Sunday = 1), DOY, ...) of a DATE, TIME, TIMESTAMP or interval; "
                + "MILLISECOND, MICROSECOND and NANOSECOND of a time or timestamp count only the fraction of the "
                + "second (EXTRACT(MILLISECOND FROM TIMESTAMP '2024-01-01 00:00:01.250') is 250). "
                + "TIMESTAMPADD(unit, n, ts) adds n units; TIMESTAMPDIFF(unit, t1, t2) counts whole units "
                + "from t1 to t2. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.EXTRACT, SqlStdOperatorTable.TIMESTAMP_ADD,
                SqlStdOperatorTable.TIMESTAMP_DIFF);
    }

    /** The {@code DateTimeRuntime} unit code for a Calcite time unit name. */
    static int unitCode(Enum<?> unit) {
        String name = unit instanceof TimeUnitRange ? ((TimeUnitRange) unit).startUnit.name() : unit.name();
        switch (name) {
            case "YEAR":
                return 0;
            case "QUARTER":
                return 1;
            case "MONTH":
                return 2;
            case "WEEK":
                return 3;
            case "DAY":
                return 4;
            case "HOUR":
                return 5;
            case "MINUTE":
                return 6;
            case "SECOND":
                return 7;
            case "MILLISECOND":
                return 8;
            case "MICROSECOND":
                return 9;
            case "NANOSECOND":
                return 10;
            case "DOW":
                return 11;
            case "DOY":
                return 12;
            case "EPOCH":
                return 13;
            case "DECADE":
                return 14;
            case "CENTURY":
                return 15;
            case "MILLENNIUM":
                return 16;
            case "ISODOW":
                return 17;
            case "ISOYEAR":
                return 18;
            default:
                throw new UnsupportedFeatureException("time unit " + name);
        }
    }

    private static Enum<?> unitOperand(RexCall call, int index) {
        Object v = ((RexLiteral) call.getOperands().get(index)).getValue();
        if (v instanceof TimeUnitRange || v instanceof TimeUnit) {
            return (Enum<?>) v;
        }
        throw new UnsupportedFeatureException("time unit " + v);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        LogicalType r = ExprGenerator.typeOf(call);
        if (op == SqlStdOperatorTable.EXTRACT) {
            return extract(gen, call, r, out);
        }
        if (op == SqlStdOperatorTable.TIMESTAMP_ADD) {
            int unit = unitCode(unitOperand(call, 0));
            GenExpr n = gen.gen(call.getOperands().get(1), out);
            GenExpr t = gen.gen(call.getOperands().get(2), out);
            LogicalType tt = t.type();
            boolean date = tt.root() == TypeRoot.DATE;
            return gen.strict(List.of(n, t), r, out, v -> {
                if (!date && TimestampCode.perMilli(tt) > 1) {
                    String sum = DT + ".timestampAdd(" + unit + ", (long) " + v.get(0) + ", " + v.get(1) + ", "
                            + TimestampCode.perMilli(tt) + "L)";
                    return r.root() == TypeRoot.DATE ? DT + ".timestampToDate(" + TimestampCode.millis(sum, tt) + ")"
                            : TimestampCode.rescale(sum, tt, r);
                }
                String ts = date ? "(long) " + v.get(1) + " * " + DT + ".MILLIS_PER_DAY" : v.get(1);
                String sum = DT + ".timestampAdd(" + unit + ", (long) " + v.get(0) + ", " + ts + ")";
                return r.root() == TypeRoot.DATE ? DT + ".timestampToDate(" + sum + ")"
                        : JavaTypes.isTimestamp(r) ? TimestampCode.fromMillis(sum, r) : sum;
            });
        }
        if (op == SqlStdOperatorTable.TIMESTAMP_DIFF) {
            int unit = unitCode(unitOperand(call, 0));
            GenExpr a = gen.gen(call.getOperands().get(1), out);
            GenExpr b = gen.gen(call.getOperands().get(2), out);
            // a TIMESTAMP_LTZ against a TIMESTAMP or DATE counts in the session time zone's wall clock
            boolean mixed = (a.type().root() == TypeRoot.TIMESTAMP_LTZ)
                    != (b.type().root() == TypeRoot.TIMESTAMP_LTZ);
            if (!mixed && JavaTypes.isTimestamp(a.type()) && JavaTypes.isTimestamp(b.type())
                    && TimestampCode.perMilli(TimestampCode.finer(a.type(), b.type())) > 1) {
                LogicalType common = TimestampCode.finer(a.type(), b.type());
                return gen.strict(List.of(a, b), r, out, v -> "(" + JavaTypes.javaType(r) + ") " + DT
                        + ".timestampDiff(" + unit + ", " + TimestampCode.widen(v.get(0), a.type(), common) + ", "
                        + TimestampCode.widen(v.get(1), b.type(), common) + ", " + TimestampCode.perMilli(common)
                        + "L)");
            }
            return gen.strict(List.of(a, b), r, out, v -> "(" + io.sluice.codegen.expr.JavaTypes.javaType(r) + ") "
                    + DT + ".timestampDiff(" + unit + ", " + millis(gen, v.get(0), a.type(), mixed) + ", "
                    + millis(gen, v.get(1), b.type(), mixed) + ")");
        }
        throw new UnsupportedFeatureException("function " + op.getName());
    }

    private static String millis(ExprGenerator gen, String v, LogicalType t, boolean ltzToLocal) {
        if (ltzToLocal && t.root() == TypeRoot.TIMESTAMP_LTZ) {
            return DT + ".ltzToTimestamp(" + TimestampCode.millis(v, t) + ", " + gen.zone() + ")";
        }
        if (JavaTypes.isTimestamp(t)) {
            return "(long) " + TimestampCode.millis(v, t);
        }
        return t.root() == TypeRoot.DATE ? "(long) " + v + " * " + DT + ".MILLIS_PER_DAY" : "(long) " + v;
    }

    private GenExpr extract(ExprGenerator gen, RexCall call, LogicalType r, CodeBuilder out) {
        int unit = unitCode(unitOperand(call, 0));
        GenExpr x = gen.gen(call.getOperands().get(1), out);
        LogicalType t = x.type();
        String fn;
        switch (t.root()) {
            case DATE:
                fn = DT + ".extract(" + unit + ", (long) $ * " + DT + ".MILLIS_PER_DAY)";
                break;
            case TIME:
                fn = DT + ".extract(" + unit + ", (long) $)";
                break;
            case TIMESTAMP:
                fn = DT + ".extract(" + unit + ", (long) $, " + TimestampCode.perMilli(t) + "L)";
                break;
            case TIMESTAMP_LTZ:
                fn = DT + ".extract(" + unit + ", " + TimestampCode.ltzToTimestamp("$", t, gen.zone()) + ", "
                        + TimestampCode.perMilli(t) + "L)";
                break;
            case INTERVAL_DAY_TIME:
                fn = DT + ".extractFromDayTime(" + unit + ", $)";
                break;
            case INTERVAL_YEAR_MONTH:
                fn = DT + ".extractFromYearMonth(" + unit + ", $)";
                break;
            default:
                throw new UnsupportedFeatureException("EXTRACT from " + t);
        }
        String jt = io.sluice.codegen.expr.JavaTypes.javaType(r);
        return gen.strict(List.of(x), r, out, v -> "(" + jt + ") " + fn.replace("$", v.get(0)));
    }
}
