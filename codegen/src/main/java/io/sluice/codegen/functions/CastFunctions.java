package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.codegen.expr.TimestampCode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * CAST and TRY_CAST between the supported types with Flink's rules, and Calcite's internal
 * REINTERPRET (same representation, new type).
 */
public final class CastFunctions implements BuiltInFunction {
    private static final String CR = "io.sluice.codegen.runtime.CastRuntime";
    private static final String DT = "io.sluice.codegen.runtime.DateTimeRuntime";
    private static final String SR = "io.sluice.codegen.runtime.StringRuntime";
    private static final String CCR = "io.sluice.codegen.runtime.CollectionCastRuntime";

    @Override
    public List<String> names() {
        return List.of("CAST", "TRY_CAST");
    }

    @Override
    public String description() {
        return "CAST(x AS type) converts between types. Strings are trimmed before parsing; a string that is not "
                + "a valid value of the target type fails the query with a message naming the value and the type; "
                + "TRY_CAST returns NULL instead. Numeric narrowing wraps (integers) or rounds HALF_UP (DECIMAL; "
                + "NULL on overflow); BOOLEAN prints as TRUE/FALSE; CHAR(n) pads, VARCHAR(n) truncates; "
                + "TIMESTAMP <-> TIMESTAMP_LTZ use the session time zone 'table.local-time-zone'.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.CAST, SqlLibraryOperators.TRY_CAST, SqlStdOperatorTable.REINTERPRET);
    }

    /**
     * CAST of a DECIMAL (or integer) held as an unscaled long to a DECIMAL of precision &le; 18 (rescaled,
     * HALF_UP, NULL when it does not fit), or of such a DECIMAL to an integer type (truncated), without
     * allocating; null when the operand or target does not have that form. Neither can fail, so TRY_CAST is the same.
     */
    private static GenExpr compactDecimalCast(ExprGenerator gen, GenExpr a, LogicalType to, CodeBuilder out) {
        ExprGenerator.UnscaledOperand u = ExprGenerator.unscaledOperand(a);
        if (u == null) {
            return null;
        }
        if (JavaTypes.isCompactDecimal(to)) {
            return gen.strictUnscaled(List.of(a), to, true, out, "io.sluice.codegen.runtime.DecimalRuntime.rescale("
                    + u.code() + ", " + u.scale() + ", " + to.scale() + ", " + to.precision() + ")");
        }
        if (a.unscaled() != null && to.root().isIntegral()) {
            String v = "(" + JavaTypes.javaType(to) + ") (" + u.code() + " / " + BigDecimal.TEN.pow(u.scale())
                    + "L)";
            return GenExpr.of(a.isNull(), v, to);
        }
        return null;
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType to = ExprGenerator.typeOf(call);
        GenExpr a = gen.gen(call.getOperands().get(0), out);
        LogicalType from = a.type();
        if (call.getKind() == SqlKind.REINTERPRET) {
            if (a.value() == null && a.vector() != null) {
                return new GenExpr(a.isNull(), null, to, a.vector(), a.literal());
            }
            if (a.unscaled() != null && JavaTypes.isCompactDecimal(to) && to.scale() == from.scale()
                    && to.precision() >= from.precision()) {
                return a.withType(to);
            }
            return GenExpr.of(a.isNull(), gen.convertReinterpret(gen.value(a, out), from, to), to);
        }
        if (a.alwaysNull() || from.root() == TypeRoot.NULL) {
            return GenExpr.of("true", JavaTypes.defaultValue(to), to);
        }
        if (from.root().isCharacterString() && to.root().isCharacterString() && !needsFit(from, to)) {
            return a.withType(to);
        }
        if (from.sameTypeAs(to)) {
            return a.withType(to);
        }
        if (isConstructed(to)) {
            return constructedCast(gen, call, a, to, out);
        }
        GenExpr compact = compactDecimalCast(gen, a, to, out);
        if (compact != null) {
            return compact;
        }
        boolean safe = call.getKind() == SqlKind.SAFE_CAST || "TRY_CAST".equals(call.getOperator().getName());
        GenExpr r = gen.declare(to, a.isNull(), out);
        out.open("if (!" + r.isNull() + ")");
        if (safe) {
            out.open("try");
        }
        String v = gen.value(a, out);
        out.line(r.value() + " = " + cast(gen, v, from, to) + ";");
        if (JavaTypes.isReference(to)) {
            out.line(r.isNull() + " = " + r.value() + " == null;");
        }
        if (safe) {
            out.reopen("catch (RuntimeException e)");
            out.line(r.isNull() + " = true;");
            out.close();
        }
        out.close();
        return r;
    }

