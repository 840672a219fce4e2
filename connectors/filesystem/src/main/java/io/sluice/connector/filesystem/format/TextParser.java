package io.sluice.connector.filesystem.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Parses SQL values from ASCII/UTF-8 text held in a byte array range, without creating a {@code String}
 * on the common paths. Shared by the text formats (csv and json).
 *
 * <p>Methods return the parsed value and report failure through {@link #failed()} (checked right after
 * the call) instead of throwing, so a bad value costs no exception when errors are ignored. Leading and
 * trailing blanks (space, tab) are ignored by every method. One instance per thread.
 */
public final class TextParser {
    private static final long[] POW10 = new long[19];
    private static final double[] DOUBLE_POW10 = new double[23];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        double d = 1;
        for (int i = 0; i < DOUBLE_POW10.length; i++) {
            DOUBLE_POW10[i] = d;
            d *= 10;
        }
    }

    /** {@link #fixedTimestamp}: not of the fixed layout (never a valid result: it is below year 0). */
    private static final long NOT_FIXED = Long.MIN_VALUE;

    private boolean failed;
    /** The digits of the last parsed time below the millisecond, as nanoseconds (0 to 999 999). */
    private int subMilliNanos;
    /** The date ({@code yyyyMMdd} as a number) and epoch day of the last fixed-layout timestamp. */
    private int lastDate = -1;
    private long lastEpochDay;
    private int from;
    private int to;
    private long decimalUnscaled;
    private BigDecimal decimalBig;

    /** True when the last parse call failed (bad syntax or out of range). */
    public boolean failed() {
        return failed;
    }

    private boolean trim(byte[] b, int start, int end) {
        while (start < end && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        from = start;
        to = end;
        failed = start == end;
        return !failed;
    }

    /** Parses a decimal integer in {@code [minValue, maxValue]}. */
    public long parseLong(byte[] b, int start, int end, long minValue, long maxValue) {
        if (!trim(b, start, end)) {
            return 0;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
            if (i == to) {
                failed = true;
                return 0;
            }
        }
        long result = 0;
        if (to - i <= 18) {
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    failed = true;
                    return 0;
                }
                result = result * 10 + d;
            }
            result = negative ? -result : result;
        } else {
            // accumulate negatively so Long.MIN_VALUE fits
            long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
            long multMin = limit / 10;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9 || result < multMin) {
                    failed = true;
                    return 0;
                }
                result *= 10;
                if (result < limit + d) {
                    failed = true;
                    return 0;
                }
                result -= d;
            }
            result = negative ? result : -result;
        }
        if (result < minValue || result > maxValue) {
            failed = true;
            return 0;
        }
        return result;
    }

    /** Parses a floating point number (Java syntax, including {@code NaN} and {@code Infinity}). */
    public double parseDouble(byte[] b, int start, int end) {
        if (!trim(b, start, end)) {
            return 0;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b[i] == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (i == to && digits > 0 && digits <= 15 && fraction <= 22) {
            // exact mantissa and exact power of ten: one correctly rounded division
            double v = fraction > 0 ? mantissa / DOUBLE_POW10[fraction] : (double) mantissa;
            return negative ? -v : v;
        }
        try {
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            failed = true;
            return 0;
        }
    }

    /** Parses {@code true} or {@code false} in any letter case; returns 1 or 0. */
    public int parseBoolean(byte[] b, int start, int end) {
        if (!trim(b, start, end)) {
            return 0;
        }
        int n = to - from;
        if (n == 4 && lower(b[from]) == 't' && lower(b[from + 1]) == 'r' && lower(b[from + 2]) == 'u'
                && lower(b[from + 3]) == 'e') {
            return 1;
        }
        if (n == 5 && lower(b[from]) == 'f' && lower(b[from + 1]) == 'a' && lower(b[from + 2]) == 'l'
                && lower(b[from + 3]) == 's' && lower(b[from + 4]) == 'e') {
            return 0;
        }
        failed = true;
        return 0;
    }

    private static int lower(byte c) {
        return c | 0x20;
    }

    /** Parses {@code yyyy-MM-dd}; returns days since 1970-01-01. */
    public int parseDate(byte[] b, int start, int end) {
        if (!trim(b, start, end)) {
            return 0;
        }
        if (to - from != 10) {
            failed = true;
            return 0;
        }
        return date(b, from);
    }

    private int date(byte[] b, int i) {
        int year = digits(b, i, 4);
        int month = digits(b, i + 5, 2);
        int day = digits(b, i + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || b[i + 4] != '-' || b[i + 7] != '-'
                || day > daysInMonth(year, month)) {
            failed = true;
            return 0;
        }
        return (int) epochDay(year, month, day);
    }

    /** Parses {@code HH:mm[:ss[.fffffffff]]}; returns milliseconds of the day (finer digits truncated). */
    public int parseTime(byte[] b, int start, int end) {
        if (!trim(b, start, end)) {
            return 0;
        }
        return time(b, from, to);
    }

    private int time(byte[] b, int i, int end) {
        subMilliNanos = 0;
        int n = end - i;
        if (n < 5 || b[i + 2] != ':') {
            failed = true;
            return 0;
        }
        int hour = digits(b, i, 2);
        int minute = digits(b, i + 3, 2);
        int second = 0;
        int millis = 0;
        if (n > 5) {
            if (n < 8 || b[i + 5] != ':') {
                failed = true;
                return 0;
            }
            second = digits(b, i + 6, 2);
            if (n > 8) {
                if (b[i + 8] != '.' || n == 9 || n > 18) {
                    failed = true;
                    return 0;
                }
                // the first three digits are milliseconds, finer ones go to subMilliNanos
                int k = i + 9;
                int sub = 0;
                for (int digit = 0; k < end; k++, digit++) {
                    int d = b[k] - '0';
                    if (d < 0 || d > 9) {
                        failed = true;
                        return 0;
                    }
                    if (digit < 3) {
                        millis = millis * 10 + d;
                    } else {
                        sub = sub * 10 + d;
                    }
                }
                for (int digit = Math.max(end - (i + 9), 3); digit < 9; digit++) {
                    sub *= 10;
                }
                subMilliNanos = sub;
                int fractionDigits = end - (i + 9);
                if (fractionDigits == 1) {
                    millis *= 100;
                } else if (fractionDigits == 2) {
                    millis *= 10;
                }
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            failed = true;
            return 0;
        }
        return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
    }

    /**
     * Parses {@code yyyy-MM-dd HH:mm[:ss[.fffffffff]]} (or with {@code T} between date and time); returns
     * milliseconds since the epoch reading the text as UTC. With {@code allowZulu} a trailing {@code Z} is
     * accepted (TIMESTAMP_LTZ text as Flink writes it).
     */
    public long parseTimestamp(byte[] b, int start, int end, boolean allowZulu) {
        int n = end - start;
        if (n == 23 || n == 19) {
            long v = fixedTimestamp(b, start, n == 23);
            if (v != NOT_FIXED) {
                failed = false;
                return v;
            }
        }
        if (!trim(b, start, end)) {
            return 0;
        }
        int stop = to;
        if (allowZulu && (b[stop - 1] == 'Z' || b[stop - 1] == 'z')) {
            stop--;
        }
        if (stop - from < 16 || (b[from + 10] != ' ' && b[from + 10] != 'T')) {
            failed = true;
            return 0;
        }
        int days = date(b, from);
        if (failed) {
            return 0;
        }
        int millis = time(b, from + 11, stop);
        return failed ? 0 : days * 86_400_000L + millis;
    }

    /**
     * Parses a timestamp like {@link #parseTimestamp(byte[], int, int, boolean)} into a value of TIMESTAMP(precision):
     * milliseconds for precision up to 3, micro- or nanoseconds above (see {@code TimestampUnits}).
     */
    public long parseTimestamp(byte[] b, int start, int end, boolean allowZulu, int precision) {
        long millis = parseTimestamp(b, start, end, allowZulu);
        if (failed || precision <= 3) {
            return millis;
        }
        long perMilli = io.sluice.runtime.types.TimestampUnits.perMilli(precision);
        long v = millis * perMilli + subMilliNanos / (1_000_000L / perMilli);
        return io.sluice.runtime.types.TimestampUnits.truncate(v, precision);
    }

    /**
     * The fast path of {@link #parseTimestamp} for exactly {@code yyyy-MM-dd HH:mm:ss} or
     * {@code yyyy-MM-dd HH:mm:ss.SSS} (space or {@code T}) at {@code i}, with every digit read at its fixed
     * position and no loop; returns {@link #NOT_FIXED} for anything else, including invalid values, which the
     * general path then rejects with the usual checks. The epoch day of the last date is kept, as consecutive
     * rows usually share it.
     */
    private long fixedTimestamp(byte[] b, int i, boolean withMillis) {
        int y1 = b[i] - '0';
        int y2 = b[i + 1] - '0';
        int y3 = b[i + 2] - '0';
        int y4 = b[i + 3] - '0';
        int mo1 = b[i + 5] - '0';
        int mo2 = b[i + 6] - '0';
        int d1 = b[i + 8] - '0';
        int d2 = b[i + 9] - '0';
        int h1 = b[i + 11] - '0';
        int h2 = b[i + 12] - '0';
        int mi1 = b[i + 14] - '0';
        int mi2 = b[i + 15] - '0';
        int s1 = b[i + 17] - '0';
        int s2 = b[i + 18] - '0';
        int f1 = 0;
        int f2 = 0;
        int f3 = 0;
        boolean separators = b[i + 4] == '-' && b[i + 7] == '-' && (b[i + 10] == ' ' || b[i + 10] == 'T')
                && b[i + 13] == ':' && b[i + 16] == ':';
        if (withMillis) {
            separators &= b[i + 19] == '.';
            f1 = b[i + 20] - '0';
            f2 = b[i + 21] - '0';
            f3 = b[i + 22] - '0';
        }
        int any = y1 | y2 | y3 | y4 | mo1 | mo2 | d1 | d2 | h1 | h2 | mi1 | mi2 | s1 | s2 | f1 | f2 | f3;
        int nines = (9 - y1) | (9 - y2) | (9 - y3) | (9 - y4) | (9 - mo1) | (9 - mo2) | (9 - d1) | (9 - d2)
                | (9 - h1) | (9 - h2) | (9 - mi1) | (9 - mi2) | (9 - s1) | (9 - s2) | (9 - f1) | (9 - f2) | (9 - f3);
        if (!separators || (any | nines) < 0) {
            return NOT_FIXED;
        }
        subMilliNanos = 0;
        int hour = h1 * 10 + h2;
        int minute = mi1 * 10 + mi2;
        int second = s1 * 10 + s2;
        if (hour > 23 || minute > 59 || second > 59) {
            return NOT_FIXED;
        }
        int year = ((y1 * 10 + y2) * 10 + y3) * 10 + y4;
        int month = mo1 * 10 + mo2;
        int day = d1 * 10 + d2;
        int date = (year * 100 + month) * 100 + day;
        long days;
        if (date == lastDate) {
            days = lastEpochDay;
        } else {
            if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
                return NOT_FIXED;
            }
            days = epochDay(year, month, day);
            lastDate = date;
            lastEpochDay = days;
        }
        return days * 86_400_000L + ((hour * 60 + minute) * 60 + second) * 1000 + (f1 * 100 + f2 * 10 + f3);
    }

    /**
     * Parses a decimal number and rounds it (half up) to {@code scale}. Returns 1 when the value is in
     * {@link #decimalUnscaled()}, 2 when it is in {@link #decimalBig()}, and 0 when it has more than
     * {@code precision} digits (Flink reads such a value as NULL); failure is reported by {@link #failed()}.
     */
    public int parseDecimal(byte[] b, int start, int end, int precision, int scale) {
        if (!trim(b, start, end)) {
            return 0;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                unscaled = unscaled * 10 + d;
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b[i] == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        fraction = Math.max(fraction, 0);
        if (i == to && digits > 0 && digits <= 18 && scale - fraction <= 18) {
            boolean fits = true;
            if (fraction <= scale) {
                long factor = POW10[scale - fraction];
                fits = unscaled <= Long.MAX_VALUE / factor;
                unscaled *= factor;
            } else {
                long divisor = POW10[fraction - scale];
                long rest = unscaled % divisor;
                unscaled /= divisor;
                if (rest * 2 >= divisor) {
                    unscaled++;
                }
            }
            if (fits) {
                if (precision <= 18 && unscaled >= POW10[precision]) {
                    return 0;
                }
                decimalUnscaled = negative ? -unscaled : unscaled;
                return 1;
            }
        }
        try {
            BigDecimal d = new BigDecimal(new String(b, from, to - from, StandardCharsets.ISO_8859_1))
                    .setScale(scale, RoundingMode.HALF_UP);
            if (d.precision() > precision) {
                return 0;
            }
            decimalBig = d;
            return 2;
        } catch (NumberFormatException | ArithmeticException e) {
            failed = true;
            return 0;
        }
    }

    /** The unscaled value of the last {@link #parseDecimal} that returned 1. */
    public long decimalUnscaled() {
        return decimalUnscaled;
    }

    /** The value of the last {@link #parseDecimal} that returned 2. */
    public BigDecimal decimalBig() {
        return decimalBig;
    }

    private static int digits(byte[] b, int i, int n) {
        if (n == 2) {
            int d1 = b[i] - '0';
            int d2 = b[i + 1] - '0';
            return (d1 | d2 | (9 - d1) | (9 - d2)) < 0 ? -1 : d1 * 10 + d2;
        }
        int d1 = b[i] - '0';
        int d2 = b[i + 1] - '0';
        int d3 = b[i + 2] - '0';
        int d4 = b[i + 3] - '0';
        if ((d1 | d2 | d3 | d4 | (9 - d1) | (9 - d2) | (9 - d3) | (9 - d4)) < 0) {
            return -1;
        }
        return ((d1 * 10 + d2) * 10 + d3) * 10 + d4;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date. */
    public static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 719468;
    }
}
