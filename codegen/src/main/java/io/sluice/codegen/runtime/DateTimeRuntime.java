package io.sluice.codegen.runtime;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Date/time kernels over the runtime representations: DATE = days since epoch (int), TIME = millis
 * of day (int), TIMESTAMP = zone-less millis since epoch (long), TIMESTAMP_LTZ = instant millis
 * (long), INTERVAL YEAR TO MONTH = months (int), INTERVAL DAY TO SECOND = millis (long).
 */
public final class DateTimeRuntime {
    public static final long MILLIS_PER_DAY = 86_400_000L;
    /** Unit codes used by generated code for EXTRACT / FLOOR / CEIL / TIMESTAMPADD / TIMESTAMPDIFF. */
    public static final int YEAR = 0, QUARTER = 1, MONTH = 2, WEEK = 3, DAY = 4, HOUR = 5, MINUTE = 6,
            SECOND = 7, MILLISECOND = 8, MICROSECOND = 9, NANOSECOND = 10, DOW = 11, DOY = 12, EPOCH = 13,
            DECADE = 14, CENTURY = 15, MILLENNIUM = 16, ISODOW = 17, ISOYEAR = 18;
    /** Returned by parsing functions for "no value"; generated code turns it into NULL. */
    public static final long NO_VALUE = Long.MIN_VALUE;

