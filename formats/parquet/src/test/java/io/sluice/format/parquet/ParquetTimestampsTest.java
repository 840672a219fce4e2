package io.sluice.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.types.TimestampUnits;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code parquet.utc-timezone} conversions of TIMESTAMP values, and INT96's layout. */
class ParquetTimestampsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void localTimestampsAreStoredAsInstantsOfTheZoneUnlessUtc() {
        long value = TimestampUnits.fromLocalDateTime(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000), 6);
        ParquetTimestamps local = new ParquetTimestamps(true, false, SHANGHAI);
        local.fromValue(value, 6);
        assertEquals(Instant.parse("2024-01-01T02:00:00.123456Z").toEpochMilli() * 1000 + 456,
                local.toInt64(TimeUnit.MICROS));
        ParquetTimestamps utc = new ParquetTimestamps(true, true, SHANGHAI);
        utc.fromValue(value, 6);
        assertEquals(Instant.parse("2024-01-01T10:00:00.123Z").toEpochMilli(), utc.toInt64(TimeUnit.MILLIS));
        // an instant column is never shifted
        ParquetTimestamps ltz = new ParquetTimestamps(false, false, SHANGHAI);
        ltz.fromValue(value, 6);
        assertEquals(value, ltz.toInt64(TimeUnit.MICROS));
    }

    @Test
    void readingShiftsBackAndKeepsLocalAnnotatedValues() {
        ParquetTimestamps local = new ParquetTimestamps(true, false, BERLIN);
        local.fromInt64(Instant.parse("2024-07-01T08:00:00Z").toEpochMilli(), TimeUnit.MILLIS);
        assertEquals(LocalDateTime.of(2024, 7, 1, 10, 0), TimestampUnits.toLocalDateTime(local.toValue(3, true), 3));
        assertEquals(LocalDateTime.of(2024, 7, 1, 8, 0), TimestampUnits.toLocalDateTime(local.toValue(3, false), 3));
        local.fromInt64(Instant.parse("2024-01-01T08:00:00Z").toEpochMilli(), TimeUnit.MILLIS);
        assertEquals(LocalDateTime.of(2024, 1, 1, 9, 0), TimestampUnits.toLocalDateTime(local.toValue(3, true), 3));
    }

    @Test
    void int96HoldsNanosOfDayAndJulianDayLittleEndian() {
        ParquetTimestamps t = new ParquetTimestamps(true, true, BERLIN);
        long value = TimestampUnits.fromLocalDateTime(LocalDateTime.of(1970, 1, 2, 0, 0, 1, 5), 9);
        t.fromValue(value, 9);
        byte[] bytes = t.toInt96().clone();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(1_000_000_005L, b.getLong());
        assertEquals(ParquetTimestamps.JULIAN_EPOCH_DAY + 1, b.getInt());
        ParquetTimestamps back = new ParquetTimestamps(true, true, BERLIN);
        back.fromInt96(bytes, 0);
        assertEquals(value, back.toValue(9, true));
        // before the epoch
        long old = TimestampUnits.fromLocalDateTime(LocalDateTime.of(1900, 3, 1, 23, 59, 59, 999_000_000), 3);
        t.fromValue(old, 3);
        back.fromInt96(t.toInt96(), 0);
        assertEquals(old, back.toValue(3, true));
    }
}
