package io.sluice.connector.datagen;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Uniform random DECIMAL values in {@code [min, max]}. The unscaled values are drawn as 128-bit
 * integers (two longs, by rejection sampling under a bit mask) and written straight into the vector's
 * little-endian data buffer, so no {@code BigDecimal} is created per value.
 */
final class RandomDecimalColumn implements ColumnGenerator {
    private final SplittableRandom random;
    private final double nullRate;
    private final long minLo;
    private final long minHi;
    private final long spanLo;
    private final long spanHi;
    private final long maskLo;
    private final long maskHi;

    RandomDecimalColumn(FieldSpec spec, SplittableRandom random) {
        this.random = random;
        this.nullRate = spec.nullRate();
        BigInteger min = spec.minDecimal().unscaledValue();
        BigInteger span = spec.maxDecimal().unscaledValue().subtract(min);
        this.minLo = min.longValue();
        this.minHi = min.shiftRight(64).longValue();
        this.spanLo = span.longValue();
        this.spanHi = span.shiftRight(64).longValue();
        int bits = span.bitLength();
        this.maskLo = bits >= 64 ? -1L : (1L << bits) - 1;
        this.maskHi = bits <= 64 ? 0L : bits >= 128 ? -1L : (1L << (bits - 64)) - 1;
    }

    @Override
    public void fill(FieldVector vector, int rows, long firstOrdinal, int step) {
        DecimalVector v = (DecimalVector) vector;
        ArrowBuf data = v.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            if (nullRate > 0 && random.nextDouble() < nullRate) {
                v.setNull(i);
                continue;
            }
            long lo;
            long hi;
            do {
                lo = random.nextLong() & maskLo;
                hi = maskHi == 0 ? 0 : random.nextLong() & maskHi;
            } while (Long.compareUnsigned(hi, spanHi) > 0 || (hi == spanHi && Long.compareUnsigned(lo, spanLo) > 0));
            long sumLo = lo + minLo;
            long carry = Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0;
            long offset = (long) i * DecimalVector.TYPE_WIDTH;
            data.setLong(offset, sumLo);
            data.setLong(offset + 8, hi + minHi + carry);
            v.setIndexDefined(i);
        }
    }
}
