package io.sluice.planner.translate;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Converts Calcite literals into the external Java values of {@link VectorValues}. */
public final class Literals {
    private Literals() {
    }

    public static Object toExternal(RexLiteral lit, LogicalType type) {
        if (lit.isNull()) {
            return null;
        }
        switch (type.root()) {
            case BOOLEAN:
                return lit.getValueAs(Boolean.class);
            case TINYINT:
                return lit.getValueAs(BigDecimal.class).byteValue();
            case SMALLINT:
                return lit.getValueAs(BigDecimal.class).shortValue();
            case INTEGER:
                return lit.getValueAs(BigDecimal.class).intValue();
            case BIGINT:
                return lit.getValueAs(BigDecimal.class).longValue();
            case FLOAT:
                return lit.getValueAs(BigDecimal.class).floatValue();
            case DOUBLE:
                return lit.getValueAs(Double.class);
            case DECIMAL:
                return lit.getValueAs(BigDecimal.class);
            case CHAR:
            case VARCHAR:
                return lit.getValueAs(NlsString.class) != null ? lit.getValueAs(NlsString.class).getValue()
                        : lit.getValueAs(String.class);
            case BINARY:
            case VARBINARY:
                return lit.getValueAs(ByteString.class).getBytes();
            case DATE:
                return LocalDate.ofEpochDay(lit.getValueAs(DateString.class).getDaysSinceEpoch());
            case TIME:
                return LocalTime.ofNanoOfDay(lit.getValueAs(TimeString.class).getMillisOfDay() * 1_000_000L);
            case TIMESTAMP:
                return localDateTime(lit.getValueAs(TimestampString.class));
            case TIMESTAMP_LTZ:
                return localDateTime(lit.getValueAs(TimestampString.class)).toInstant(java.time.ZoneOffset.UTC);
            case INTERVAL_YEAR_MONTH:
                return Period.ofMonths(lit.getValueAs(BigDecimal.class).intValue());
            case INTERVAL_DAY_TIME:
                return Duration.ofMillis(lit.getValueAs(BigDecimal.class).longValue());
            default:
                throw new UnsupportedFeatureException("literal of type " + type);
        }
    }

    /** A timestamp literal with all its fraction digits (TimestampString keeps up to nanoseconds). */
    static LocalDateTime localDateTime(TimestampString ts) {
        return LocalDateTime.parse(ts.toString().replace(' ', 'T'));
    }
}
