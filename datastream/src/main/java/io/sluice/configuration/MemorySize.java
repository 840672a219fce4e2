package io.sluice.configuration;

import java.util.Locale;

/** An amount of memory in bytes, written and parsed with units ({@code 64 mb}, {@code 1g}, {@code 512 kb}). */
public final class MemorySize implements java.io.Serializable, Comparable<MemorySize> {
    private static final long serialVersionUID = 1L;
    public static final MemorySize ZERO = new MemorySize(0L);
    public static final MemorySize MAX_VALUE = new MemorySize(Long.MAX_VALUE);
    private final long bytes;

    /** A size of {@code bytes} bytes (not negative). */
    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0");
        }
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(Math.multiplyExact(mebiBytes, 1L << 20));
    }

    public long getBytes() {
        return bytes;
    }

    public long getKibiBytes() {
        return bytes >> 10;
    }

    public int getMebiBytes() {
        return (int) (bytes >> 20);
    }

    public long getGibiBytes() {
        return bytes >> 30;
    }

    public long getTebiBytes() {
        return bytes >> 40;
    }

    /**
     * Parses a number with an optional unit: {@code b}/{@code bytes}, {@code k}/{@code kb}/{@code kibibytes},
     * {@code m}/{@code mb}/{@code mebibytes}, {@code g}/{@code gb}/{@code gibibytes}, {@code t}/{@code tb}/
     * {@code tebibytes} (powers of 1024; no unit means bytes).
     */
    public static MemorySize parse(String text) {
        String t = text.trim();
        int end = 0;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new NumberFormatException("text does not start with a number: " + text);
        }
        long number;
        try {
            number = Long.parseLong(t.substring(0, end));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value '" + t.substring(0, end)
                    + "' cannot be represented as 64bit number (numeric overflow).");
        }
        String unit = t.substring(end).trim().toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "", "b", "bytes" -> 0;
            case "k", "kb", "kibibytes" -> 10;
            case "m", "mb", "mebibytes" -> 20;
            case "g", "gb", "gibibytes" -> 30;
            case "t", "tb", "tebibytes" -> 40;
            default -> throw new IllegalArgumentException("Memory size unit '" + unit + "' does not match any of "
                    + "the recognized units: (b | bytes) / (k | kb | kibibytes) / (m | mb | mebibytes) / "
                    + "(g | gb | gibibytes) / (t | tb | tebibytes)");
        };
        if (shift > 0 && number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("The value '" + text
                    + "' cannot be represented as 64bit number of bytes (numeric overflow).");
        }
        return new MemorySize(number << shift);
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize && ((MemorySize) o).bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    /** The size in the largest unit that divides it: {@code 64 mb}, {@code 1536 kb}, {@code 0 bytes}. */
    @Override
    public String toString() {
        String[] units = {"bytes", "kb", "mb", "gb", "tb"};
        int u = 0;
        long value = bytes;
        while (u < units.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            u++;
        }
        return value + " " + units[u];
    }
}
