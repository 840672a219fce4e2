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
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * {@code + - * / %}, MOD, unary minus/plus, datetime +/- interval, {@code (d1 - d2) unit} and
 * interval arithmetic, with the result type the validator derived.
 */
public final class ArithmeticFunctions implements BuiltInFunction {
    private static final String DEC = "io.sluice.codegen.runtime.DecimalRuntime";
    private static final String DT = "io.sluice.codegen.runtime.DateTimeRuntime";

    @Override
    public List<String> names() {
        return List.of("+", "-", "*", "/", "%", "MOD");
    }

    @Override
    public String description() {
        return "Arithmetic with NULL in, NULL out. Integer results wrap on overflow as in Java; integer division "
                + "or MOD by zero fails the query ('/ by zero'); DECIMAL results are rounded HALF_UP to the result "
                + "scale and become NULL when they exceed the result precision, DECIMAL division by zero fails; "
                + "DOUBLE/FLOAT division by zero gives Infinity or NaN. Datetime +/- interval shifts the value; "
                + "(d1 - d2) unit gives the interval between two datetimes.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.PLUS, SqlStdOperatorTable.MINUS, SqlStdOperatorTable.MULTIPLY,
                SqlStdOperatorTable.DIVIDE, SqlStdOperatorTable.DIVIDE_INTEGER, SqlStdOperatorTable.PERCENT_REMAINDER,
                SqlStdOperatorTable.MOD, SqlStdOperatorTable.UNARY_MINUS, SqlStdOperatorTable.UNARY_PLUS,
                SqlStdOperatorTable.DATETIME_PLUS, SqlStdOperatorTable.MINUS_DATE);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType r = ExprGenerator.typeOf(call);
        List<GenExpr> args = gen.genOperands(call, out);
        SqlKind kind = call.getKind();
        if (kind == SqlKind.MINUS_PREFIX) {
            LogicalType t = args.get(0).type();
            if (args.get(0).unscaled() != null && JavaTypes.isCompactDecimal(r)) {
                // |unscaled| < 10^18, so negating never overflows a long
                String neg = "-" + args.get(0).unscaled();
                boolean same = t.scale() == r.scale() && t.precision() <= r.precision();
                return gen.strictUnscaled(args, r, !same, out, same ? neg
                        : DEC + ".rescale(" + neg + ", " + t.scale() + ", " + r.scale() + ", " + r.precision() + ")");
            }
            return gen.strict(args, r, out, v -> t.root() == TypeRoot.DECIMAL ? v.get(0) + ".negate()"
                    : "(" + JavaTypes.javaType(r) + ") -" + gen.convert(v.get(0), t, r));
        }
        if (kind == SqlKind.PLUS_PREFIX) {
            return args.get(0);
        }
        LogicalType ta = args.get(0).type();
        LogicalType tb = args.get(1).type();
        if (call.getOperator() == SqlStdOperatorTable.MINUS_DATE && isDatetime(ta) && isInterval(tb)) {
            return gen.strict(args, r, out, v -> datetimePlus(v.get(0), ta, v.get(1), tb, true, r));
        }
        if (call.getOperator() == SqlStdOperatorTable.MINUS_DATE) {
            return gen.strict(args, r, out, v -> dateDiff(gen, v.get(0), ta, v.get(1), tb, r));
        }
        if (isDatetime(ta) || isDatetime(tb)) {
            boolean swap = !isDatetime(ta);
            boolean minus = kind == SqlKind.MINUS;
            return gen.strict(args, r, out, v -> datetimePlus(swap ? v.get(1) : v.get(0), swap ? tb : ta,
                    swap ? v.get(0) : v.get(1), swap ? ta : tb, minus, r));
        }
        boolean intervalResult = r.root() == TypeRoot.INTERVAL_DAY_TIME || r.root() == TypeRoot.INTERVAL_YEAR_MONTH;
        if (intervalResult) {
            return gen.strict(args, r, out, v -> "(" + JavaTypes.javaType(r) + ") (" + numeric(v.get(0), ta) + " "
                    + javaOp(kind) + " " + numeric(v.get(1), tb) + ")");
        }
        if (!JavaTypes.isNumeric(r) || !JavaTypes.isNumeric(ta) && !isInterval(ta)
                || !JavaTypes.isNumeric(tb) && !isInterval(tb)) {
            throw new UnsupportedFeatureException("arithmetic " + call.getOperator().getName() + " on " + ta + " and "
                    + tb);
        }
        if (r.root() == TypeRoot.DECIMAL) {
            GenExpr compact = compactDecimal(gen, kind, args, r, out);
            if (compact != null) {
                return compact;
            }
            GenExpr wide = wideDecimal(gen, kind, args, r, out);
            if (wide != null) {
                return wide;
            }
            return gen.strict(args, r, out, v -> decimal(kind, decimalOf(v.get(0), ta), decimalOf(v.get(1), tb), r));
        }
        String jt = JavaTypes.javaType(r);
        if (r.root() == TypeRoot.FLOAT || r.root() == TypeRoot.DOUBLE) {
            return gen.strict(args, r, out, v -> "(" + jt + ") (" + doubleOf(v.get(0), ta) + " " + javaOp(kind) + " "
                    + doubleOf(v.get(1), tb) + ")");
        }
        return gen.strict(args, r, out, v -> "(" + jt + ") (" + longOf(v.get(0), ta) + " " + javaOp(kind) + " "
                + longOf(v.get(1), tb) + ")");
    }

    private static String javaOp(SqlKind kind) {
        switch (kind) {
            case PLUS:
                return "+";
            case MINUS:
                return "-";
            case TIMES:
                return "*";
            case DIVIDE:
                return "/";
            case MOD:
                return "%";
            default:
                throw new UnsupportedFeatureException("arithmetic operator " + kind);
        }
    }

    private static boolean isDatetime(LogicalType t) {
        TypeRoot r = t.root();
        return r == TypeRoot.DATE || r == TypeRoot.TIME || r == TypeRoot.TIMESTAMP || r == TypeRoot.TIMESTAMP_LTZ;
    }

    private static boolean isInterval(LogicalType t) {
        return t.root() == TypeRoot.INTERVAL_DAY_TIME || t.root() == TypeRoot.INTERVAL_YEAR_MONTH;
    }

    private static String numeric(String v, LogicalType t) {
        return t.root() == TypeRoot.DECIMAL ? v + ".doubleValue()" : v;
    }

    private static String decimalOf(String v, LogicalType t) {
        if (t.root() == TypeRoot.DECIMAL) {
            return v;
        }
        if (t.root() == TypeRoot.FLOAT || t.root() == TypeRoot.DOUBLE) {
            return "java.math.BigDecimal.valueOf((double) " + v + ")";
        }
        return "java.math.BigDecimal.valueOf((long) " + v + ")";
    }

    private static String doubleOf(String v, LogicalType t) {
        return t.root() == TypeRoot.DECIMAL ? v + ".doubleValue()" : "(double) " + v;
    }

    private static String longOf(String v, LogicalType t) {
        return t.root() == TypeRoot.DECIMAL ? v + ".longValue()" : "(long) " + v;
    }

    /**
     * {@code + - * / MOD} of DECIMAL (or integer) operands held as unscaled longs into a DECIMAL result of precision
     * &le; 18, without allocating; null when an operand or the result does not have that form. Where the result
     * type guarantees the exact result fits (same scales, enough precision) the long operation is emitted inline.
     * Division and MOD are exact integer arithmetic in {@code DecimalRuntime} (HALF_UP to the result scale; by
     * zero they fail like the {@code BigDecimal} kernels).
     */
    private static GenExpr compactDecimal(ExprGenerator gen, SqlKind kind, List<GenExpr> args, LogicalType r,
            CodeBuilder out) {
        if (!JavaTypes.isCompactDecimal(r) || kind != SqlKind.PLUS && kind != SqlKind.MINUS && kind != SqlKind.TIMES
                && kind != SqlKind.DIVIDE && kind != SqlKind.MOD) {
            return null;
        }
        ExprGenerator.UnscaledOperand a = ExprGenerator.unscaledOperand(args.get(0));
        ExprGenerator.UnscaledOperand b = ExprGenerator.unscaledOperand(args.get(1));
        if (a == null || b == null) {
            return null;
        }
        LogicalType ta = args.get(0).type();
        LogicalType tb = args.get(1).type();
        boolean decimals = ta.root() == TypeRoot.DECIMAL && tb.root() == TypeRoot.DECIMAL;
        boolean additive = kind == SqlKind.PLUS || kind == SqlKind.MINUS;
        if (decimals && additive && a.scale() == r.scale() && b.scale() == r.scale()
                && r.precision() > Math.max(ta.precision(), tb.precision())) {
            return gen.strictUnscaled(args, r, false, out, a.code() + " " + javaOp(kind) + " " + b.code());
        }
        if (decimals && kind == SqlKind.TIMES && a.scale() + b.scale() == r.scale()
                && ta.precision() + tb.precision() <= r.precision()) {
            return gen.strictUnscaled(args, r, false, out, a.code() + " * " + b.code());
        }
        String method = kind == SqlKind.PLUS ? "add" : kind == SqlKind.MINUS ? "subtract"
                : kind == SqlKind.TIMES ? "multiply" : kind == SqlKind.DIVIDE ? "divide" : "mod";
        return gen.strictUnscaled(args, r, true, out, DEC + "." + method + "(" + a.code() + ", " + a.scale() + ", "
                + b.code() + ", " + b.scale() + ", " + r.precision() + ", " + r.scale() + ")");
    }

    /** An operand of {@link #wideDecimal}: a long expression at a scale, valid while {@code big} is null. */
    private record LongForm(String code, int scale, String big, String bigValue) {
    }

    private static LongForm longForm(GenExpr e) {
        if (e.wideUnscaled() != null) {
            return new LongForm(e.wideUnscaled(), e.type().scale(), e.wideBig(), e.value());
        }
        ExprGenerator.UnscaledOperand u = ExprGenerator.unscaledOperand(e);
        return u == null ? null : new LongForm(u.code(), u.scale(), null,
                "java.math.BigDecimal.valueOf(" + u.code() + ", " + u.scale() + ")");
    }

    /**
     * {@code + - *} of operands held as longs (compact DECIMALs, integers, or earlier wide results still held as
     * longs) into a DECIMAL result of precision above 18 whose scale needs no rounding: computed on longs with an
     * overflow check (any long fits 19 digits), and only on overflow (or for an operand already held as a
     * {@code BigDecimal}) with {@code BigDecimal}. Null when the operands or the scales do not have that form.
     */
    private static GenExpr wideDecimal(ExprGenerator gen, SqlKind kind, List<GenExpr> args, LogicalType r,
            CodeBuilder out) {
        if (JavaTypes.isCompactDecimal(r) || kind != SqlKind.PLUS && kind != SqlKind.MINUS && kind != SqlKind.TIMES) {
            return null;
        }
        LongForm a = longForm(args.get(0));
        LongForm b = longForm(args.get(1));
        if (a == null || b == null) {
            return null;
        }
        boolean scalesFit = kind == SqlKind.TIMES ? a.scale() + b.scale() == r.scale()
                : a.scale() == r.scale() && b.scale() == r.scale();
        if (!scalesFit) {
            return null;
        }
        StringBuilder anyNull = new StringBuilder();
        for (GenExpr e : args) {
            if (!e.neverNull()) {
                anyNull.append(anyNull.length() > 0 ? " || " : "").append(e.isNull());
            }
        }
        String isNull = gen.newName("isNull");
        String u = gen.newName("unscaled");
        String big = gen.newName("big");
        String lo = gen.newName("lo");
        out.line("boolean " + isNull + " = " + (anyNull.length() == 0 ? "false" : anyNull) + ";");
        out.line("long " + u + " = 0L;");
        out.line("java.math.BigDecimal " + big + " = null;");
        String slow = big + " = " + decimal(kind, a.bigValue(), b.bigValue(), r) + ";";
        out.open("if (!" + isNull + ")");
        String fast = a.big() == null && b.big() == null ? "true"
                : a.big() == null ? b.big() + " == null" : b.big() == null ? a.big() + " == null"
                : a.big() + " == null && " + b.big() + " == null";
        out.open("if (" + fast + ")");
        String x = "(" + a.code() + ")";
        String y = "(" + b.code() + ")";
        String fits;
        if (kind == SqlKind.TIMES) {
            out.line("long " + lo + " = " + x + " * " + y + ";");
            String hi = gen.newName("hi");
            out.line("long " + hi + " = Math.multiplyHigh(" + x + ", " + y + ");");
            fits = "(" + hi + " == 0L && " + lo + " >= 0L) || (" + hi + " == -1L && " + lo + " < 0L)";
        } else if (kind == SqlKind.PLUS) {
            out.line("long " + lo + " = " + x + " + " + y + ";");
            fits = "((" + x + " ^ " + lo + ") & (" + y + " ^ " + lo + ")) >= 0L";
        } else {
            out.line("long " + lo + " = " + x + " - " + y + ";");
            fits = "((" + x + " ^ " + y + ") & (" + x + " ^ " + lo + ")) >= 0L";
        }
        out.open("if (" + fits + ")");
        out.line(u + " = " + lo + ";");
        out.reopen("else");
        out.line(slow);
        out.line(isNull + " = " + big + " == null;");
        out.close();
        out.reopen("else");
        out.line(slow);
        out.line(isNull + " = " + big + " == null;");
        out.close();
        out.close();
        return GenExpr.wideDecimal(isNull, u, big, r);
    }

    private static String decimal(SqlKind kind, String a, String b, LogicalType r) {
        String ps = r.precision() + ", " + r.scale();
        switch (kind) {
            case PLUS:
                return DEC + ".fit(" + a + ".add(" + b + "), " + ps + ")";
            case MINUS:
                return DEC + ".fit(" + a + ".subtract(" + b + "), " + ps + ")";
            case TIMES:
                return DEC + ".fit(" + a + ".multiply(" + b + "), " + ps + ")";
            case DIVIDE:
                return DEC + ".divide(" + a + ", " + b + ", " + ps + ")";
            case MOD:
                return DEC + ".mod(" + a + ", " + b + ", " + ps + ")";
            default:
                throw new UnsupportedFeatureException("DECIMAL operator " + kind);
        }
    }

    private static String diffMillis(ExprGenerator gen, String v, LogicalType t, boolean ltzToLocal) {
        if (t.root() == TypeRoot.DATE) {
            return "((long) " + v + " * " + DT + ".MILLIS_PER_DAY)";
        }
        if (ltzToLocal && t.root() == TypeRoot.TIMESTAMP_LTZ) {
            return DT + ".ltzToTimestamp(" + TimestampCode.millis(v, t) + ", " + gen.zone() + ")";
        }
        return JavaTypes.isTimestamp(t) ? "(long) " + TimestampCode.millis(v, t) : "(long) " + v;
    }

    /** Converts a datetime value of type {@code t} to the representation of {@code r} (DATE/TIME/TIMESTAMP). */
    private static String toResult(String v, LogicalType t, LogicalType r) {
        if (JavaTypes.isTimestamp(t) && JavaTypes.isTimestamp(r)) {
            return TimestampCode.rescale(v, t, r);
        }
        if (t.root() == r.root()) {
            return v;
        }
        if (t.root() == TypeRoot.DATE && JavaTypes.isTimestamp(r)) {
            return "(" + TimestampCode.fromMillis("(long) " + v + " * " + DT + ".MILLIS_PER_DAY", r) + ")";
        }
        if (JavaTypes.isTimestamp(t) && r.root() == TypeRoot.DATE) {
            return DT + ".timestampToDate(" + TimestampCode.millis(v, t) + ")";
        }
        throw new UnsupportedFeatureException("datetime arithmetic from " + t + " to " + r);
    }

    private static String datetimePlus(String d, LogicalType td, String iv, LogicalType ti, boolean minus,
            LogicalType r) {
        String sign = minus ? "-" : "";
        String base = toResult(d, td, r);
        boolean months = ti.root() == TypeRoot.INTERVAL_YEAR_MONTH;
        switch (r.root()) {
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                if (months) {
                    long perMilli = TimestampCode.perMilli(r);
                    return DT + ".addMonths(" + base + ", " + sign + "(int) " + iv
                            + (perMilli == 1 ? ")" : ", " + perMilli + "L)");
                }
                long per = TimestampCode.perMilli(r);
                return base + " " + (minus ? "-" : "+") + " " + (per == 1 ? iv : "(" + iv + ") * " + per + "L");
            case DATE:
                return months ? DT + ".addMonthsToDate(" + base + ", " + sign + "(int) " + iv + ")"
                        : "(int) (" + base + " " + (minus ? "-" : "+") + " Math.floorDiv(" + iv + ", "
                        + DT + ".MILLIS_PER_DAY))";
            case TIME:
                return months ? base : "(int) Math.floorMod(" + base + " " + (minus ? "-" : "+") + " " + iv + ", "
                        + DT + ".MILLIS_PER_DAY)";
            default:
                throw new UnsupportedFeatureException("datetime arithmetic with result " + r);
        }
    }

    private static String dateDiff(ExprGenerator gen, String a, LogicalType ta, String b, LogicalType tb,
            LogicalType r) {
        // a TIMESTAMP_LTZ against a TIMESTAMP counts in the session time zone's wall clock
        boolean mixed = (ta.root() == TypeRoot.TIMESTAMP_LTZ) != (tb.root() == TypeRoot.TIMESTAMP_LTZ);
        if (!mixed && r.root() == TypeRoot.INTERVAL_DAY_TIME && JavaTypes.isTimestamp(ta) && JavaTypes.isTimestamp(tb)
                && TimestampCode.perMilli(TimestampCode.finer(ta, tb)) > 1) {
            // sub-millisecond timestamps: subtract exactly, then count whole milliseconds
            LogicalType common = TimestampCode.finer(ta, tb);
            return "(" + TimestampCode.widen(a, ta, common) + " - " + TimestampCode.widen(b, tb, common) + ") / "
                    + TimestampCode.perMilli(common) + "L";
        }
        String ma = diffMillis(gen, a, ta, mixed);
        String mb = diffMillis(gen, b, tb, mixed);
        if (r.root() == TypeRoot.INTERVAL_YEAR_MONTH) {
            return DT + ".monthsBetween(" + ma + ", " + mb + ")";
        }
        return ma + " - " + mb;
    }
}
