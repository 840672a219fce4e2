package io.sluice.codegen.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * DECIMAL kernels with Flink's rules: results are rounded HALF_UP to the result scale, and a value
 * that does not fit the result precision becomes NULL (these methods return {@code null}).
 */
public final class DecimalRuntime {
    private static final MathContext DIVIDE_CONTEXT = new MathContext(38, RoundingMode.HALF_UP);

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
}
