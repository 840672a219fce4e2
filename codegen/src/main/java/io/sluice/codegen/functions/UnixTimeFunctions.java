package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
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
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** FROM_UNIXTIME, UNIX_TIMESTAMP and TO_TIMESTAMP_LTZ: conversions between epoch numbers and time. */
public final class UnixTimeFunctions implements BuiltInFunction {
    private static final String DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss";

    public static final SqlFunction FROM_UNIXTIME = new SqlFunction("FROM_UNIXTIME", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE);
    public static final SqlFunction UNIX_TIMESTAMP = new SqlFunction("UNIX_TIMESTAMP", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BIGINT_NULLABLE, null,
            OperandTypes.or(OperandTypes.NILADIC, OperandTypes.family(SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE) {
        @Override
        public boolean isDynamicFunction() {
            return true;
        }
    };
    public static final SqlFunction TO_TIMESTAMP_LTZ = new SqlFunction("TO_TIMESTAMP_LTZ", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3)
                    .andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.or(OperandTypes.CHARACTER, OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_STRING,
                    OperandTypes.NUMERIC, OperandTypes.NUMERIC_INTEGER), SqlFunctionCategory.TIMEDATE);

    @Override
    public List<String> names() {
        return List.of("FROM_UNIXTIME", "UNIX_TIMESTAMP", "TO_TIMESTAMP_LTZ");
    }

    @Override
    public String description() {
        return "FROM_UNIXTIME(n [, fmt]) formats the instant n seconds after 1970-01-01 00:00:00 UTC as wall-clock "
                + "time in the session time zone 'table.local-time-zone' (default format 'yyyy-MM-dd HH:mm:ss'). "
                + "UNIX_TIMESTAMP() is the current time in epoch seconds; UNIX_TIMESTAMP(s [, fmt]) parses s (default "
                + "format 'yyyy-MM-dd HH:mm:ss') as wall-clock time in the session time zone, or in the offset s "
                + "carries, and returns epoch seconds, or -9223372036854775808 when s does not match the format. "
                + "TO_TIMESTAMP_LTZ(n [, precision]) is the TIMESTAMP_LTZ(3) n epoch seconds (precision 0) or "
                + "milliseconds (precision 3, the default) after the epoch; NULL outside years 0000-9999. "
                + "TO_TIMESTAMP_LTZ(s [, fmt [, zone]]) parses s with fmt (default 'yyyy-MM-dd HH:mm:ss.SSS') as "
                + "wall-clock time in zone (default 'UTC'), NULL when s does not match fmt or zone is unknown. "
                + "NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(FROM_UNIXTIME, UNIX_TIMESTAMP, TO_TIMESTAMP_LTZ);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        LogicalType r = ExprGenerator.typeOf(call);
        String dt = Functions.DT;
        if (op == UNIX_TIMESTAMP && call.getOperands().isEmpty()) {
            String val = gen.newName("val");
            out.line("long " + val + " = Math.floorDiv(" + gen.nowMillis() + ", 1000L);");
            return GenExpr.of("false", val, r);
        }
        List<GenExpr> args = gen.genOperands(call, out);
        if (op == TO_TIMESTAMP_LTZ) {
            return toTimestampLtz(gen, args, r, out);
        }
        int formatArg = 1;
        String fixed = null;
        if (args.size() <= formatArg) {
            fixed = formatter(gen, DEFAULT_FORMAT);
        } else if (Functions.constantString(args.get(formatArg)) != null) {
            fixed = formatter(gen, Functions.constantString(args.get(formatArg)));
        }
        String f = fixed;
        String zone = gen.zone();
        if (op == FROM_UNIXTIME) {
            return gen.strict(args, r, out, v -> dt + ".fromUnixtime((long) " + v.get(0) + ", "
                    + (f != null ? f : dt + ".formatter(" + v.get(1) + ")") + ", " + zone + ")");
        }
        return gen.strict(args, r, out, v -> dt + ".unixTimestamp(" + v.get(0) + ", "
                + (f != null ? f : dt + ".formatter(" + v.get(1) + ")") + ", " + zone + ")");
    }

    private static GenExpr toTimestampLtz(ExprGenerator gen, List<GenExpr> args, LogicalType r, CodeBuilder out) {
        if (args.get(0).type().root().isCharacterString()) {
            return stringToLtz(gen, args, r, out);
        }
        int precision = 3;
        if (args.size() > 1) {
            Object p = args.get(1).literal();
            if (!(p instanceof Long)) {
                throw new ValidationException("The precision of TO_TIMESTAMP_LTZ(numeric, precision) must be a "
                        + "constant 0 or 3");
            }
            precision = ((Long) p).intValue();
        }
        if (precision != 0 && precision != 3) {
            throw new ValidationException("The precision value '" + precision + "' for function "
                    + "TO_TIMESTAMP_LTZ(numeric, precision) is unsupported, the supported value is '0' for second or "
                    + "'3' for millisecond.");
        }
        int p = precision;
        TypeRoot t = args.get(0).type().root();
        GenExpr raw = gen.strict(args.subList(0, 1), LogicalType.bigint(), out, v -> Functions.DT + ".epochToLtz("
                + (t == TypeRoot.DECIMAL ? v.get(0) : t == TypeRoot.DOUBLE || t == TypeRoot.FLOAT
                ? "(double) " + v.get(0) : "(long) " + v.get(0)) + ", " + p + ")");
        String isNull = gen.newName("isNull");
        String val = gen.newName("val");
        out.line("boolean " + isNull + " = " + raw.isNull() + " || " + raw.value() + " == " + Functions.DT
                + ".NO_VALUE;");
        out.line(JavaTypes.javaType(r) + " " + val + " = " + isNull + " ? " + JavaTypes.defaultValue(r) + " : "
                + raw.value() + ";");
        return GenExpr.of(isNull, val, r);
    }

    /** TO_TIMESTAMP_LTZ(s [, fmt [, zone]]): the wall-clock time s in zone (default UTC), parsed with fmt. */
    private static GenExpr stringToLtz(ExprGenerator gen, List<GenExpr> args, LogicalType r, CodeBuilder out) {
        String dt = Functions.DT;
        String fixedFormat = args.size() < 2 ? formatter(gen, "yyyy-MM-dd HH:mm:ss.SSS")
                : Functions.constantString(args.get(1)) != null
                ? formatter(gen, Functions.constantString(args.get(1))) : null;
        // the zone: a constant resolved now (an unknown name makes every result NULL), else resolved per row
        String zone;
        if (args.size() < 3) {
            zone = gen.addReference(java.time.ZoneOffset.UTC, "java.time.ZoneId");
        } else if (Functions.constantString(args.get(2)) != null) {
            java.time.ZoneId z = io.sluice.codegen.runtime.DateTimeRuntime.zoneOrNull(
                    Functions.constantString(args.get(2)));
            zone = z == null ? null : gen.addReference(z, "java.time.ZoneId");
        } else {
            zone = "";
        }
        String f = fixedFormat;
        GenExpr raw = gen.strict(args, LogicalType.bigint(), out, v -> zone == null ? dt + ".NO_VALUE"
                : dt + ".stringToLtz(" + v.get(0) + ", " + (f != null ? f : dt + ".formatter(" + v.get(1) + ")") + ", "
                + (zone.isEmpty() ? v.get(2) : zone) + ")");
        String isNull = gen.newName("isNull");
        String val = gen.newName("val");
        out.line("boolean " + isNull + " = " + raw.isNull() + " || " + raw.value() + " == " + dt + ".NO_VALUE;");
        out.line(JavaTypes.javaType(r) + " " + val + " = " + isNull + " ? " + JavaTypes.defaultValue(r) + " : "
                + raw.value() + ";");
        return GenExpr.of(isNull, val, r);
    }

    private static String formatter(ExprGenerator gen, String pattern) {
        try {
            return gen.addReference(DateTimeFormatter.ofPattern(pattern), "java.time.format.DateTimeFormatter");
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid date/time format '" + pattern + "': " + e.getMessage());
        }
    }
}