    private static final ThreadLocal<Map<String, DateTimeFormatter>> FORMATTERS = ThreadLocal.withInitial(
            () -> new LinkedHashMap<String, DateTimeFormatter>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, DateTimeFormatter> e) {
                    return size() > 32;
                }
            });

    private DateTimeRuntime() {
    }

    public static LocalDateTime toLocalDateTime(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    public static long toMillis(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1000L + t.getNano() / 1_000_000;
    }

    /** TIMESTAMP_LTZ (instant) to the wall-clock TIMESTAMP in {@code zone}. */
    public static long ltzToTimestamp(long instantMillis, ZoneId zone) {
        return toMillis(LocalDateTime.ofInstant(Instant.ofEpochMilli(instantMillis), zone));
    }

    /** Wall-clock TIMESTAMP in {@code zone} to the instant. */
    public static long timestampToLtz(long localMillis, ZoneId zone) {
        return toLocalDateTime(localMillis).atZone(zone).toInstant().toEpochMilli();
    }

    /** {@link #ltzToTimestamp(long, ZoneId)} of a value counted in {@code perMilli} units, keeping the sub-millis. */
    public static long ltzToTimestamp(long value, ZoneId zone, long perMilli) {
        return ltzToTimestamp(Math.floorDiv(value, perMilli), zone) * perMilli + Math.floorMod(value, perMilli);
    }

    /** {@link #timestampToLtz(long, ZoneId)} of a value counted in {@code perMilli} units, keeping the sub-millis. */
    public static long timestampToLtz(long value, ZoneId zone, long perMilli) {
        return timestampToLtz(Math.floorDiv(value, perMilli), zone) * perMilli + Math.floorMod(value, perMilli);
    }

    /** {@link #addMonths(long, int)} of a value counted in {@code perMilli} units, keeping the sub-millis. */
    public static long addMonths(long value, int months, long perMilli) {
        return addMonths(Math.floorDiv(value, perMilli), months) * perMilli + Math.floorMod(value, perMilli);
    }

    public static int timestampToDate(long millis) {
        return (int) Math.floorDiv(millis, MILLIS_PER_DAY);
    }

    public static int timestampToTime(long millis) {
        return (int) Math.floorMod(millis, MILLIS_PER_DAY);
    }

    public static long addMonths(long millis, int months) {
        LocalDateTime t = toLocalDateTime(millis).plusMonths(months);
        return toMillis(t);
    }

    public static int addMonthsToDate(int days, int months) {
        return (int) LocalDate.ofEpochDay(days).plusMonths(months).toEpochDay();
    }

    /** Whole months from {@code t1} to {@code t2} (negative when t2 is earlier), as Calcite counts them. */
    public static int monthsBetween(long t2, long t1) {
        LocalDateTime a = toLocalDateTime(t1);
        LocalDateTime b = toLocalDateTime(t2);
        int months = (b.getYear() - a.getYear()) * 12 + (b.getMonthValue() - a.getMonthValue());
        LocalDateTime shifted = a.plusMonths(months);
        if (months > 0 && shifted.isAfter(b)) {
            months--;
        } else if (months < 0 && shifted.isBefore(b)) {
            months++;
        }
        return months;
    }

    /** EXTRACT(unit FROM timestamp millis). */
    public static long extract(int unit, long millis) {
        LocalDateTime t = toLocalDateTime(millis);
        switch (unit) {
            case YEAR:
                return t.getYear();
            case QUARTER:
                return (t.getMonthValue() + 2) / 3;
            case MONTH:
                return t.getMonthValue();
            case WEEK:
                return t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case DAY:
                return t.getDayOfMonth();
            case HOUR:
                return t.getHour();
            case MINUTE:
                return t.getMinute();
            case SECOND:
                return t.getSecond();
            case MILLISECOND: // only the fraction of the second, as Flink (Calcite would add the seconds)
                return t.getNano() / 1_000_000;
            case MICROSECOND:
                return t.getNano() / 1_000;
            case NANOSECOND:
                return t.getNano();
            case DOW:
                return t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
            case ISODOW:
                return t.getDayOfWeek().getValue();
            case DOY:
                return t.getDayOfYear();
            case EPOCH:
                return Math.floorDiv(millis, 1000L);
            case DECADE:
                return Math.floorDiv(t.getYear(), 10);
            case CENTURY:
                return t.getYear() > 0 ? (t.getYear() + 99) / 100 : -((-t.getYear() + 99) / 100);
            case MILLENNIUM:
                return t.getYear() > 0 ? (t.getYear() + 999) / 1000 : -((-t.getYear() + 999) / 1000);
            case ISOYEAR:
                return t.get(IsoFields.WEEK_BASED_YEAR);
            default:
                throw new IllegalArgumentException("EXTRACT unit " + unit);
        }
    }

    /** EXTRACT(unit FROM timestamp) of a TIMESTAMP counted in {@code perMilli} units per millisecond. */
    public static long extract(int unit, long value, long perMilli) {
        if (perMilli == 1) {
            return extract(unit, value);
        }
        long nanosOfSecond = Math.floorMod(value, perMilli * 1000L) * (1_000_000L / perMilli);
        switch (unit) {
            case MILLISECOND:
                return nanosOfSecond / 1_000_000L;
            case MICROSECOND:
                return nanosOfSecond / 1_000L;
            case NANOSECOND:
                return nanosOfSecond;
            default:
                return extract(unit, Math.floorDiv(value, perMilli));
        }
    }

    /** TIMESTAMPADD(unit, n, ts) of a TIMESTAMP counted in {@code perMilli} units per millisecond. */
    public static long timestampAdd(int unit, long n, long value, long perMilli) {
        if (perMilli == 1) {
            return timestampAdd(unit, n, value);
        }
        switch (unit) {
            case MICROSECOND:
                return value + n * perMilli / 1000L;
            case NANOSECOND:
                return value + n * perMilli / 1_000_000L;
            default:
                return timestampAdd(unit, n, Math.floorDiv(value, perMilli)) * perMilli + Math.floorMod(value, perMilli);
        }
    }

    /** TIMESTAMPDIFF(unit, t1, t2) of TIMESTAMPs both counted in {@code perMilli} units per millisecond. */
    public static long timestampDiff(int unit, long t1, long t2, long perMilli) {
        if (perMilli == 1) {
            return timestampDiff(unit, t1, t2);
        }
        switch (unit) {
            case YEAR:
            case QUARTER:
            case MONTH:
                return timestampDiff(unit, Math.floorDiv(t1, perMilli), Math.floorDiv(t2, perMilli));
            case WEEK:
                return (t2 - t1) / (7 * MILLIS_PER_DAY * perMilli);
            case DAY:
                return (t2 - t1) / (MILLIS_PER_DAY * perMilli);
            case HOUR:
                return (t2 - t1) / (3_600_000L * perMilli);
            case MINUTE:
                return (t2 - t1) / (60_000L * perMilli);
            case SECOND:
                return (t2 - t1) / (1000L * perMilli);
            case MILLISECOND:
                return (t2 - t1) / perMilli;
            case MICROSECOND:
                return (t2 - t1) * 1000L / perMilli;
            case NANOSECOND:
                return (t2 - t1) * 1_000_000L / perMilli;
            default:
                throw new IllegalArgumentException("TIMESTAMPDIFF unit " + unit);
        }
    }

    /** EXTRACT from an INTERVAL DAY TO SECOND (millis). */
    public static long extractFromDayTime(int unit, long millis) {
        switch (unit) {
            case DAY:
                return millis / MILLIS_PER_DAY;
            case HOUR:
                return (millis / 3_600_000L) % 24;
            case MINUTE:
                return (millis / 60_000L) % 60;
            case SECOND:
                return (millis / 1000L) % 60;
            case MILLISECOND:
                return millis % 60_000L;
            case EPOCH:
                return millis / 1000L;
            default:
                throw new IllegalArgumentException("EXTRACT unit " + unit + " from INTERVAL DAY TO SECOND");
        }
    }

    /** EXTRACT from an INTERVAL YEAR TO MONTH (months). */
    public static long extractFromYearMonth(int unit, int months) {
        switch (unit) {
            case YEAR:
                return months / 12;
            case MONTH:
                return months % 12;
            case QUARTER:
                return (months % 12) / 3 + 1;
            default:
                throw new IllegalArgumentException("EXTRACT unit " + unit + " from INTERVAL YEAR TO MONTH");
        }
    }

    /** FLOOR(ts TO unit) or CEIL(ts TO unit). */
    public static long floorCeil(int unit, long millis, boolean ceil) {
        long fixed;
        switch (unit) {
            case MILLISECOND:
                return millis;
            case SECOND:
                fixed = 1000L;
                break;
            case MINUTE:
                fixed = 60_000L;
                break;
            case HOUR:
                fixed = 3_600_000L;
                break;
            case DAY:
                fixed = MILLIS_PER_DAY;
                break;
            default:
                fixed = 0;
        }
        if (fixed > 0) {
            long f = Math.floorDiv(millis, fixed) * fixed;
            return ceil && f != millis ? f + fixed : f;
        }
        LocalDateTime t = toLocalDateTime(millis);
        LocalDateTime f;
        switch (unit) {
            case WEEK:
                // Flink/Calcite weeks start on Sunday.
                LocalDate d = t.toLocalDate();
                int back = d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue();
                f = d.minusDays(back).atStartOfDay();
                break;
            case MONTH:
                f = t.toLocalDate().withDayOfMonth(1).atStartOfDay();
                break;
            case QUARTER:
                f = LocalDate.of(t.getYear(), ((t.getMonthValue() - 1) / 3) * 3 + 1, 1).atStartOfDay();
                break;
            case YEAR:
                f = LocalDate.of(t.getYear(), 1, 1).atStartOfDay();
                break;
            case DECADE:
                f = LocalDate.of(Math.floorDiv(t.getYear(), 10) * 10, 1, 1).atStartOfDay();
                break;
            case CENTURY:
                f = LocalDate.of(Math.floorDiv(t.getYear() - 1, 100) * 100 + 1, 1, 1).atStartOfDay();
                break;
            case MILLENNIUM:
                f = LocalDate.of(Math.floorDiv(t.getYear() - 1, 1000) * 1000 + 1, 1, 1).atStartOfDay();
                break;
            default:
                throw new IllegalArgumentException("FLOOR/CEIL unit " + unit);
        }
        long fm = toMillis(f);
        if (!ceil || fm == millis) {
            return fm;
        }
        switch (unit) {
            case WEEK:
                return toMillis(f.plusWeeks(1));
            case MONTH:
                return toMillis(f.plusMonths(1));
            case QUARTER:
                return toMillis(f.plusMonths(3));
            case YEAR:
                return toMillis(f.plusYears(1));
            case DECADE:
                return toMillis(f.plusYears(10));
            case CENTURY:
                return toMillis(f.plusYears(100));
            default:
                return toMillis(f.plusYears(1000));
        }
    }

    /** TIMESTAMPADD(unit, n, ts). */
    public static long timestampAdd(int unit, long n, long millis) {
        switch (unit) {
            case YEAR:
                return addMonths(millis, (int) (n * 12));
            case QUARTER:
                return addMonths(millis, (int) (n * 3));
            case MONTH:
                return addMonths(millis, (int) n);
            case WEEK:
                return millis + n * 7 * MILLIS_PER_DAY;
            case DAY:
                return millis + n * MILLIS_PER_DAY;
            case HOUR:
                return millis + n * 3_600_000L;
            case MINUTE:
                return millis + n * 60_000L;
            case SECOND:
                return millis + n * 1000L;
            case MILLISECOND:
                return millis + n;
            case MICROSECOND:
                return millis + n / 1000L;
            case NANOSECOND:
                return millis + n / 1_000_000L;
            default:
                throw new IllegalArgumentException("TIMESTAMPADD unit " + unit);
        }
    }

    /** TIMESTAMPDIFF(unit, t1, t2): whole units from t1 to t2. */
    public static long timestampDiff(int unit, long t1, long t2) {
        switch (unit) {
            case YEAR:
                return monthsBetween(t2, t1) / 12;
            case QUARTER:
                return monthsBetween(t2, t1) / 3;
            case MONTH:
                return monthsBetween(t2, t1);
            case WEEK:
                return (t2 - t1) / (7 * MILLIS_PER_DAY);
            case DAY:
                return (t2 - t1) / MILLIS_PER_DAY;
            case HOUR:
                return (t2 - t1) / 3_600_000L;
            case MINUTE:
                return (t2 - t1) / 60_000L;
            case SECOND:
                return (t2 - t1) / 1000L;
            case MILLISECOND:
                return t2 - t1;
            case MICROSECOND:
                return (t2 - t1) * 1000L;
            case NANOSECOND:
                return (t2 - t1) * 1_000_000L;
            default:
                throw new IllegalArgumentException("TIMESTAMPDIFF unit " + unit);
        }
    }

    public static DateTimeFormatter formatter(String pattern) {
        Map<String, DateTimeFormatter> m = FORMATTERS.get();
        DateTimeFormatter f = m.get(pattern);
        if (f == null) {
            f = DateTimeFormatter.ofPattern(pattern);
            m.put(pattern, f);
        }
        return f;
    }

    /** DATE_FORMAT(timestamp, 'yyyy-MM-dd HH:mm:ss'): Java/SimpleDateFormat-style pattern letters. */
    public static String format(long millis, DateTimeFormatter f) {
        return f.format(toLocalDateTime(millis));
    }

    /** DATE_FORMAT of a TIMESTAMP(precision) counted in the unit of its precision (fractions up to nanoseconds). */
    public static String format(long value, int precision, DateTimeFormatter f) {
        return f.format(io.sluice.runtime.types.TimestampUnits.toLocalDateTime(value, precision));
    }

    /** DATE_FORMAT on a string timestamp; NULL when the string is not a timestamp. */
    public static String format(String timestamp, DateTimeFormatter f) {
        long t = parseTimestampOrNoValue(timestamp);
        return t == NO_VALUE ? null : format(t, f);
    }

    /** TO_TIMESTAMP(s [, format]); {@link #NO_VALUE} when it does not parse (Flink gives NULL). */
    public static long toTimestamp(String s, DateTimeFormatter f) {
        try {
            TemporalAccessor ta = f.parse(s.trim());
            LocalDate d = LocalDate.of(get(ta, ChronoField.YEAR, 1970), get(ta, ChronoField.MONTH_OF_YEAR, 1),
                    get(ta, ChronoField.DAY_OF_MONTH, 1));
            LocalDateTime t = d.atTime(get(ta, ChronoField.HOUR_OF_DAY, 0), get(ta, ChronoField.MINUTE_OF_HOUR, 0),
                    get(ta, ChronoField.SECOND_OF_MINUTE, 0), get(ta, ChronoField.NANO_OF_SECOND, 0));
            return toMillis(t);
        } catch (java.time.DateTimeException e) {
            return NO_VALUE;
        }
    }

    /** TO_DATE(s [, format]); {@link #NO_VALUE} when it does not parse. */
    public static long toDate(String s, DateTimeFormatter f) {
        long t = toTimestamp(s, f);
        return t == NO_VALUE ? NO_VALUE : timestampToDate(t);
    }

    private static int get(TemporalAccessor ta, ChronoField field, int dflt) {
        return ta.isSupported(field) ? ta.get(field) : dflt;
    }

    // ---- parsing and printing for CAST ----

    public static int parseDate(String s) {
        String v = s.trim();
        try {
            int dash1 = v.indexOf('-', 1);
            int dash2 = v.indexOf('-', dash1 + 1);
            int space = v.indexOf(' ');
            int year = Integer.parseInt(v.substring(0, dash1));
            int month = Integer.parseInt(v.substring(dash1 + 1, dash2));
            int day = Integer.parseInt(v.substring(dash2 + 1, space < 0 ? v.length() : space));
            return (int) LocalDate.of(year, month, day).toEpochDay();
        } catch (RuntimeException e) {
            throw CastException.cannotParse(s, "DATE");
        }
    }

    public static int parseTime(String s) {
        String v = s.trim();
        try {
            String[] parts = v.split(":");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException();
            }
            int h = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            int millis = 0;
            int sec = 0;
            if (parts.length == 3) {
                String secPart = parts[2];
                int dot = secPart.indexOf('.');
                sec = Integer.parseInt(dot < 0 ? secPart : secPart.substring(0, dot));
                if (dot >= 0) {
                    millis = fractionToMillis(secPart.substring(dot + 1));
                }
            }
            if (h > 23 || m > 59 || sec > 59 || h < 0 || m < 0 || sec < 0) {
                throw new IllegalArgumentException();
            }
            return (h * 3600 + m * 60 + sec) * 1000 + millis;
        } catch (RuntimeException e) {
            throw CastException.cannotParse(s, "TIME");
        }
    }

    public static long parseTimestamp(String s) {
        long v = parseTimestampOrNoValue(s);
        if (v == NO_VALUE) {
            throw CastException.cannotParse(s, "TIMESTAMP");
        }
        return v;
    }

    /** Parses 'yyyy-MM-dd[ HH:mm[:ss[.fff]]]' (also with 'T'); {@link #NO_VALUE} if it is not one. */
    public static long parseTimestampOrNoValue(String s) {
        String v = s.trim();
        int sep = v.indexOf(' ');
        if (sep < 0) {
            sep = v.indexOf('T');
        }
        try {
            int days = parseDate(sep < 0 ? v : v.substring(0, sep));
            int time = sep < 0 ? 0 : parseTime(v.substring(sep + 1).trim());
            return days * MILLIS_PER_DAY + time;
        } catch (RuntimeException e) {
            return NO_VALUE;
        }
    }

    /**
     * CAST of a string to TIMESTAMP(precision): 'yyyy-MM-dd[ HH:mm[:ss[.fffffffff]]]' (also with 'T') as a value in
     * the unit of the precision, fraction digits beyond the precision dropped.
     */
    public static long parseTimestamp(String s, int precision) {
        if (precision <= 3) {
            return io.sluice.runtime.types.TimestampUnits.truncate(parseTimestamp(s), precision);
        }
        String v = s.trim();
        int sep = v.indexOf(' ');
        if (sep < 0) {
            sep = v.indexOf('T');
        }
        try {
            int days = parseDate(sep < 0 ? v : v.substring(0, sep));
            long nanosOfDay = 0;
            if (sep >= 0) {
                String time = v.substring(sep + 1).trim();
                int dot = time.indexOf('.');
                nanosOfDay = parseTime(dot < 0 ? time : time.substring(0, dot)) * 1_000_000L;
                if (dot >= 0) {
                    nanosOfDay += fractionToNanos(time.substring(dot + 1));
                }
            }
            return io.sluice.runtime.types.TimestampUnits.fromEpochSecond(days * 86_400L + nanosOfDay / 1_000_000_000L,
                    (int) (nanosOfDay % 1_000_000_000L), precision);
        } catch (RuntimeException e) {
            throw CastException.cannotParse(s, "TIMESTAMP(" + precision + ")");
        }
    }

    private static long fractionToNanos(String frac) {
        if (frac.isEmpty() || frac.length() > 9) {
            throw new IllegalArgumentException();
        }
        for (int k = 0; k < frac.length(); k++) {
            if (!Character.isDigit(frac.charAt(k))) {
                throw new IllegalArgumentException();
            }
        }
        return Long.parseLong((frac + "00000000").substring(0, 9));
    }

    private static int fractionToMillis(String frac) {
        if (frac.isEmpty() || frac.length() > 9) {
            throw new IllegalArgumentException();
        }
        String padded = (frac + "000").substring(0, 3);
        for (int k = 0; k < frac.length(); k++) {
            if (!Character.isDigit(frac.charAt(k))) {
                throw new IllegalArgumentException();
            }
        }
        return Integer.parseInt(padded);
    }

    public static String formatDate(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    /** TIME as 'HH:mm:ss' plus {@code precision} fraction digits (at most 3 are non-zero). */
    public static String formatTime(int millis, int precision) {
        StringBuilder sb = new StringBuilder();
        int secs = millis / 1000;
        two(sb, secs / 3600).append(':');
        two(sb, (secs / 60) % 60).append(':');
        two(sb, secs % 60);
        fraction(sb, millis % 1000, precision);
        return sb.toString();
    }

    /**
     * TIMESTAMP(precision) as 'yyyy-MM-dd HH:mm:ss' plus {@code precision} fraction digits; {@code value} counts
     * the unit of the precision (milli-, micro- or nanoseconds, see {@code TimestampUnits}).
     */
    public static String formatTimestamp(long value, int precision) {
        if (precision <= 3) {
            return formatDate(timestampToDate(value)) + ' ' + formatTime(timestampToTime(value), precision);
        }
        long perSecond = io.sluice.runtime.types.TimestampUnits.perSecond(precision);
        long seconds = Math.floorDiv(value, perSecond);
        long nanos = Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond);
        int days = (int) Math.floorDiv(seconds, 86_400L);
        int secs = (int) Math.floorMod(seconds, 86_400L);
        StringBuilder sb = new StringBuilder(formatDate(days)).append(' ');
        two(sb, secs / 3600).append(':');
        two(sb, (secs / 60) % 60).append(':');
        two(sb, secs % 60).append('.');
        String digits = String.valueOf(1_000_000_000L + nanos).substring(1);
        return sb.append(digits, 0, precision).toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    private static void fraction(StringBuilder sb, int millis, int precision) {
        if (precision <= 0) {
            return;
        }
        String ms = String.valueOf(1000 + millis).substring(1);
        sb.append('.');
        for (int k = 0; k < precision; k++) {
            sb.append(k < 3 ? ms.charAt(k) : '0');
        }
    }

    /** INTERVAL DAY TO SECOND in Flink's format, e.g. '+1 02:03:04.000'. */
    public static String formatDayTime(long millis) {
        StringBuilder sb = new StringBuilder(millis < 0 ? "-" : "+");
        long m = Math.abs(millis);
        sb.append(m / MILLIS_PER_DAY).append(' ');
        sb.append(formatTime((int) (m % MILLIS_PER_DAY), 3));
        return sb.toString();
    }

    /** INTERVAL YEAR TO MONTH in Flink's format, e.g. '+1-02'. */
    public static String formatYearMonth(int months) {
        int m = Math.abs(months);
        return (months < 0 ? "-" : "+") + (m / 12) + "-" + (m % 12 < 10 ? "0" : "") + (m % 12);
    }

    // ---- unix time (seconds since the epoch) ----

    /** FROM_UNIXTIME: the instant {@code seconds} after the epoch, formatted as wall-clock time in {@code zone}. */
    public static String fromUnixtime(long seconds, DateTimeFormatter f, ZoneId zone) {
        return f.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), zone));
    }

    /**
     * UNIX_TIMESTAMP(s [, format]): seconds since the epoch of the wall-clock time {@code s} in {@code zone},
     * or of the offset the string itself carries; {@link #NO_VALUE} (Long.MIN_VALUE, as Flink returns) when
     * {@code s} does not match the format.
     */
    public static long unixTimestamp(String s, DateTimeFormatter f, ZoneId zone) {
        try {
            TemporalAccessor ta = f.parse(s.trim());
            LocalDate d = LocalDate.of(get(ta, ChronoField.YEAR, 1970), get(ta, ChronoField.MONTH_OF_YEAR, 1),
                    get(ta, ChronoField.DAY_OF_MONTH, 1));
            LocalDateTime t = d.atTime(get(ta, ChronoField.HOUR_OF_DAY, 0), get(ta, ChronoField.MINUTE_OF_HOUR, 0),
                    get(ta, ChronoField.SECOND_OF_MINUTE, 0), get(ta, ChronoField.NANO_OF_SECOND, 0));
            ZoneId z = ta.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(ta.get(ChronoField.OFFSET_SECONDS)) : zone;
            return Math.floorDiv(t.atZone(z).toInstant().toEpochMilli(), 1000L);
        } catch (java.time.DateTimeException e) {
            return NO_VALUE;
        }
    }

    /**
     * TO_TIMESTAMP_LTZ(s [, format [, zone]]): epoch milliseconds of the wall-clock time {@code s} in {@code zone}
     * (or in the offset the string carries); {@link #NO_VALUE} (NULL) when {@code s} does not match the format.
     */
    public static long stringToLtz(String s, DateTimeFormatter f, ZoneId zone) {
        try {
            TemporalAccessor ta = f.parse(s.trim());
            LocalDate d = LocalDate.of(get(ta, ChronoField.YEAR, 1970), get(ta, ChronoField.MONTH_OF_YEAR, 1),
                    get(ta, ChronoField.DAY_OF_MONTH, 1));
            LocalDateTime t = d.atTime(get(ta, ChronoField.HOUR_OF_DAY, 0), get(ta, ChronoField.MINUTE_OF_HOUR, 0),
                    get(ta, ChronoField.SECOND_OF_MINUTE, 0), get(ta, ChronoField.NANO_OF_SECOND, 0));
            ZoneId z = ta.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(ta.get(ChronoField.OFFSET_SECONDS)) : zone;
            return epochToLtz(t.atZone(z).toInstant().toEpochMilli(), 3);
        } catch (java.time.DateTimeException e) {
            return NO_VALUE;
        }
    }

    /** {@link #stringToLtz} in the time zone named {@code zoneId}; {@link #NO_VALUE} when no zone has that name. */
    public static long stringToLtz(String s, DateTimeFormatter f, String zoneId) {
        ZoneId zone = zoneOrNull(zoneId);
        return zone == null ? NO_VALUE : stringToLtz(s, f, zone);
    }

    /** The time zone named {@code id} for TO_TIMESTAMP_LTZ's third argument; null (the result NULL) if unknown. */
    public static ZoneId zoneOrNull(String id) {
        try {
            return ZoneId.of(id.trim());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * TO_TIMESTAMP_LTZ(n, precision) for an integral n: epoch seconds (precision 0) or millis (3);
     * {@link #NO_VALUE} when the result is outside years 0000-9999, which Flink gives as NULL.
     */
    public static long epochToLtz(long n, int precision) {
        if (precision == 0) {
            return n < MIN_EPOCH_SECONDS || n > MAX_EPOCH_SECONDS ? NO_VALUE : n * 1000L;
        }
        return n < MIN_EPOCH_SECONDS * 1000L || n > MAX_EPOCH_SECONDS * 1000L + 999L ? NO_VALUE : n;
    }

    /** TO_TIMESTAMP_LTZ(d, precision) for an approximate d: whole millis, truncated. */
    public static long epochToLtz(double d, int precision) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return NO_VALUE;
        }
        return epochToLtz(precision == 0 ? (long) (d * 1000.0d) : (long) d, 3);
    }

    /** TO_TIMESTAMP_LTZ(d, precision) for a DECIMAL d: whole seconds or millis, truncated. */
    public static long epochToLtz(java.math.BigDecimal d, int precision) {
        return epochToLtz(d.setScale(0, java.math.RoundingMode.DOWN).longValue(), precision);
    }

    private static final long MIN_EPOCH_SECONDS = -62_167_219_200L;
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;
}
