package io.sluice.runtime.data;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TimestampUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Converts between one vector slot and an external Java value (the classes {@link io.sluice.types.Row}
 * holds). This is the slow, boxed path for results, literals and tests; operators and generated code
 * work on vectors directly.
 *
 * <p>External classes: BOOLEAN Boolean, TINYINT Byte, SMALLINT Short, INT Integer, BIGINT Long,
 * FLOAT Float, DOUBLE Double, DECIMAL BigDecimal, CHAR/VARCHAR String, BINARY/VARBINARY byte[],
 * DATE LocalDate, TIME LocalTime, TIMESTAMP LocalDateTime, TIMESTAMP_LTZ Instant,
 * INTERVAL YEAR TO MONTH Period, INTERVAL DAY TO SECOND Duration; ARRAY, MAP, MULTISET and ROW as
 * {@link ConstructedValues} documents.
 */
public final class VectorValues {
    private VectorValues() {
    }

    /** The value at {@code index}, or null. */
    public static Object get(LogicalType type, ValueVector vector, int index) {
        if (vector.isNull(index)) {
            return null;
        }
        switch (type.root()) {
            case BOOLEAN:
                return ((BitVector) vector).get(index) != 0;
            case TINYINT:
                return ((TinyIntVector) vector).get(index);
            case SMALLINT:
                return ((SmallIntVector) vector).get(index);
            case INTEGER:
                return ((IntVector) vector).get(index);
            case BIGINT:
                return ((BigIntVector) vector).get(index);
            case FLOAT:
                return ((Float4Vector) vector).get(index);
            case DOUBLE:
                return ((Float8Vector) vector).get(index);
            case DECIMAL:
                return ((DecimalVector) vector).getObject(index);
            case CHAR:
            case VARCHAR:
                return new String(((VarCharVector) vector).get(index), StandardCharsets.UTF_8);
            case BINARY:
            case VARBINARY:
                return ((VarBinaryVector) vector).get(index);
            case DATE:
                return LocalDate.ofEpochDay(((DateDayVector) vector).get(index));
            case TIME:
                return LocalTime.ofNanoOfDay(((TimeMilliVector) vector).get(index) * 1_000_000L);
            case TIMESTAMP:
                return TimestampUnits.toLocalDateTime(((TimeStampVector) vector).get(index), type.precision());
            case TIMESTAMP_LTZ:
                return TimestampUnits.toInstant(((TimeStampVector) vector).get(index), type.precision());
            case INTERVAL_YEAR_MONTH:
                return Period.ofMonths(((IntervalYearVector) vector).get(index)).normalized();
            case INTERVAL_DAY_TIME:
                return Duration.ofMillis(DurationVector.get(((DurationVector) vector).getDataBuffer(), index));
            case NULL:
                return null;
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW:
                return ConstructedValues.get(type, vector, index);
            default:
                throw new IllegalArgumentException("unsupported type " + type);
        }
    }

    /**
     * Writes {@code value} (an external value, or a compatible number / string) at {@code index},
     * growing the vector if needed. Null writes a null.
     */
    public static void set(LogicalType type, ValueVector vector, int index, Object value) {
        if (value == null) {
            setNull(vector, index);
            return;
        }
        switch (type.root()) {
            case BOOLEAN:
                ((BitVector) vector).setSafe(index, ((Boolean) value) ? 1 : 0);
                break;
            case TINYINT:
                ((TinyIntVector) vector).setSafe(index, ((Number) value).byteValue());
                break;
            case SMALLINT:
                ((SmallIntVector) vector).setSafe(index, ((Number) value).shortValue());
                break;
            case INTEGER:
                ((IntVector) vector).setSafe(index, ((Number) value).intValue());
                break;
            case BIGINT:
                ((BigIntVector) vector).setSafe(index, ((Number) value).longValue());
                break;
            case FLOAT:
                ((Float4Vector) vector).setSafe(index, ((Number) value).floatValue());
                break;
            case DOUBLE:
                ((Float8Vector) vector).setSafe(index, ((Number) value).doubleValue());
                break;
            case DECIMAL: {
                BigDecimal d = value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
                d = d.setScale(type.scale(), RoundingMode.HALF_UP);
                if (d.precision() > type.precision()) {
                    setNull(vector, index); // Flink: a decimal overflow yields NULL
                } else {
                    ((DecimalVector) vector).setSafe(index, d);
                }
                break;
            }
            case CHAR:
            case VARCHAR:
                ((VarCharVector) vector).setSafe(index, value.toString().getBytes(StandardCharsets.UTF_8));
                break;
            case BINARY:
            case VARBINARY:
                ((VarBinaryVector) vector).setSafe(index, (byte[]) value);
                break;
            case DATE:
                ((DateDayVector) vector).setSafe(index, value instanceof LocalDate
                        ? (int) ((LocalDate) value).toEpochDay() : ((Number) value).intValue());
                break;
            case TIME:
                ((TimeMilliVector) vector).setSafe(index, value instanceof LocalTime
                        ? (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L) : ((Number) value).intValue());
                break;
            case TIMESTAMP:
                ((TimeStampVector) vector).setSafe(index, value instanceof LocalDateTime
                        ? TimestampUnits.fromLocalDateTime((LocalDateTime) value, type.precision())
                        : ((Number) value).longValue());
                break;
            case TIMESTAMP_LTZ:
                ((TimeStampVector) vector).setSafe(index, value instanceof Instant
                        ? TimestampUnits.fromInstant((Instant) value, type.precision())
                        : ((Number) value).longValue());
                break;
            case INTERVAL_YEAR_MONTH:
                ((IntervalYearVector) vector).setSafe(index, value instanceof Period
                        ? (int) ((Period) value).toTotalMonths() : ((Number) value).intValue());
                break;
            case INTERVAL_DAY_TIME:
                ((DurationVector) vector).setSafe(index, value instanceof Duration
                        ? ((Duration) value).toMillis() : ((Number) value).longValue());
                break;
            case NULL:
                break;
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW:
                ConstructedValues.set(type, vector, index, value);
                break;
            default:
                throw new IllegalArgumentException("unsupported type " + type);
        }
    }

    /** Marks slot {@code index} null, growing the vector if needed. */
    public static void setNull(ValueVector vector, int index) {
        if (vector instanceof BaseFixedWidthVector) {
            ((BaseFixedWidthVector) vector).setNull(index);
        } else if (vector instanceof BaseVariableWidthVector) {
            ((BaseVariableWidthVector) vector).setNull(index);
        } else if (vector instanceof BitVector) {
            ((BitVector) vector).setNull(index);
        } else if (vector instanceof org.apache.arrow.vector.complex.ListVector) {
            ((org.apache.arrow.vector.complex.ListVector) vector).setNull(index);
        } else if (vector instanceof org.apache.arrow.vector.complex.StructVector) {
            ((org.apache.arrow.vector.complex.StructVector) vector).setNull(index);
        }
    }

    public static LocalDateTime toLocalDateTime(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    public static long toEpochMillis(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1000L + t.getNano() / 1_000_000;
    }
}
