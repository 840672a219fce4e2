package io.sluice.codegen.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;

/**
 * DECIMAL kernels with Flink's rules: results are rounded HALF_UP to the result scale, and a value
 * that does not fit the result precision becomes NULL (these methods return {@code null}).
 *
 * <p>The {@code long} kernels work on DECIMALs of precision at most 18 held as unscaled values (the number times
 * 10^scale). They compute exactly with {@code long} arithmetic, fall back to {@code BigDecimal} when an
 * intermediate overflows, and return {@link #OVERFLOW} where the {@code BigDecimal} kernels return null.
 */
public final class DecimalRuntime {
    private static final MathContext DIVIDE_CONTEXT = new MathContext(38, RoundingMode.HALF_UP);
    /** The unscaled result meaning "does not fit the result precision" (NULL); no DECIMAL(18) value has it. */
    public static final long OVERFLOW = Long.MIN_VALUE;
    private static final long[] POW10 = new long[19];
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    static {
        POW10[0] = 1L;
        for (int k = 1; k < POW10.length; k++) {
            POW10[k] = POW10[k - 1] * 10L;
        }
    }

    private DecimalRuntime() {
    }

    /** Rounds to {@code scale}; null when more than {@code precision} digits remain. */
    public static BigDecimal fit(BigDecimal v, int precision, int scale) {
        if (v == null) {
            return null;
        }
        BigDecimal r = v.scale() == scale ? v : v.setScale(scale, RoundingMode.HALF_UP);
        return r.precision() > precision && r.signum() != 0 && r.precision() - r.scale() > precision - scale
                ? null : r;
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b, int precision, int scale) {
        if (b.signum() == 0) {
            throw new ArithmeticException("Division by zero");
        }
        return fit(a.divide(b, DIVIDE_CONTEXT), precision, scale);
    }

    public static BigDecimal mod(BigDecimal a, BigDecimal b, int precision, int scale) {
        if (b.signum() == 0) {
            throw new ArithmeticException("Division by zero");
        }
        return fit(a.remainder(b), precision, scale);
    }

