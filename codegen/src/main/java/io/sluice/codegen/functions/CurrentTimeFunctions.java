package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlAbstractTimeFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.rex.RexCall;

/**
 * The current-time functions with Flink's types: CURRENT_TIMESTAMP, NOW() and CURRENT_ROW_TIMESTAMP() are
 * TIMESTAMP_LTZ(3) NOT NULL, LOCALTIMESTAMP is TIMESTAMP(3) NOT NULL, CURRENT_TIME and LOCALTIME are TIME(0)
 * NOT NULL, CURRENT_DATE is DATE NOT NULL. They shadow Calcite's operators of the same names, whose
 * timestamps have precision 0 and no time zone.
 */
public final class CurrentTimeFunctions implements BuiltInFunction {
    /** CURRENT_TIMESTAMP: the current instant, TIMESTAMP_LTZ(3) NOT NULL. */
    public static final SqlFunction CURRENT_TIMESTAMP =
            new ContextTimeFunction("CURRENT_TIMESTAMP", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
    /** LOCALTIMESTAMP: the wall clock in the session time zone, TIMESTAMP(3) NOT NULL. */
    public static final SqlFunction LOCALTIMESTAMP =
            new ContextTimeFunction("LOCALTIMESTAMP", SqlTypeName.TIMESTAMP, 3);
    /** CURRENT_TIME: the wall-clock time of day in the session time zone, TIME(0) NOT NULL. */
    public static final SqlFunction CURRENT_TIME = new ContextTimeFunction("CURRENT_TIME", SqlTypeName.TIME, 0);
    /** LOCALTIME: the same as CURRENT_TIME. */
    public static final SqlFunction LOCALTIME = new ContextTimeFunction("LOCALTIME", SqlTypeName.TIME, 0);
    /** CURRENT_DATE: the wall-clock date in the session time zone, DATE NOT NULL. */
    public static final SqlFunction CURRENT_DATE = new ContextTimeFunction("CURRENT_DATE", SqlTypeName.DATE, 0);
    /** NOW(): the same as CURRENT_TIMESTAMP. */
    public static final SqlFunction NOW = niladicLtz("NOW");
    /** CURRENT_ROW_TIMESTAMP(): the current instant, per row (here: per batch), TIMESTAMP_LTZ(3) NOT NULL. */
    public static final SqlFunction CURRENT_ROW_TIMESTAMP = niladicLtz("CURRENT_ROW_TIMESTAMP");

    private static final String DT = Functions.DT;

    /**
     * A niladic function written without parentheses (SQL's CURRENT_TIMESTAMP, ...) of a fixed type and a default
     * precision; an explicit precision argument ({@code CURRENT_TIMESTAMP(0)}) overrides the default.
     */
    private static final class ContextTimeFunction extends SqlAbstractTimeFunction {
        private final SqlTypeName typeName;
        private final int defaultPrecision;

        ContextTimeFunction(String name, SqlTypeName typeName, int defaultPrecision) {
            super(name, typeName);
            this.typeName = typeName;
            this.defaultPrecision = defaultPrecision;
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding b) {
            if (typeName == SqlTypeName.DATE) {
                return b.getTypeFactory().createSqlType(SqlTypeName.DATE);
            }
            int precision = defaultPrecision;
            if (b.getOperandCount() == 1) {
                RelDataType explicit = super.inferReturnType(b);
                precision = explicit.getPrecision();
            }
            return b.getTypeFactory().createSqlType(typeName, precision);
        }
    }

    private static SqlFunction niladicLtz(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, CurrentTimeFunctions::ltz3, null, OperandTypes.NILADIC,
                SqlFunctionCategory.TIMEDATE) {
            @Override
            public boolean isDeterministic() {
                return false;
            }

            @Override
            public boolean isDynamicFunction() {
                return true;
            }
        };
    }

    private static RelDataType ltz3(SqlOperatorBinding b) {
        RelDataTypeFactory tf = b.getTypeFactory();
        return tf.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
    }

    @Override
    public List<String> names() {
        return List.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "NOW",
                "CURRENT_ROW_TIMESTAMP");
    }

    @Override
    public String description() {
        return "CURRENT_TIMESTAMP, NOW() and CURRENT_ROW_TIMESTAMP() are the current instant as a TIMESTAMP_LTZ(3) "
                + "NOT NULL, printed in the session time zone 'table.local-time-zone'; LOCALTIMESTAMP is the wall "
                + "clock in that zone as a TIMESTAMP(3) NOT NULL; CURRENT_TIME and LOCALTIME its time of day, "
                + "TIME(0) NOT NULL; CURRENT_DATE its date, DATE NOT NULL. The time is taken once per batch.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP, NOW,
                CURRENT_ROW_TIMESTAMP);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType r = ExprGenerator.typeOf(call);
        String now = gen.nowMillis();
        String local = DT + ".ltzToTimestamp(" + now + ", " + gen.zone() + ")";
        String value;
        switch (r.root()) {
            case DATE:
                value = DT + ".timestampToDate(" + local + ")";
                break;
            case TIME:
                value = "(int) " + truncate(DT + ".timestampToTime(" + local + ")", r.precision());
                break;
            case TIMESTAMP:
                value = io.sluice.codegen.expr.TimestampCode.fromMillis(truncate(local, r.precision()), r);
                break;
            case TIMESTAMP_LTZ:
                value = io.sluice.codegen.expr.TimestampCode.fromMillis(truncate(now, r.precision()), r);
                break;
            default:
                throw new IllegalStateException(call.getOperator().getName() + " of type " + r);
        }
        String val = gen.newName("val");
        out.line(JavaTypes.javaType(r) + " " + val + " = " + value + ";");
        return GenExpr.of("false", val, r);
    }

    /** Drops the millisecond digits beyond {@code precision} fractional second digits (flooring). */
    private static String truncate(String millis, int precision) {
        if (precision >= 3) {
            return millis;
        }
        long unit = precision == 2 ? 10L : precision == 1 ? 100L : 1000L;
        return "(Math.floorDiv((long) " + millis + ", " + unit + "L) * " + unit + "L)";
    }
}
