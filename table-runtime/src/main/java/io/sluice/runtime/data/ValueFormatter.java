package io.sluice.runtime.data;

import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

/**
 * Renders external values as Flink prints them in results: {@code TRUE}/{@code FALSE}, plain decimals,
 * {@code 2024-01-31 10:00:00.000} for TIMESTAMP(3), {@code x'0a1b'} for bytes, {@code +1-02} and
 * {@code +1 02:03:04.000} for intervals. Null handling is the caller's (each output format prints NULL
 * its own way).
 */
public final class ValueFormatter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ZoneId localTimeZone;

    public ValueFormatter(ZoneId localTimeZone) {
        this.localTimeZone = localTimeZone;
    }

    /** Formats a non-null external value of the given type. */
    public String format(LogicalType type, Object value) {
        switch (type.root()) {
            case BOOLEAN:
                return ((Boolean) value) ? "TRUE" : "FALSE";
            case DECIMAL:
                return ((BigDecimal) value).toPlainString();
            case BINARY:
            case VARBINARY:
                return hex((byte[]) value);
            case DATE:
                return value.toString();
            case TIME:
                return formatTime((LocalTime) value, type.precision());
            case TIMESTAMP:
                return formatTimestamp((LocalDateTime) value, type.precision());
            case TIMESTAMP_LTZ:
                return formatTimestamp(LocalDateTime.ofInstant((Instant) value, localTimeZone), type.precision());
            case INTERVAL_YEAR_MONTH:
                return formatYearMonth((Period) value);
            case INTERVAL_DAY_TIME:
                return formatDayTime((Duration) value);
            case ARRAY:
                return formatArray(type.elementType(), value);
            case MAP:
            case MULTISET:
                return formatMap(type, (java.util.Map<?, ?>) value);
            case ROW:
                return formatRow(type, (io.sluice.types.Row) value);
            default:
                return value.toString();
        }
    }

    /** A nested value: {@code NULL} for null, else as {@link #format}. */
    private String formatNested(LogicalType type, Object value) {
        return value == null ? "NULL" : format(type, value);
    }

    /** Flink's text for an ARRAY: {@code [1, 2, NULL]}. */
    private String formatArray(LogicalType elementType, Object value) {
        Object[] elements = value instanceof java.util.Collection ? ((java.util.Collection<?>) value).toArray()
                : (Object[]) value;
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(formatNested(elementType, elements[i]));
        }
        return sb.append(']').toString();
    }

    /** Flink's text for a MAP or MULTISET (element to count): {@code {a=1, b=2}}. */
    private String formatMap(LogicalType type, java.util.Map<?, ?> map) {
        LogicalType valueType = type.root() == io.sluice.runtime.types.TypeRoot.MAP ? type.valueType()
                : LogicalType.integer();
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
            sb.append(first ? "" : ", ").append(formatNested(type.keyType(), e.getKey())).append('=')
                    .append(formatNested(valueType, e.getValue()));
            first = false;
        }
        return sb.append('}').toString();
    }

    /** Flink's text for a ROW: {@code (1, abc)}. */
    private String formatRow(LogicalType type, io.sluice.types.Row row) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < row.getArity(); i++) {
            sb.append(i == 0 ? "" : ", ").append(formatNested(type.children().get(i), row.getField(i)));
        }
        return sb.append(')').toString();
    }

    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2 + 3).append("x'");
        for (byte b : bytes) {
            sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return sb.append('\'').toString();
    }

    public static String formatTimestamp(LocalDateTime t, int precision) {
        LocalDate d = t.toLocalDate();
        StringBuilder sb = new StringBuilder(32);
        int year = d.getYear();
        if (year < 0) {
            sb.append('-');
            year = -year;
        }
        pad(sb, year, 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append(' ');
        appendTime(sb, t.toLocalTime(), precision);
        return sb.toString();
    }

    public static String formatTime(LocalTime t, int precision) {
        return appendTime(new StringBuilder(16), t, precision).toString();
    }

    private static StringBuilder appendTime(StringBuilder sb, LocalTime t, int precision) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        if (precision > 0) {
            String nanos = String.valueOf(1_000_000_000L + t.getNano()).substring(1);
            sb.append('.').append(nanos, 0, Math.min(precision, 9));
        }
        return sb;
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /** Flink's form for INTERVAL YEAR TO MONTH: {@code +1-02}. */
    public static String formatYearMonth(Period p) {
        long months = p.toTotalMonths();
        String sign = months < 0 ? "-" : "+";
        months = Math.abs(months);
        return sign + (months / 12) + "-" + String.format("%02d", months % 12);
    }

    /** Flink's form for INTERVAL DAY TO SECOND(3): {@code +1 02:03:04.000}. */
    public static String formatDayTime(Duration d) {
        long millis = d.toMillis();
        String sign = millis < 0 ? "-" : "+";
        millis = Math.abs(millis);
        long days = millis / 86_400_000L;
        long rest = millis % 86_400_000L;
        return String.format("%s%d %02d:%02d:%02d.%03d", sign, days, rest / 3_600_000L,
                (rest / 60_000L) % 60, (rest / 1000L) % 60, rest % 1000L);
    }
}
