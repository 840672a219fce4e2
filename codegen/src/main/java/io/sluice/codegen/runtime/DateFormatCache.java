package io.sluice.codegen.runtime;

import java.time.format.DateTimeFormatter;

/**
 * DATE_FORMAT with a constant pattern, remembering the last result: a pattern whose finest field is the day (such as
 * {@code 'yyyy-MM-dd'}), the hour, the minute or the second gives the same text for every timestamp in the same
 * day, hour, minute or second, and a stream's timestamps mostly stay in one for many rows. Formats with the
 * {@link DateTimeFormatter} when the unit changes (so the texts and errors are the formatter's). One instance belongs
 * to one generated kernel (one thread).
 */
public final class DateFormatCache {
    private static final long NO_KEY = Long.MIN_VALUE;

    private final DateTimeFormatter formatter;
    /** Timestamp units (of the precision) per unit of the pattern's finest field; 0 = not cached. */
    private final long unitsPerKey;
    private final int precision;
    private long lastKey = NO_KEY;
    private String last;

    /** A cache for timestamps of {@code precision} (0-9) formatted with {@code formatter}, made from {@code pattern}. */
    public DateFormatCache(String pattern, DateTimeFormatter formatter, int precision) {
        this.formatter = formatter;
        this.precision = precision;
        long millis = finestFieldMillis(pattern);
        long perSecond = io.sluice.runtime.types.TimestampUnits.perSecond(Math.max(precision, 3));
        this.unitsPerKey = millis >= 1000 ? millis / 1000 * perSecond : 0;
    }

    /** DATE_FORMAT of a TIMESTAMP value of this cache's precision (millis when the precision is at most 3). */
    public String format(long value) {
        if (unitsPerKey == 0) {
            return formatUncached(value);
        }
        long key = Math.floorDiv(value, unitsPerKey);
        if (key != lastKey || last == null) {
            last = formatUncached(value);
            lastKey = key;
        }
        return last;
    }

    private String formatUncached(long value) {
        return precision <= 3 ? DateTimeRuntime.format(value, formatter)
                : DateTimeRuntime.format(value, precision, formatter);
    }

    /**
     * Milliseconds in the unit of the finest field of a {@link DateTimeFormatter} pattern: a day, an hour, a minute
     * or a second; 0 when the pattern has a finer field or one this class does not know (then nothing is cached).
     */
    static long finestFieldMillis(String pattern) {
        long finest = 86_400_000L;
        boolean quoted = false;
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == '\'') {
                quoted = !quoted;
                continue;
            }
            if (quoted || !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                continue;
            }
            long unit;
            if ("GuyDMLdQqYwWEecF".indexOf(c) >= 0) {
                unit = 86_400_000L;
            } else if ("aHhKk".indexOf(c) >= 0) {
                unit = 3_600_000L;
            } else if (c == 'm') {
                unit = 60_000L;
            } else if (c == 's') {
                unit = 1_000L;
            } else {
                return 0; // fractions, zones, day periods, ...: not cached
            }
            finest = Math.min(finest, unit);
        }
        return finest;
    }
}
