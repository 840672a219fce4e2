package io.sluice.connector.datagen;

import java.util.SplittableRandom;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;

/** Uniform random TINYINT/SMALLINT/INT/BIGINT values in {@code [min, max]}, NULL with the null rate. */
final class RandomIntegralColumn implements ColumnGenerator {
    private final SplittableRandom random;
    private final double nullRate;
    private final long min;
    private final long max;

    RandomIntegralColumn(FieldSpec spec, SplittableRandom random) {
        this.random = random;
        this.nullRate = spec.nullRate();
        this.min = spec.minLong();
        this.max = spec.maxLong();
    }

    @Override
    public void fill(FieldVector vector, int rows, long firstOrdinal, int step) {
        if (vector instanceof TinyIntVector) {
            TinyIntVector v = (TinyIntVector) vector;
            for (int i = 0; i < rows; i++) {
                if (nullRate > 0 && random.nextDouble() < nullRate) {
                    v.setNull(i);
                } else {
                    v.set(i, (byte) next(random, min, max));
                }
            }
        } else if (vector instanceof SmallIntVector) {
            SmallIntVector v = (SmallIntVector) vector;
            for (int i = 0; i < rows; i++) {
                if (nullRate > 0 && random.nextDouble() < nullRate) {
                    v.setNull(i);
                } else {
                    v.set(i, (short) next(random, min, max));
                }
            }
        } else if (vector instanceof IntVector) {
            IntVector v = (IntVector) vector;
            for (int i = 0; i < rows; i++) {
                if (nullRate > 0 && random.nextDouble() < nullRate) {
                    v.setNull(i);
                } else {
                    v.set(i, (int) next(random, min, max));
                }
            }
        } else {
            BigIntVector v = (BigIntVector) vector;
            for (int i = 0; i < rows; i++) {
                if (nullRate > 0 && random.nextDouble() < nullRate) {
                    v.setNull(i);
                } else {
                    v.set(i, next(random, min, max));
                }
            }
        }
    }

    /** A uniform value in {@code [min, max]} (both inclusive, any long range). */
    static long next(SplittableRandom random, long min, long max) {
        long span = max - min;
        if (span >= 0 && span < Long.MAX_VALUE) {
            return min + random.nextLong(span + 1);
        }
        long v;
        do {
            v = random.nextLong();
        } while (v < min || v > max);
        return v;
    }
}
