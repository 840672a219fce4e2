package io.sluice.format.parquet;

import io.sluice.runtime.types.TimestampUnits;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.apache.parquet.schema.LogicalTypeAnnotation;

/**
 * Converts timestamps between Sluice's representation (a {@code long} in the unit of the column's precision,
 * see {@link TimestampUnits}) and Parquet's: INT96 (nanoseconds of the day and a Julian day number, both
 * little-endian, the legacy Impala/Hive/Flink encoding) and INT64 in milli-, micro- or nanoseconds.
 *
 * <p>A stored value is an instant. A TIMESTAMP_LTZ value is one already; a zone-less TIMESTAMP value is a
 * wall-clock time, taken as UTC with {@code utc-timezone} and otherwise as a time of the configured zone (the JVM's,
 * as Flink does). One instance per column writer or reader (it holds a scratch buffer); not thread-safe.
 */
final class ParquetTimestamps {
    /** The Julian day number of 1970-01-01. */
    static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private final boolean shiftZone;
    private final ZoneRules rules;
    /** The zone's offset in seconds when it never changes, else {@link Integer#MIN_VALUE}. */
    private final int fixedOffset;
    private final byte[] int96 = new byte[12];
    private long seconds;
    private int nanos;

    /**
     * @param localTime true for a zone-less TIMESTAMP column
     * @param utc the {@code utc-timezone} option
     * @param zone the zone of wall-clock times when not {@code utc}
     */
    ParquetTimestamps(boolean localTime, boolean utc, ZoneId zone) {
        this.shiftZone = localTime && !utc;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
    }

    // ---- writing ----

    /** Sets the instant to store for a column value of {@code precision}. */
    void fromValue(long value, int precision) {
        long perSecond = TimestampUnits.perSecond(precision);
        long s = Math.floorDiv(value, perSecond);
        int n = (int) (Math.floorMod(value, perSecond) * (NANOS_PER_SECOND / perSecond));
        if (shiftZone) {
            s -= offsetOfLocal(s, n);
        }
        seconds = s;
        nanos = n;
    }

    /** The instant set by {@link #fromValue} as INT96 bytes (a buffer reused by the next call). */
    byte[] toInt96() {
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        long nanosOfDay = Math.floorMod(seconds, SECONDS_PER_DAY) * NANOS_PER_SECOND + nanos;
        long julian = day + JULIAN_EPOCH_DAY;
        for (int i = 0; i < 8; i++) {
            int96[i] = (byte) (nanosOfDay >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            int96[8 + i] = (byte) (julian >>> (8 * i));
        }
        return int96;
    }

    /** The instant set by {@link #fromValue} in {@code unit} since the epoch. */
    long toInt64(LogicalTypeAnnotation.TimeUnit unit) {
        switch (unit) {
            case MILLIS:
                return Math.addExact(Math.multiplyExact(seconds, 1000L), nanos / 1_000_000);
            case MICROS:
                return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
            default:
                return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
        }
    }

    // ---- reading ----

    /** Sets the stored instant from 12 INT96 bytes at {@code offset} of {@code bytes}. */
    void fromInt96(byte[] bytes, int offset) {
        long nanosOfDay = 0;
        for (int i = 7; i >= 0; i--) {
            nanosOfDay = (nanosOfDay << 8) | (bytes[offset + i] & 0xFF);
        }
        long julian = 0;
        for (int i = 3; i >= 0; i--) {
            julian = (julian << 8) | (bytes[offset + 8 + i] & 0xFF);
        }
        seconds = (julian - JULIAN_EPOCH_DAY) * SECONDS_PER_DAY + Math.floorDiv(nanosOfDay, NANOS_PER_SECOND);
        nanos = (int) Math.floorMod(nanosOfDay, NANOS_PER_SECOND);
    }

    /** Sets the stored instant from an INT64 in {@code unit} since the epoch. */
    void fromInt64(long value, LogicalTypeAnnotation.TimeUnit unit) {
        long per = unit == LogicalTypeAnnotation.TimeUnit.MILLIS ? 1000L
                : unit == LogicalTypeAnnotation.TimeUnit.MICROS ? 1_000_000L : NANOS_PER_SECOND;
        seconds = Math.floorDiv(value, per);
        nanos = (int) (Math.floorMod(value, per) * (NANOS_PER_SECOND / per));
    }

    /**
     * The column value of {@code precision} of the instant set by {@link #fromInt96} or {@link #fromInt64};
     * {@code adjustedToUtc} is false for an INT64 annotated as a local (wall-clock) timestamp, which is kept as is.
     */
    long toValue(int precision, boolean adjustedToUtc) {
        long s = seconds;
        if (shiftZone && adjustedToUtc) {
            s += offsetOfInstant(s);
        }
        return TimestampUnits.fromEpochSecond(s, nanos, precision);
    }

    private int offsetOfInstant(long epochSecond) {
        if (fixedOffset != Integer.MIN_VALUE) {
            return fixedOffset;
        }
        return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    private int offsetOfLocal(long localSecond, int nano) {
        if (fixedOffset != Integer.MIN_VALUE) {
            return fixedOffset;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, nano, ZoneOffset.UTC);
        return rules.getValidOffsets(local).isEmpty() ? rules.getOffset(local).getTotalSeconds()
                : rules.getValidOffsets(local).get(0).getTotalSeconds();
    }
}
