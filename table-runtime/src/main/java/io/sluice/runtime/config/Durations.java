package io.sluice.runtime.config;

import java.time.Duration;
import java.util.Locale;

/** Parses Flink-style durations: {@code 10s}, {@code 10 s}, {@code 200 ms}, {@code 1 min}, {@code 2 h}, {@code 1 d}. */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).trim();
        switch (unit) {
            case "":
            case "ms":
            case "milli":
            case "millis":
            case "millisecond":
            case "milliseconds":
                return Duration.ofMillis(n);
            case "s":
            case "sec":
            case "secs":
            case "second":
            case "seconds":
                return Duration.ofSeconds(n);
            case "m":
            case "min":
            case "mins":
            case "minute":
            case "minutes":
                return Duration.ofMinutes(n);
            case "h":
            case "hour":
            case "hours":
                return Duration.ofHours(n);
            case "d":
            case "day":
            case "days":
                return Duration.ofDays(n);
            default:
                throw new IllegalArgumentException("unknown duration unit '" + unit + "' in " + text);
        }
    }
}
