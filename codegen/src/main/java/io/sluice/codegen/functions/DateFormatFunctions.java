package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ValidationException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** DATE_FORMAT, TO_DATE, TO_TIMESTAMP with Java (SimpleDateFormat-style) patterns, as in Flink. */
public final class DateFormatFunctions implements BuiltInFunction {
    public static final SqlFunction DATE_FORMAT = new SqlFunction("DATE_FORMAT", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE);
    public static final SqlFunction TO_DATE = new SqlFunction("TO_DATE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.DATE).andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
            null, OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE);
    public static final SqlFunction TO_TIMESTAMP = new SqlFunction("TO_TIMESTAMP", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3)
                    .andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
            null, OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE);

    @Override
    public List<String> names() {
        return List.of("DATE_FORMAT", "TO_DATE", "TO_TIMESTAMP");
    }

    @Override
    public String description() {
        return "DATE_FORMAT(ts, fmt) formats a TIMESTAMP (or a timestamp string) with a pattern such as "
                + "'yyyy-MM-dd HH:mm:ss'. TO_DATE(s [, fmt]) parses a DATE (default 'yyyy-MM-dd'); TO_TIMESTAMP(s [, fmt]) "
                + "parses a TIMESTAMP(3) (default 'yyyy-MM-dd HH:mm:ss'); a string that does not match gives NULL. "
                + "NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(DATE_FORMAT, TO_DATE, TO_TIMESTAMP);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        List<GenExpr> args = gen.genOperands(call, out);
        LogicalType r = ExprGenerator.typeOf(call);
        String dflt = call.getOperator() == TO_DATE ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss";
        String fixed = null;
        if (args.size() < 2) {
            fixed = formatter(gen, dflt);
        } else if (Functions.constantString(args.get(1)) != null) {
            fixed = formatter(gen, Functions.constantString(args.get(1)));
        }
        String f = fixed;
        if (call.getOperator() == DATE_FORMAT) {
            LogicalType t = args.get(0).type();
            boolean ltz = t.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP_LTZ;
            String zone = ltz ? gen.zone() : null;
            String pattern = args.size() < 2 ? null : Functions.constantString(args.get(1));
            if (io.sluice.codegen.expr.JavaTypes.isTimestamp(t) && pattern != null) {
                // a constant pattern: this kernel (one thread) remembers the text of the last day/hour/... formatted
                String cache = gen.addMember("io.sluice.codegen.runtime.DateFormatCache",
                        "new io.sluice.codegen.runtime.DateFormatCache(" + io.sluice.codegen.expr.JavaTypes
                                .stringLiteral(pattern) + ", " + f + ", " + t.precision() + ")");
                return gen.strict(args, r, out, v -> cache + ".format(" + (!ltz ? v.get(0) : t.precision() > 3
                        ? io.sluice.codegen.expr.TimestampCode.ltzToTimestamp(v.get(0), t, zone)
                        : Functions.DT + ".ltzToTimestamp(" + v.get(0) + ", " + zone + ")") + ")");
            }
            if (io.sluice.codegen.expr.JavaTypes.isTimestamp(t) && t.precision() > 3) {
                return gen.strict(args, r, out, v -> Functions.DT + ".format(" + (ltz
                        ? io.sluice.codegen.expr.TimestampCode.ltzToTimestamp(v.get(0), t, zone) : v.get(0)) + ", "
                        + t.precision() + ", " + fmt(f, v) + ")");
            }
            return gen.strict(args, r, out, v -> Functions.DT + ".format(" + (ltz ? Functions.DT + ".ltzToTimestamp("
                    + v.get(0) + ", " + zone + ")" : v.get(0)) + ", " + fmt(f, v) + ")");
        }
        String m = call.getOperator() == TO_DATE ? "toDate" : "toTimestamp";
        GenExpr raw = gen.strict(args, LogicalType.bigint(), out, v -> Functions.DT + "." + m + "(" + v.get(0) + ", "
                + fmt(f, v) + ")");
        String isNull = gen.newName("isNull");
        String val = gen.newName("val");
        out.line("boolean " + isNull + " = " + raw.isNull() + " || " + raw.value() + " == " + Functions.DT
                + ".NO_VALUE;");
        out.line(io.sluice.codegen.expr.JavaTypes.javaType(r) + " " + val + " = " + isNull + " ? "
                + io.sluice.codegen.expr.JavaTypes.defaultValue(r) + " : (" + io.sluice.codegen.expr.JavaTypes.javaType(r)
                + ") " + raw.value() + ";");
        return GenExpr.of(isNull, val, r);
    }

    private static String fmt(String fixed, List<String> v) {
        return fixed != null ? fixed : Functions.DT + ".formatter(" + v.get(1) + ")";
    }

    private static String formatter(ExprGenerator gen, String pattern) {
        try {
            return gen.addReference(DateTimeFormatter.ofPattern(pattern), "java.time.format.DateTimeFormatter");
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid date/time format '" + pattern + "': " + e.getMessage());
        }
    }
}
