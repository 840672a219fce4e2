package io.sluice.codegen.runtime;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * CAST kernels from and to strings with Flink's rules: input is trimmed; a string that does not
 * parse fails with {@link CastException} (TRY_CAST catches it); BOOLEAN prints as TRUE/FALSE;
 * numeric narrowing wraps like Java.
 */
public final class CastRuntime {
    private CastRuntime() {
    }

    public static long parseLong(String s, String typeName) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw CastException.cannotParse(s, typeName);
        }
    }

    public static byte parseTinyInt(String s) {
        long v = parseLong(s, "TINYINT");
        if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
            throw CastException.cannotParse(s, "TINYINT");
        }
        return (byte) v;
    }

    public static short parseSmallInt(String s) {
        long v = parseLong(s, "SMALLINT");
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw CastException.cannotParse(s, "SMALLINT");
        }
        return (short) v;
    }

    public static int parseInt(String s) {
        long v = parseLong(s, "INT");
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw CastException.cannotParse(s, "INT");
        }
        return (int) v;
    }

    public static long parseBigInt(String s) {
        return parseLong(s, "BIGINT");
    }

    public static double parseDouble(String s) {
        String v = s.trim();
        try {
            if (v.isEmpty() || v.endsWith("d") || v.endsWith("D") || v.endsWith("f") || v.endsWith("F")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw CastException.cannotParse(s, "DOUBLE");
        }
    }

    public static float parseFloat(String s) {
        return (float) parseDouble(s);
    }

    public static BigDecimal parseDecimal(String s, int precision, int scale) {
        BigDecimal v;
        try {
            v = new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw CastException.cannotParse(s, "DECIMAL(" + precision + ", " + scale + ")");
        }
        return DecimalRuntime.fit(v, precision, scale);
    }

    public static boolean parseBoolean(String s) {
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "true":
            case "t":
            case "yes":
            case "y":
            case "1":
                return true;
            case "false":
            case "f":
            case "no":
            case "n":
            case "0":
                return false;
            default:
                throw CastException.cannotParse(s, "BOOLEAN");
        }
    }

    public static String toString(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    public static String toString(long v) {
        return Long.toString(v);
    }

    public static String toString(double v) {
        return Double.toString(v);
    }

    public static String toString(float v) {
        return Float.toString(v);
    }

    public static String toString(BigDecimal v) {
        return v.toPlainString();
    }

    public static String toString(byte[] v) {
        return new String(v, StandardCharsets.UTF_8);
    }

    public static byte[] toBytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Truncates (BINARY/VARBINARY(n)) or zero-pads (BINARY(n)) a byte string. */
    public static byte[] fitBytes(byte[] b, int length, boolean pad) {
        if (b.length == length || (!pad && b.length < length)) {
            return b;
        }
        byte[] r = new byte[length];
        System.arraycopy(b, 0, r, 0, Math.min(length, b.length));
        return r;
    }

    public static BigDecimal decimalOf(long v, int precision, int scale) {
        return DecimalRuntime.fit(BigDecimal.valueOf(v), precision, scale);
    }

    public static BigDecimal decimalOf(double v, int precision, int scale) {
        return DecimalRuntime.fit(DecimalRuntime.fromDouble(v), precision, scale);
    }
}
