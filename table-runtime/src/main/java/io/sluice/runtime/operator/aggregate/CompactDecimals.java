package io.sluice.runtime.operator.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Helpers of the DECIMAL SUM/AVG accumulators for inputs of precision at most 18, whose unscaled values fit a
 * {@code long}: reading the unscaled value of a slot, and writing a sum or an average (unscaled {@code long}
 * plus an optional {@code BigInteger} overflow part) into a result vector.
 */
final class CompactDecimals {
    /** The largest precision whose unscaled values always fit a {@code long}. */
    static final int MAX_COMPACT_PRECISION = 18;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1L;
        for (int k = 1; k < POW10.length; k++) {
            POW10[k] = POW10[k - 1] * 10L;
        }
    }

    private CompactDecimals() {
    }

    /**
     * The unscaled value of slot {@code row} of a DECIMAL vector of precision at most 18: the low 8 bytes of its
     * 16-byte little-endian two's complement slot (the high 8 bytes only extend the sign).
     */
    static long unscaled(ArrowBuf data, int row) {
        return data.getLong((long) row * DecimalVector.TYPE_WIDTH);
    }

    /**
     * Adds the unscaled value {@code v} to group {@code g}'s running sum {@code sums[g]}. When the {@code long}
     * addition overflows, the running sum plus {@code v} moves into the group's overflow part {@code overflow[g]}
     * (created on first use) and {@code sums[g]} restarts at zero; the group's sum is always
     * {@code overflow[g] + sums[g]}.
     */
    static void add(long[] sums, BigInteger[] overflow, int g, long v) {
        long a = sums[g];
        long r = a + v;
        if (((a ^ r) & (v ^ r)) < 0) {
            overflow[g] = plus(plus(overflow[g], a), v);
            r = 0L;
        }
        sums[g] = r;
    }

    /** {@code big + small} where {@code big} may be null (zero). */
    static BigInteger plus(BigInteger big, long small) {
        BigInteger s = BigInteger.valueOf(small);
        return big == null ? s : big.add(s);
    }

    /**
     * Writes the sum {@code overflow + sum} (unscaled, at {@code scale}; {@code overflow} may be null) into
     * {@code out}: straight into the slot when {@code out} is a DECIMAL of the same scale with room for 19
     * integer digits, otherwise rounded to the vector's type (NULL when it does not fit), or as a double into a
     * FLOAT/DOUBLE vector.
     */
    static void writeSum(FieldVector out, int pos, BigInteger overflow, long sum, int scale) {
        if (overflow == null && out instanceof DecimalVector) {
            DecimalVector d = (DecimalVector) out;
            if (d.getScale() == scale && d.getPrecision() >= 19 + scale) {
                d.set(pos, sum);
                return;
            }
        }
        write(out, pos, new BigDecimal(plus(overflow, sum), scale));
    }

    /**
     * Writes the average {@code (overflow + sum) / count} (sum unscaled at {@code scale}, {@code count} &gt; 0)
     * into {@code out}, rounded HALF_UP to the result vector's scale; exact {@code long} arithmetic unless an
     * intermediate overflows.
     */
    static void writeAverage(FieldVector out, int pos, BigInteger overflow, long sum, long count, int scale) {
        if (overflow == null && out instanceof DecimalVector) {
            DecimalVector d = (DecimalVector) out;
            int up = d.getScale() - scale;
            if (up >= 0 && up <= 18 && d.getPrecision() >= 19 + d.getScale()) {
                long m = POW10[up];
                long hi = Math.multiplyHigh(sum, m);
                long lo = sum * m;
                if (hi == (lo >> 63) && lo != Long.MIN_VALUE) {
                    d.set(pos, divideHalfUp(lo, count));
                    return;
                }
            }
        }
        BigDecimal total = new BigDecimal(plus(overflow, sum), scale);
        if (out instanceof DecimalVector) {
            write(out, pos, total.divide(BigDecimal.valueOf(count), ((DecimalVector) out).getScale(),
                    RoundingMode.HALF_UP));
        } else {
            Values.writeDouble(out, pos, total.doubleValue() / count);
        }
    }

    /** {@code n / d} rounded HALF_UP (ties away from zero), for {@code d > 0} and {@code n != Long.MIN_VALUE}. */
    static long divideHalfUp(long n, long d) {
        long q = n / d;
        long r = n % d;
        long abs = r < 0 ? -r : r;
        if (abs >= d - abs) {
            q += n < 0 ? -1 : 1;
        }
        return q;
    }

    private static void write(FieldVector out, int pos, BigDecimal v) {
        if (out instanceof DecimalVector) {
            Values.writeDecimal((DecimalVector) out, pos, v);
        } else {
            Values.writeDouble(out, pos, v.doubleValue());
        }
    }
}
