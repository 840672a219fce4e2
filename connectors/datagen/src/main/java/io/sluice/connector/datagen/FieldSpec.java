package io.sluice.connector.datagen;

import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;

/**
 * The validated generator settings of one physical column. Which fields are meaningful depends on
 * {@link #kind()} and the type: numeric random columns use the bounds of their family
 * ({@code minLong/maxLong} for TINYINT..BIGINT, {@code minDouble/maxDouble} for FLOAT/DOUBLE,
 * {@code minDecimal/maxDecimal} for DECIMAL); sequences use {@code start/end}.
 *
 * @param name column name
 * @param type column type
 * @param kind random or sequence
 * @param minLong lower bound of random integral values (inclusive)
 * @param maxLong upper bound of random integral values (inclusive)
 * @param minDouble lower bound of random FLOAT/DOUBLE values
 * @param maxDouble upper bound of random FLOAT/DOUBLE values
 * @param minDecimal lower bound of random DECIMAL values (inclusive), or null
 * @param maxDecimal upper bound of random DECIMAL values (inclusive), or null
 * @param maxPastMillis random timestamps lie in {@code (now - maxPastMillis, now]}
 * @param length length of random strings / byte strings (the maximum when {@code varLen})
 * @param varLen random strings get a random length in {@code 1..length}
 * @param nullRate probability of NULL for random values
 * @param start first value of a sequence
 * @param end last value of a sequence (inclusive)
 */
public record FieldSpec(String name, LogicalType type, GeneratorKind kind, long minLong, long maxLong,
        double minDouble, double maxDouble, BigDecimal minDecimal, BigDecimal maxDecimal, long maxPastMillis,
        int length, boolean varLen, double nullRate, long start, long end) {

    /** Number of values of this column's sequence ({@code Long.MAX_VALUE} if larger). */
    public long sequenceSize() {
        long diff = end - start;
        return diff < 0 || diff == Long.MAX_VALUE ? Long.MAX_VALUE : diff + 1;
    }
}