    private static boolean isConstructed(LogicalType t) {
        return t.root() == TypeRoot.ARRAY || t.root() == TypeRoot.MAP || t.root() == TypeRoot.MULTISET
                || t.root() == TypeRoot.ROW;
    }

    /**
     * CAST to ARRAY, MAP, MULTISET or ROW: element by element through {@code CollectionCastRuntime} (checked when the
     * query is planned); TRY_CAST makes the whole value NULL when an element does not convert.
     */
    private static GenExpr constructedCast(ExprGenerator gen, RexCall call, GenExpr a, LogicalType to,
            CodeBuilder out) {
        LogicalType from = a.type();
        io.sluice.codegen.runtime.CollectionCastRuntime.check(from, to);
        boolean safe = call.getKind() == SqlKind.SAFE_CAST || "TRY_CAST".equals(call.getOperator().getName());
        GenExpr r = gen.declare(to, a.isNull(), out);
        out.open("if (!" + r.isNull() + ")");
        if (safe) {
            out.open("try");
        }
        String v = gen.value(a, out);
        out.line(r.value() + " = (" + JavaTypes.javaType(to) + ") " + CCR + ".cast(" + v + ", "
                + gen.typeReference(from) + ", " + gen.typeReference(to) + ");");
        out.line(r.isNull() + " = " + r.value() + " == null;");
        if (safe) {
            out.reopen("catch (RuntimeException e)");
            out.line(r.isNull() + " = true;");
            out.close();
        }
        out.close();
        return r;
    }

    private static boolean needsFit(LogicalType from, LogicalType to) {
        if (to.precision() == LogicalType.MAX_LENGTH) {
            return false;
        }
        if (to.root() == TypeRoot.CHAR) {
            return !(from.root() == TypeRoot.CHAR && from.precision() == to.precision());
        }
        return from.precision() > to.precision();
    }

    /** A Java expression converting the non-null value {@code v} from {@code from} to {@code to}. */
    static String cast(ExprGenerator gen, String v, LogicalType from, LogicalType to) {
        TypeRoot f = from.root();
        TypeRoot t = to.root();
        if (t.isCharacterString()) {
            String s = toStringExpr(gen, v, from);
            return needsFit(from, to) || !f.isCharacterString() && to.precision() != LogicalType.MAX_LENGTH
                    ? SR + ".fitLength(" + s + ", " + to.precision() + ", " + (t == TypeRoot.CHAR) + ")" : s;
        }
        if (f.isCharacterString()) {
            return fromString(gen, v, to);
        }
        if (t.isBinaryString()) {
            if (f.isBinaryString()) {
                return to.precision() == LogicalType.MAX_LENGTH ? v
                        : CR + ".fitBytes(" + v + ", " + to.precision() + ", " + (t == TypeRoot.BINARY) + ")";
            }
            throw unsupported(from, to);
        }
        if (f.isNumeric() && t.isNumeric()) {
            return gen.convert(v, from, to);
        }
        if (f.isNumeric() && t == TypeRoot.BOOLEAN) {
            return f == TypeRoot.DECIMAL ? v + ".signum() != 0" : v + " != 0";
        }
        if (f == TypeRoot.BOOLEAN && t.isNumeric()) {
            if (t == TypeRoot.DECIMAL) {
                return CR + ".decimalOf(" + v + " ? 1L : 0L, " + to.precision() + ", " + to.scale() + ")";
            }
            return "(" + JavaTypes.javaType(to) + ") (" + v + " ? 1 : 0)";
        }
        if (f == t) {
            return JavaTypes.isTimestamp(from) ? TimestampCode.rescale(v, from, to) : v;
        }
        switch (t) {
            case DATE:
                if (f == TypeRoot.TIMESTAMP) {
                    return DT + ".timestampToDate(" + TimestampCode.millis(v, from) + ")";
                }
                if (f == TypeRoot.TIMESTAMP_LTZ) {
                    return DT + ".timestampToDate(" + DT + ".ltzToTimestamp(" + TimestampCode.millis(v, from) + ", "
                            + gen.zone() + "))";
                }
                break;
            case TIME:
                if (f == TypeRoot.TIMESTAMP) {
                    return DT + ".timestampToTime(" + TimestampCode.millis(v, from) + ")";
                }
                if (f == TypeRoot.TIMESTAMP_LTZ) {
                    return DT + ".timestampToTime(" + DT + ".ltzToTimestamp(" + TimestampCode.millis(v, from) + ", "
                            + gen.zone() + "))";
                }
                break;
            case TIMESTAMP:
                if (f == TypeRoot.DATE) {
                    return TimestampCode.fromMillis("(long) " + v + " * " + DT + ".MILLIS_PER_DAY", to);
                }
                if (f == TypeRoot.TIME) {
                    return TimestampCode.fromMillis("(long) " + v, to);
                }
                if (f == TypeRoot.TIMESTAMP_LTZ) {
                    return TimestampCode.rescale(TimestampCode.ltzToTimestamp(v, from, gen.zone()), from, to);
                }
                break;
            case TIMESTAMP_LTZ:
                if (f == TypeRoot.DATE) {
                    return TimestampCode.fromMillis(DT + ".timestampToLtz((long) " + v + " * " + DT
                            + ".MILLIS_PER_DAY, " + gen.zone() + ")", to);
                }
                if (f == TypeRoot.TIMESTAMP) {
                    return TimestampCode.rescale(TimestampCode.timestampToLtz(v, from, gen.zone()), from, to);
                }
                if (f.isIntegral()) {
                    return TimestampCode.fromMillis("(long) " + v + " * 1000L", to);
                }
                break;
            case BIGINT:
            case INTEGER:
            case SMALLINT:
            case TINYINT:
                if (f == TypeRoot.TIMESTAMP_LTZ) {
                    return "(" + JavaTypes.javaType(to) + ") Math.floorDiv(" + v + ", "
                            + io.sluice.runtime.types.TimestampUnits.perSecond(from.precision()) + "L)";
                }
                if (f == TypeRoot.INTERVAL_DAY_TIME || f == TypeRoot.INTERVAL_YEAR_MONTH) {
                    return "(" + JavaTypes.javaType(to) + ") " + v;
                }
                break;
            case INTERVAL_DAY_TIME:
            case INTERVAL_YEAR_MONTH:
                if (f.isIntegral()) {
                    return "(" + JavaTypes.javaType(to) + ") " + v;
                }
                break;
            default:
                break;
        }
        throw unsupported(from, to);
    }

