package io.sluice.connector.filesystem.partition;

import java.util.ArrayList;
import java.util.List;

/**
 * Hive-style partition directory names, as Flink's filesystem connector writes them: one {@code key=value}
 * directory per partition column ({@code dt=2024-01-01/hr=10}). Characters that are unsafe in a path
 * ({@code /}, {@code =}, {@code %}, {@code :}, control characters, ...) are escaped as {@code %XX} with two
 * upper-case hex digits; a NULL or empty value is written as the default partition name.
 */
public final class PartitionPaths {
    /** Flink's default value of {@code partition.default-name}. */
    public static final String DEFAULT_PARTITION_NAME = "__DEFAULT_PARTITION__";

    private static final boolean[] ESCAPED = new boolean[128];

    static {
        for (char c = 0; c < ' '; c++) {
            ESCAPED[c] = true;
        }
        for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) {
            ESCAPED[c] = true;
        }
    }

    private PartitionPaths() {
    }

    /** {@code value} with every unsafe character replaced by {@code %XX}. */
    public static String escape(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ESCAPED.length && ESCAPED[c]) {
                if (sb == null) {
                    sb = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? value : sb.toString();
    }

    /** The inverse of {@link #escape}; a {@code %} not followed by two hex digits stays as it is. */
    public static String unescape(String name) {
        int first = name.indexOf('%');
        if (first < 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length()).append(name, 0, first);
        for (int i = first; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                int hi = Character.digit(name.charAt(i + 1), 16);
                int lo = Character.digit(name.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    sb.append((char) ((hi << 4) | lo));
                    i += 2;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * The relative directory of a partition, {@code k1=v1/k2=v2}; a null or empty value becomes
     * {@code defaultName}.
     */
    public static String partitionPath(List<String> keys, List<String> values, String defaultName) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                sb.append('/');
            }
            String v = values.get(i);
            sb.append(escape(keys.get(i))).append('=')
                    .append(v == null || v.isEmpty() ? defaultName : escape(v));
        }
        return sb.toString();
    }

    /**
     * The partition values of a relative directory path whose first {@code keys.size()} segments are
     * {@code key=value} for the keys in order (deeper segments are ignored), unescaped, with
     * {@code defaultName} mapped to null; null when the path does not have that shape.
     */
    public static List<String> parse(List<String> segments, List<String> keys, String defaultName) {
        if (segments.size() < keys.size()) {
            return null;
        }
        List<String> values = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            String segment = segments.get(i);
            int eq = segment.indexOf('=');
            if (eq < 0 || !unescape(segment.substring(0, eq)).equals(keys.get(i))) {
                return null;
            }
            String raw = segment.substring(eq + 1);
            values.add(raw.equals(defaultName) ? null : unescape(raw));
        }
        return values;
    }
}
