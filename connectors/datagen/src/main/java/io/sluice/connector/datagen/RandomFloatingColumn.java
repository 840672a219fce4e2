package io.sluice.connector.datagen;

import java.util.SplittableRandom;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/** Uniform random FLOAT/DOUBLE values in {@code [min, max]}, NULL with the null rate. */
final class RandomFloatingColumn implements ColumnGenerator {
    private final SplittableRandom random;
    private final double nullRate;
    private final double min;
    private final double max;

    RandomFloatingColumn(FieldSpec spec, SplittableRandom random) {
        this.random = random;
        this.nullRate = spec.nullRate();
        this.min = spec.minDouble();
        this.max = spec.maxDouble();
    }

    @Override
    public void fill(FieldVector vector, int rows, long firstOrdinal, int step) {
        if (vector instanceof Float4Vector) {
            Float4Vector v = (Float4Vector) vector;
            float lo = (float) min;
            float hi = (float) max;
            for (int i = 0; i < rows; i++) {
                if (nullRate > 0 && random.nextDouble() < nullRate) {
                    v.setNull(i);
                } else {
                    v.set(i, Math.max(lo, Math.min(hi, (float) next())));
                }
            }
        } else {
            Float8Vector v = (Float8Vector) vector;
            for (int i = 0; i < rows; i++) {
                if (nullRate > 0 && random.nextDouble() < nullRate) {
                    v.setNull(i);
                } else {
                    v.set(i, next());
                }
            }
        }
    }

    /** Interpolates without computing {@code max - min}, which may overflow to infinity. */
    private double next() {
        double r = random.nextDouble();
        double v = min * (1 - r) + max * r;
        return v < min ? min : v > max ? max : v;
    }
}
