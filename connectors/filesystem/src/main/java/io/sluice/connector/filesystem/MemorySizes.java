package io.sluice.connector.filesystem;

import io.sluice.table.api.ValidationException;
import java.util.Locale;

/**
 * Parses memory sizes as Flink writes them: a whole number followed by an optional unit, case-insensitive and
 * optionally separated by spaces: {@code b}/{@code bytes}, {@code k}/{@code kb}/{@code kibibytes}, {@code m}/
 * {@code mb}/{@code mebibytes}, {@code g}/{@code gb}/{@code gibibytes}, {@code t}/{@code tb}/{@code tebibytes}
 * (powers of 1024). No unit means bytes.
 */
public final class MemorySizes {
    private MemorySizes() {
    }

    /**
     * The number of bytes of {@code text}.
     *
     * @throws ValidationException naming {@code key} for text that is not a memory size
     */
    public static long parse(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        String unit = t.substring(i).trim();
        long multiplier;
        switch (unit) {
            case "": case "b": case "bytes":
                multiplier = 1;
                break;
            case "k": case "kb": case "kibibytes":
                multiplier = 1L << 10;
                break;
            case "m": case "mb": case "mebibytes":
                multiplier = 1L << 20;
                break;
            case "g": case "gb": case "gibibytes":
                multiplier = 1L << 30;
                break;
            case "t": case "tb": case "tebibytes":
                multiplier = 1L << 40;
                break;
            default:
                multiplier = -1;
        }
        if (i == 0 || multiplier < 0) {
            throw new ValidationException("Could not parse value '" + text + "' for key '" + key + "': expected a"
                    + " memory size such as '128MB', '64 kb' or '1048576' (bytes).");
        }
        try {
            return Math.multiplyExact(Long.parseLong(t.substring(0, i)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ValidationException("Value '" + text + "' for key '" + key + "' is too large.");
        }
    }
}
