package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.codegen.expr.TimestampCode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * {@code = <> < <= > >=}: comparisons across numeric types, strings (code-point order), bytes and datetimes;
 * {@code =} and {@code <>} also between ARRAY, MAP, MULTISET and ROW values (deep equality, as Flink).
 */
public final class ComparisonFunctions implements BuiltInFunction {
    private static final String RT = "io.sluice.codegen.runtime.StringRuntime";
    private static final String DEC = "io.sluice.codegen.runtime.DecimalRuntime";

    @Override
    public List<String> names() {
        return List.of("=", "<>", "<", "<=", ">", ">=");
    }

    @Override
    public String description() {
        return "Compares two values; NULL if either side is NULL. Numbers of different types compare by value; "
                + "strings compare by Unicode code point (the order of their UTF-8 bytes); BOOLEAN FALSE < TRUE; "
                + "a TIMESTAMP compares with a TIMESTAMP_LTZ as the instant it denotes in the session time zone; "
                + "ARRAY, MAP, MULTISET and ROW values are equal when their elements, entries or fields are "
                + "(= and <> only).";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.EQUALS, SqlStdOperatorTable.NOT_EQUALS, SqlStdOperatorTable.LESS_THAN,
                SqlStdOperatorTable.LESS_THAN_OR_EQUAL, SqlStdOperatorTable.GREATER_THAN,
                SqlStdOperatorTable.GREATER_THAN_OR_EQUAL);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String op;
        switch (call.getKind()) {
            case EQUALS:
                op = "==";
                break;
            case NOT_EQUALS:
                op = "!=";
                break;
            case LESS_THAN:
                op = "<";
                break;
            case LESS_THAN_OR_EQUAL:
                op = "<=";
                break;
            case GREATER_THAN:
                op = ">";
                break;
            default:
                op = ">=";
        }
        if (op.equals("==") || op.equals("!=")) {
            GenExpr folded = caseFoldedEquals(gen, call, op, out);
            if (folded != null) {
                return folded;
            }
        }
        List<GenExpr> args = gen.genOperands(call, out);
        GenExpr a = args.get(0);
        GenExpr b = args.get(1);
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), nullCheck(a, b), out);
        out.open("if (!" + r.isNull() + ")");
        out.line(r.value() + " = " + condition(gen, a, b, op, out) + ";");
        out.close();
        return r;
    }

    /**
     * {@code LOWER(column) = 'literal'} (or UPPER, or {@code <>}, either side) where the literal is ASCII and its own
     * case mapping: compares the column's bytes case-insensitively instead of decoding and mapping a string per row
     * (see {@link io.sluice.codegen.runtime.Utf8View#caseFoldedEquals}); null when the call is not of that form.
     */
    private static GenExpr caseFoldedEquals(ExprGenerator gen, RexCall call, String op, CodeBuilder out) {
        RexNode x = call.getOperands().get(0);
        RexNode y = call.getOperands().get(1);
        if (x instanceof RexLiteral) {
            RexNode t = x;
            x = y;
            y = t;
        }
        if (!(x instanceof RexCall) || !(y instanceof RexLiteral) || ((RexLiteral) y).isNull()) {
            return null;
        }
        RexCall fold = (RexCall) x;
        boolean upper = fold.getOperator() == SqlStdOperatorTable.UPPER;
        if (!upper && fold.getOperator() != SqlStdOperatorTable.LOWER || fold.getOperands().size() != 1
                || !(fold.getOperands().get(0) instanceof RexInputRef)
                || !ExprGenerator.typeOf(fold.getOperands().get(0)).root().isCharacterString()) {
            return null;
        }
        String lit = ((RexLiteral) y).getValueAs(String.class);
        if (lit == null || !lit.chars().allMatch(c -> c < 0x80)
                || !lit.equals(upper ? lit.toUpperCase(Locale.ROOT) : lit.toLowerCase(Locale.ROOT))) {
            return null;
        }
        GenExpr column = gen.gen(fold.getOperands().get(0), out);
        if (!ExprGenerator.isStringColumn(column)) {
            throw new IllegalStateException("a string column reference was not generated as one: " + fold);
        }
        String bytes = gen.addReference(lit.getBytes(StandardCharsets.US_ASCII), "byte[]");
        String view = gen.addMember("io.sluice.codegen.runtime.Utf8View", "new io.sluice.codegen.runtime.Utf8View()");
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), column.neverNull() ? "false" : column.isNull(), out);
        out.open("if (!" + r.isNull() + ")");
        out.line(r.value() + " = " + (op.equals("!=") ? "!" : "") + view + ".load(" + column.vector() + ", "
                + ExprGenerator.ROW + ").caseFoldedEquals(" + bytes + ", " + upper + ");");
        out.close();
        return r;
    }

    static String nullCheck(GenExpr a, GenExpr b) {
        if (a.neverNull()) {
            return b.isNull();
        }
        if (b.neverNull()) {
            return a.isNull();
        }
        return a.isNull() + " || " + b.isNull();
    }

    /**
     * A Java boolean expression for {@code a op b} with both sides non-null; {@code op} is a Java
     * comparison operator. May emit decoding statements into {@code out}.
     */
    static String condition(ExprGenerator gen, GenExpr a, GenExpr b, String op, CodeBuilder out) {
        LogicalType ta = a.type();
        LogicalType tb = b.type();
        String row = ExprGenerator.ROW;
        if (ta.root().isCharacterString() && tb.root().isCharacterString()) {
            if (a.vector() == null && b.vector() != null) {
                return condition(gen, b, a, flip(op), out);
            }
            if (a.vector() != null && b.isConstant()) {
                String lit = gen.addReference(
                        ((String) b.literal()).getBytes(java.nio.charset.StandardCharsets.UTF_8), "byte[]");
                if (op.equals("==")) {
                    return RT + ".equalsUtf8(" + a.vector() + ", " + row + ", " + lit + ")";
                }
                if (op.equals("!=")) {
                    return "!" + RT + ".equalsUtf8(" + a.vector() + ", " + row + ", " + lit + ")";
                }
                return RT + ".compareUtf8(" + a.vector() + ", " + row + ", " + lit + ") " + op + " 0";
            }
            if (a.vector() != null && b.vector() != null) {
                return RT + ".compareUtf8(" + a.vector() + ", " + row + ", " + b.vector() + ", " + row + ") " + op
                        + " 0";
            }
            String x = gen.value(a, out);
            String y = gen.value(b, out);
            if (op.equals("==")) {
                return x + ".equals(" + y + ")";
            }
            if (op.equals("!=")) {
                return "!" + x + ".equals(" + y + ")";
            }
            return RT + ".compare(" + x + ", " + y + ") " + op + " 0";
        }
        if (isConstructed(ta) && isConstructed(tb) && (op.equals("==") || op.equals("!="))) {
            String eq = "io.sluice.codegen.runtime.CollectionRuntime.equal(" + gen.value(a, out) + ", "
                    + gen.value(b, out) + ")";
            return op.equals("==") ? eq : "!" + eq;
        }
        if (ta.root().isBinaryString() && tb.root().isBinaryString()) {
            return RT + ".compareBytes(" + gen.value(a, out) + ", " + gen.value(b, out) + ") " + op + " 0";
        }
        if (ta.root() == TypeRoot.DECIMAL || tb.root() == TypeRoot.DECIMAL) {
            ExprGenerator.UnscaledOperand ua = ExprGenerator.unscaledOperand(a);
            ExprGenerator.UnscaledOperand ub = ExprGenerator.unscaledOperand(b);
            if (ua != null && ub != null) {
                return ua.scale() == ub.scale() ? ua.code() + " " + op + " " + ub.code()
                        : DEC + ".compare(" + ua.code() + ", " + ua.scale() + ", " + ub.code() + ", " + ub.scale()
                        + ") " + op + " 0";
            }
        }
        String x = gen.value(a, out);
        String y = gen.value(b, out);
        if (ta.root() == TypeRoot.BOOLEAN && tb.root() == TypeRoot.BOOLEAN) {
            return op.equals("==") || op.equals("!=") ? x + " " + op + " " + y
                    : "Boolean.compare(" + x + ", " + y + ") " + op + " 0";
        }
        if (JavaTypes.isNumeric(ta) && JavaTypes.isNumeric(tb)) {
            int ra = JavaTypes.numericRank(ta);
            int rb = JavaTypes.numericRank(tb);
            boolean floating = ra >= 6 || rb >= 6;
            if (!floating && (ra == 5 || rb == 5)) {
                return toDecimal(x, ta) + ".compareTo(" + toDecimal(y, tb) + ") " + op + " 0";
            }
            if (floating) {
                return toDouble(x, ta) + " " + op + " " + toDouble(y, tb);
            }
            return x + " " + op + " " + y;
        }
        if (ta.root() == TypeRoot.TIMESTAMP && tb.root() == TypeRoot.TIMESTAMP_LTZ) {
            x = TimestampCode.timestampToLtz(x, ta, gen.zone());
        } else if (ta.root() == TypeRoot.TIMESTAMP_LTZ && tb.root() == TypeRoot.TIMESTAMP) {
            y = TimestampCode.timestampToLtz(y, tb, gen.zone());
        }
        if (JavaTypes.isTimestamp(ta) && JavaTypes.isTimestamp(tb)) {
            // TIMESTAMP(3) against TIMESTAMP(6): compare in the finer unit
            LogicalType common = TimestampCode.finer(ta, tb);
            x = TimestampCode.widen(x, ta, common);
            y = TimestampCode.widen(y, tb, common);
        }
        boolean sameFamily = ta.root() == tb.root()
                || (JavaTypes.isTimestamp(ta) && JavaTypes.isTimestamp(tb));
        if (sameFamily && !JavaTypes.isReference(ta)) {
            return x + " " + op + " " + y;
        }
        throw new UnsupportedFeatureException("comparison between " + ta + " and " + tb);
    }

    private static boolean isConstructed(LogicalType t) {
        switch (t.root()) {
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW:
                return true;
            default:
                return false;
        }
    }

    private static String toDecimal(String v, LogicalType t) {
        return t.root() == TypeRoot.DECIMAL ? v : "java.math.BigDecimal.valueOf((long) (" + v + "))";
    }

    private static String toDouble(String v, LogicalType t) {
        return t.root() == TypeRoot.DECIMAL ? v + ".doubleValue()" : "(double) (" + v + ")";
    }

    static String flip(String op) {
        switch (op) {
            case "<":
                return ">";
            case "<=":
                return ">=";
            case ">":
                return "<";
            case ">=":
                return "<=";
            default:
                return op;
        }
    }
}