    private static UnsupportedFeatureException unsupported(LogicalType from, LogicalType to) {
        return new UnsupportedFeatureException("CAST from " + from.typeName() + " to " + to.typeName());
    }

    private static String toStringExpr(ExprGenerator gen, String v, LogicalType from) {
        switch (from.root()) {
            case CHAR:
            case VARCHAR:
                return v;
            case BOOLEAN:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
            case DECIMAL:
                return CR + ".toString(" + v + ")";
            case BINARY:
            case VARBINARY:
                return CR + ".toString(" + v + ")";
            case DATE:
                return DT + ".formatDate(" + v + ")";
            case TIME:
                return DT + ".formatTime(" + v + ", " + from.precision() + ")";
            case TIMESTAMP:
                return DT + ".formatTimestamp(" + v + ", " + from.precision() + ")";
            case TIMESTAMP_LTZ:
                return DT + ".formatTimestamp(" + TimestampCode.ltzToTimestamp(v, from, gen.zone()) + ", "
                        + from.precision() + ")";
            case INTERVAL_DAY_TIME:
                return DT + ".formatDayTime(" + v + ")";
            case INTERVAL_YEAR_MONTH:
                return DT + ".formatYearMonth(" + v + ")";
            default:
                throw new UnsupportedFeatureException("CAST from " + from.typeName() + " to STRING");
        }
    }

    private static String fromString(ExprGenerator gen, String s, LogicalType to) {
        switch (to.root()) {
            case BOOLEAN:
                return CR + ".parseBoolean(" + s + ")";
            case TINYINT:
                return CR + ".parseTinyInt(" + s + ")";
            case SMALLINT:
                return CR + ".parseSmallInt(" + s + ")";
            case INTEGER:
                return CR + ".parseInt(" + s + ")";
            case BIGINT:
                return CR + ".parseBigInt(" + s + ")";
            case FLOAT:
                return CR + ".parseFloat(" + s + ")";
            case DOUBLE:
                return CR + ".parseDouble(" + s + ")";
            case DECIMAL:
                return CR + ".parseDecimal(" + s + ", " + to.precision() + ", " + to.scale() + ")";
            case DATE:
                return DT + ".parseDate(" + s + ")";
            case TIME:
                return DT + ".parseTime(" + s + ")";
            case TIMESTAMP:
                return DT + ".parseTimestamp(" + s + ", " + to.precision() + ")";
            case TIMESTAMP_LTZ:
                return TimestampCode.timestampToLtz(DT + ".parseTimestamp(" + s + ", " + to.precision() + ")", to,
                        gen.zone());
            case BINARY:
            case VARBINARY:
                return to.precision() == LogicalType.MAX_LENGTH ? CR + ".toBytes(" + s + ")"
                        : CR + ".fitBytes(" + CR + ".toBytes(" + s + "), " + to.precision() + ", "
                        + (to.root() == TypeRoot.BINARY) + ")";
            default:
                throw new UnsupportedFeatureException("CAST from STRING to " + to.typeName());
        }
    }
}
