package io.sluice.connector.datagen;

import java.util.SplittableRandom;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Random TRUE/FALSE values, NULL with the column's null rate. */
final class RandomBooleanColumn implements ColumnGenerator {
    private final SplittableRandom random;
    private final double nullRate;

    RandomBooleanColumn(FieldSpec spec, SplittableRandom random) {
        this.random = random;
        this.nullRate = spec.nullRate();
    }

    @Override
    public void fill(FieldVector vector, int rows, long firstOrdinal, int step) {
        BitVector v = (BitVector) vector;
        for (int i = 0; i < rows; i++) {
            if (nullRate > 0 && random.nextDouble() < nullRate) {
                v.setNull(i);
            } else {
                v.set(i, random.nextBoolean() ? 1 : 0);
            }
        }
    }
}
