package io.sluice.connector.datagen;

import io.sluice.runtime.types.TypeRoot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Time columns, as Flink's datagen makes them: DATE is today and TIME the current time of day (both in
 * the session time zone, read once per batch); TIMESTAMP and TIMESTAMP_LTZ are the current instant
 * minus a random duration below {@code max-past} (epoch milliseconds, as Flink stores both).
 */
final class CurrentTimeColumn implements ColumnGenerator {
    private final SplittableRandom random;
    private final double nullRate;
    private final TypeRoot root;
    private final long maxPastMillis;
    private final ZoneId zone;
    /** Units of the TIMESTAMP(p) column per millisecond (its values count milli-, micro- or nanoseconds). */
    private final long perMilli;

    CurrentTimeColumn(FieldSpec spec, SplittableRandom random, ZoneId zone) {
        this.random = random;
        this.nullRate = spec.nullRate();
        this.root = spec.type().root();
        this.maxPastMillis = spec.maxPastMillis();
        this.zone = zone;
        this.perMilli = io.sluice.runtime.types.TimestampUnits.perMilli(spec.type().precision());
    }

    @Override
    public void fill(FieldVector vector, int rows, long firstOrdinal, int step) {
        long now = System.currentTimeMillis();
        if (root == TypeRoot.DATE || root == TypeRoot.TIME) {
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), zone);
            if (root == TypeRoot.DATE) {
                DateDayVector v = (DateDayVector) vector;
                int day = (int) local.toLocalDate().toEpochDay();
                for (int i = 0; i < rows; i++) {
                    if (nullRate > 0 && random.nextDouble() < nullRate) {
                        v.setNull(i);
                    } else {
                        v.set(i, day);
                    }
                }
            } else {
                TimeMilliVector v = (TimeMilliVector) vector;
                int millisOfDay = (int) (local.toLocalTime().toNanoOfDay() / 1_000_000);
                for (int i = 0; i < rows; i++) {
                    if (nullRate > 0 && random.nextDouble() < nullRate) {
                        v.setNull(i);
                    } else {
                        v.set(i, millisOfDay);
                    }
                }
            }
            return;
        }
        TimeStampVector v = (TimeStampVector) vector;
        for (int i = 0; i < rows; i++) {
            if (nullRate > 0 && random.nextDouble() < nullRate) {
                v.setNull(i);
            } else {
                v.set(i, (maxPastMillis > 0 ? now - random.nextLong(maxPastMillis) : now) * perMilli);
            }
        }
    }
}