    public static BigDecimal fromDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        return BigDecimal.valueOf(d);
    }

    public static int compare(BigDecimal a, BigDecimal b) {
        return a.compareTo(b);
    }

    public static BigDecimal round(BigDecimal v, int digits) {
        return v.setScale(digits, RoundingMode.HALF_UP);
    }

    public static BigDecimal truncate(BigDecimal v, int digits) {
        return v.setScale(digits, RoundingMode.DOWN);
    }

    public static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    public static double truncate(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.DOWN).doubleValue();
    }

    public static long round(long v, int digits) {
        return digits >= 0 ? v : BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).longValue();
    }

    public static long truncate(long v, int digits) {
        return digits >= 0 ? v : BigDecimal.valueOf(v).setScale(digits, RoundingMode.DOWN).longValue();
    }

    public static BigDecimal floor(BigDecimal v) {
        return v.setScale(0, RoundingMode.FLOOR);
    }

    public static BigDecimal ceil(BigDecimal v) {
        return v.setScale(0, RoundingMode.CEILING);
    }

    /**
     * The unscaled value of non-null element {@code row} of a DECIMAL vector of precision at most 18: the low
     * 8 bytes of its 16-byte little-endian slot, after checking the high 8 bytes only extend the sign.
     */
    public static long unscaled(DecimalVector vector, int row) {
        if (!LITTLE_ENDIAN) {
            return vector.getObjectNotNull(row).unscaledValue().longValueExact();
        }
        ArrowBuf data = vector.getDataBuffer();
        long offset = (long) row * DecimalVector.TYPE_WIDTH;
        long low = data.getLong(offset);
        if (data.getLong(offset + 8) != (low >> 63)) {
            throw new ArithmeticException("DECIMAL value at row " + row + " exceeds the precision "
                    + vector.getPrecision() + " of its vector");
        }
        return low;
    }

    /**
     * Non-null element {@code row} of a DECIMAL vector of any precision: a value whose unscaled number fits a
     * {@code long} (the high 8 bytes of its little-endian slot only extend the sign) is built from that long, without
     * the byte array and {@code BigInteger} Arrow's {@code getObject} goes through.
     */
    public static BigDecimal read(DecimalVector vector, int row) {
        if (LITTLE_ENDIAN) {
            ArrowBuf data = vector.getDataBuffer();
            long offset = (long) row * DecimalVector.TYPE_WIDTH;
            long low = data.getLong(offset);
            if (data.getLong(offset + 8) == (low >> 63)) {
                return BigDecimal.valueOf(low, vector.getScale());
            }
        }
        return vector.getObjectNotNull(row);
    }

    /**
     * Writes {@code v} (of the vector's scale) into element {@code row}: an unscaled number that fits a
     * {@code long} goes straight into the slot, without the byte array Arrow's {@code set(int, BigDecimal)} makes.
     */
    public static void write(DecimalVector vector, int row, BigDecimal v) {
        if (v.scale() == vector.getScale() && v.precision() <= 18) {
            vector.set(row, v.unscaledValue().longValue());
        } else {
            vector.set(row, v);
        }
    }

    /** {@code u}, or {@link #OVERFLOW} when it has more than {@code precision} (&le; 18) digits. */
    public static long checked(long u, int precision) {
        long limit = POW10[precision];
        return u < limit && u > -limit ? u : OVERFLOW;
    }

    /**
     * The unscaled value {@code u} of scale {@code from} at scale {@code to}, rounded HALF_UP, or {@link #OVERFLOW}
     * when it does not fit {@code precision} (&le; 18) digits: CAST between DECIMAL types.
     */
    public static long rescale(long u, int from, int to, int precision) {
        if (to == from) {
            return checked(u, precision);
        }
        if (to > from) {
            int k = to - from;
            if (k > 18) {
                return u == 0 ? 0 : OVERFLOW;
            }
            long m = POW10[k];
            long low = u * m;
            return Math.multiplyHigh(u, m) == (low >> 63) ? checked(low, precision) : OVERFLOW;
        }
        int k = from - to;
        if (k > 18) {
            return unscaledOf(fit(BigDecimal.valueOf(u, from), precision, to));
        }
        long d = POW10[k];
        long q = u / d;
        long r = u % d;
        if (r != 0 && (r < 0 ? -r : r) >= d - (r < 0 ? -r : r)) {
            q += u < 0 ? -1 : 1;
        }
        return checked(q, precision);
    }

    /** {@code a + b} (scales {@code sa}, {@code sb}) as DECIMAL(precision, scale), precision &le; 18. */
    public static long add(long a, int sa, long b, int sb, int precision, int scale) {
        int m = Math.max(sa, sb);
        try {
            return rescale(Math.addExact(up(a, m - sa), up(b, m - sb)), m, scale, precision);
        } catch (ArithmeticException e) {
            return unscaledOf(fit(BigDecimal.valueOf(a, sa).add(BigDecimal.valueOf(b, sb)), precision, scale));
        }
    }

    /** {@code a - b} (scales {@code sa}, {@code sb}) as DECIMAL(precision, scale), precision &le; 18. */
    public static long subtract(long a, int sa, long b, int sb, int precision, int scale) {
        int m = Math.max(sa, sb);
        try {
            return rescale(Math.subtractExact(up(a, m - sa), up(b, m - sb)), m, scale, precision);
        } catch (ArithmeticException e) {
            return unscaledOf(fit(BigDecimal.valueOf(a, sa).subtract(BigDecimal.valueOf(b, sb)), precision, scale));
        }
    }

    /** {@code a * b} (scales {@code sa}, {@code sb}) as DECIMAL(precision, scale), precision &le; 18. */
    public static long multiply(long a, int sa, long b, int sb, int precision, int scale) {
        long low = a * b;
        if (Math.multiplyHigh(a, b) == (low >> 63)) {
            return rescale(low, sa + sb, scale, precision);
        }
        return unscaledOf(fit(BigDecimal.valueOf(a, sa).multiply(BigDecimal.valueOf(b, sb)), precision, scale));
    }

    /**
     * {@code a / b} (scales {@code sa}, {@code sb}) as DECIMAL(precision, scale), precision &le; 18, rounded HALF_UP;
     * division by zero fails as {@link #divide(BigDecimal, BigDecimal, int, int)} does. Exact {@code long}
     * arithmetic: the quotient is {@code a * 10^(scale + sb - sa) / b}, rounded once. This equals the
     * {@code BigDecimal} kernel's result (38 significant digits, then the result scale) because a quotient with a
     * {@code long} divisor is never closer to a rounding tie than 1/(2|divisor|) &gt; 5.4e-20 units of the last
     * digit, while rounding a result of at most 18 digits to 38 digits moves it by at most 5e-21 units. Falls
     * back to {@code BigDecimal} when scaling an operand overflows a {@code long}.
     */
    public static long divide(long a, int sa, long b, int sb, int precision, int scale) {
        if (b == 0) {
            throw new ArithmeticException("Division by zero");
        }
        int e = scale + sb - sa;
        try {
            long n = e >= 0 ? up(a, e) : a;
            long d = e >= 0 ? b : up(b, -e);
            if (n != Long.MIN_VALUE && d != Long.MIN_VALUE) {
                return checked(divideHalfUp(d < 0 ? -n : n, d < 0 ? -d : d), precision);
            }
        } catch (ArithmeticException overflow) {
            // an operand times a power of ten does not fit a long: divide BigDecimals below
        }
        return unscaledOf(divide(BigDecimal.valueOf(a, sa), BigDecimal.valueOf(b, sb), precision, scale));
    }

    /**
     * {@code MOD(a, b)} (scales {@code sa}, {@code sb}) as DECIMAL(precision, scale), precision &le; 18: the exact
     * remainder with the sign of {@code a}, as {@link #mod(BigDecimal, BigDecimal, int, int)}; MOD by zero fails.
     */
    public static long mod(long a, int sa, long b, int sb, int precision, int scale) {
        if (b == 0) {
            throw new ArithmeticException("Division by zero");
        }
        int m = Math.max(sa, sb);
        try {
            return rescale(up(a, m - sa) % up(b, m - sb), m, scale, precision);
        } catch (ArithmeticException overflow) {
            return unscaledOf(mod(BigDecimal.valueOf(a, sa), BigDecimal.valueOf(b, sb), precision, scale));
        }
    }

    /** {@code n / d} rounded HALF_UP (ties away from zero), for {@code d > 0}. */
    private static long divideHalfUp(long n, long d) {
        long q = n / d;
        long r = n % d;
        long abs = r < 0 ? -r : r;
        if (abs != 0 && abs >= d - abs) {
            q += n < 0 ? -1 : 1;
        }
        return q;
    }

    /** Compares the numbers with unscaled values {@code a}, {@code b} and scales {@code sa}, {@code sb}. */
    public static int compare(long a, int sa, long b, int sb) {
        if (sa == sb) {
            return Long.compare(a, b);
        }
        int m = Math.max(sa, sb);
        try {
            return Long.compare(up(a, m - sa), up(b, m - sb));
        } catch (ArithmeticException e) {
            return BigDecimal.valueOf(a, sa).compareTo(BigDecimal.valueOf(b, sb));
        }
    }

    /** {@code u * 10^k}, exactly; throws ArithmeticException on overflow. */
    private static long up(long u, int k) {
        if (k == 0) {
            return u;
        }
        if (k > 18) {
            if (u == 0) {
                return 0;
            }
            throw new ArithmeticException("long overflow");
        }
        return Math.multiplyExact(u, POW10[k]);
    }

    /**
     * The unscaled value of a result already fitted to a DECIMAL of precision &le; 18 (by {@link #fit}), or
     * {@link #OVERFLOW} for null.
     */
    public static long unscaledOf(BigDecimal fitted) {
        return fitted == null ? OVERFLOW : fitted.unscaledValue().longValueExact();
    }
}
