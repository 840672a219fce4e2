package io.sluice.runtime.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The unit a TIMESTAMP(p) or TIMESTAMP_LTZ(p) value is counted in: milliseconds since the epoch for
 * precision 0 to 3, microseconds for 4 to 6 and nanoseconds for 7 to 9 (Arrow's TimeStampMilli, Micro and Nano
 * vectors). Generated code, operators and formats hold a timestamp as one {@code long} in its type's unit; this
 * class converts between units and to {@code java.time} values.
 *
 * <p>Nanosecond timestamps cover the years 1677 to 2262 (a {@code long} of nanoseconds); values outside that range
 * fail with an error naming the value instead of wrapping.
 */
public final class TimestampUnits {
    private TimestampUnits() {
    }

    /** How many units of a TIMESTAMP(precision) make one millisecond: 1, 1 000 or 1 000 000. */
    public static long perMilli(int precision) {
        return precision <= 3 ? 1L : precision <= 6 ? 1_000L : 1_000_000L;
    }

    /** How many units of a TIMESTAMP(precision) make one second. */
    public static long perSecond(int precision) {
        return perMilli(precision) * 1000L;
    }

    /** The number of fraction digits the unit of a TIMESTAMP(precision) has: 3, 6 or 9. */
    public static int unitDigits(int precision) {
        return precision <= 3 ? 3 : precision <= 6 ? 6 : 9;
    }

    /** Whether values of this type are counted in milliseconds. */
    public static boolean isMillis(LogicalType type) {
        return type.precision() <= 3;
    }

    /** The whole milliseconds of {@code value} (rounded towards negative infinity). */
    public static long toMillis(long value, int precision) {
        long per = perMilli(precision);
        return per == 1 ? value : Math.floorDiv(value, per);
    }

    /** The part of {@code value} below one millisecond, in the type's units (0 for millisecond types). */
    public static long subMillis(long value, int precision) {
        long per = perMilli(precision);
        return per == 1 ? 0 : Math.floorMod(value, per);
    }

    /** Milliseconds as a value of TIMESTAMP(precision); fails when nanoseconds would overflow. */
    public static long fromMillis(long millis, int precision) {
        long per = perMilli(precision);
        return per == 1 ? millis : Math.multiplyExact(millis, per);
    }

    /**
     * A value of TIMESTAMP(fromPrecision) as TIMESTAMP(toPrecision): converted to the target unit and truncated
     * to the target's fraction digits (CAST to a lower precision drops digits, as Flink does).
     */
    public static long rescale(long value, int fromPrecision, int toPrecision) {
        long from = perMilli(fromPrecision);
        long to = perMilli(toPrecision);
        long v = from == to ? value : from < to ? Math.multiplyExact(value, to / from) : Math.floorDiv(value, from / to);
        return truncate(v, toPrecision);
    }

    /** Drops the fraction digits of {@code value} beyond {@code precision} (TIMESTAMP(0) keeps whole seconds). */
    public static long truncate(long value, int precision) {
        int digits = unitDigits(precision);
        if (precision >= digits) {
            return value;
        }
        long step = 1;
        for (int k = Math.max(precision, 0); k < digits; k++) {
            step *= 10;
        }
        return Math.floorDiv(value, step) * step;
    }

    /** The zone-less date-time of a TIMESTAMP(precision) value. */
    public static LocalDateTime toLocalDateTime(long value, int precision) {
        long perSecond = perSecond(precision);
        long nanosPerUnit = 1_000_000_000L / perSecond;
        return LocalDateTime.ofEpochSecond(Math.floorDiv(value, perSecond),
                (int) (Math.floorMod(value, perSecond) * nanosPerUnit), ZoneOffset.UTC);
    }

    /** A zone-less date-time as a TIMESTAMP(precision) value (digits beyond the precision dropped). */
    public static long fromLocalDateTime(LocalDateTime t, int precision) {
        return fromEpochSecond(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), precision);
    }

    /** The instant of a TIMESTAMP_LTZ(precision) value. */
    public static Instant toInstant(long value, int precision) {
        long perSecond = perSecond(precision);
        long nanosPerUnit = 1_000_000_000L / perSecond;
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * nanosPerUnit);
    }

    /** An instant as a TIMESTAMP_LTZ(precision) value (digits beyond the precision dropped). */
    public static long fromInstant(Instant t, int precision) {
        return fromEpochSecond(t.getEpochSecond(), t.getNano(), precision);
    }

    /** Seconds since the epoch plus nanoseconds of the second as a TIMESTAMP(precision) value. */
    public static long fromEpochSecond(long seconds, int nanos, int precision) {
        long perSecond = perSecond(precision);
        long nanosPerUnit = 1_000_000_000L / perSecond;
        try {
            return truncate(Math.addExact(Math.multiplyExact(seconds, perSecond), nanos / nanosPerUnit), precision);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("timestamp out of the range of TIMESTAMP(" + precision + ") (nanosecond "
                    + "timestamps cover the years 1677 to 2262): " + LocalDateTime.ofEpochSecond(seconds, nanos,
                    ZoneOffset.UTC));
        }
    }
}
