package io.sluice.codegen.runtime;

import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runtime helpers of the string functions added for Flink's function list: regex matching (REGEXP,
 * REGEXP_COUNT, REGEXP_INSTR, REGEXP_SUBSTR), URLs (URL_ENCODE, URL_DECODE, PARSE_URL), character classes
 * (IS_ALPHA, IS_DIGIT, IS_DECIMAL), radix text (BIN, HEX), PRINTF, TRANSLATE, OVERLAY and CONVERT_TZ.
 * Positions and lengths count characters (code points), as the other string functions do.
 */
public final class TextRuntime {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final java.util.HexFormat HEX = java.util.HexFormat.of().withUpperCase();

    private TextRuntime() {
    }

    /** REGEXP: whether any (possibly empty) substring matches; null for an invalid regex. */
    public static Boolean regexpFind(String s, Pattern p) {
        return p == null ? null : p.matcher(s).find();
    }

    /** REGEXP_COUNT: the number of matches; null for an invalid regex. */
    public static Integer regexpCount(String s, Pattern p) {
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** REGEXP_INSTR: the 1-based character position of the first match, 0 without one; null for an invalid regex. */
    public static Integer regexpInstr(String s, Pattern p) {
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? s.codePointCount(0, m.start()) + 1 : 0;
    }

    /** REGEXP_SUBSTR: the first match, or null without one or for an invalid regex. */
    public static String regexpSubstr(String s, Pattern p) {
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : null;
    }

    /** URL_ENCODE: application/x-www-form-urlencoded in UTF-8. */
    public static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** URL_DECODE: the inverse of {@link #urlEncode}; null for an illegal escape. */
    public static String urlDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * URL_DECODE_RECURSIVE(s, maxDepth): decodes until the text no longer changes or {@code maxDepth} decodings were
     * done; null when the first decoding fails, the last decoded text when a later one fails.
     */
    public static String urlDecodeRecursive(String s, int maxDepth) {
        String current = s;
        for (int i = 0; i < maxDepth; i++) {
            String next = urlDecode(current);
            if (next == null) {
                return i == 0 ? null : current;
            }
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /**
     * PARSE_URL(url, part): HOST, PATH, QUERY, REF, PROTOCOL, AUTHORITY, FILE or USERINFO of the URL; null for an
     * unknown part, a malformed URL or a part the URL does not have.
     */
    public static String parseUrl(String url, String part) {
        URL u = url(url);
        if (u == null) {
            return null;
        }
        switch (part) {
            case "HOST":
                return u.getHost();
            case "PATH":
                return u.getPath();
            case "QUERY":
                return u.getQuery();
            case "REF":
                return u.getRef();
            case "PROTOCOL":
                return u.getProtocol();
            case "AUTHORITY":
                return u.getAuthority();
            case "FILE":
                return u.getFile();
            case "USERINFO":
                return u.getUserInfo();
            default:
                return null;
        }
    }

    /** PARSE_URL(url, 'QUERY', key): the value of the first {@code key=value} pair of the query; null without one. */
    public static String parseUrl(String url, String part, String key) {
        if (!"QUERY".equals(part)) {
            return null;
        }
        URL u = url(url);
        String query = u == null ? null : u.getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static URL url(String url) {
        try {
            return new URL(url);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /** IS_ALPHA: a non-empty string of letters only; false for NULL. */
    public static boolean isAlpha(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isLetter(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** IS_DIGIT: a non-empty string of digits only; false for NULL. */
    public static boolean isDigit(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isDigit(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** IS_DECIMAL: the string is a decimal number (sign, digits, optional fraction and exponent); false for NULL. */
    public static boolean isDecimal(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** BIN: the two's-complement binary digits of a BIGINT, without leading zeros. */
    public static String bin(long v) {
        return Long.toBinaryString(v);
    }

    /** HEX of an integer: its two's-complement hexadecimal digits in upper case. */
    public static String hex(long v) {
        return Long.toHexString(v).toUpperCase(Locale.ROOT);
    }

    /** HEX of a string: the hexadecimal digits of its UTF-8 bytes in upper case. */
    public static String hex(String s) {
        return HEX.formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    /** PRINTF: {@link String#format} with {@link Locale#US}; null for an invalid format or arguments. */
    public static String printf(String format, Object... args) {
        try {
            return String.format(Locale.US, format, args);
        } catch (IllegalFormatException e) {
            return null;
        }
    }

    /**
     * TRANSLATE: each character of {@code s} found in {@code from} is replaced by the character at the same position
     * of {@code to}, or removed when {@code to} is shorter; the first occurrence in {@code from} counts.
     */
    public static String translate(String s, String from, String to) {
        int[] fromCps = from.codePoints().toArray();
        int[] toCps = to.codePoints().toArray();
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int i = indexOf(fromCps, cp);
            if (i < 0) {
                sb.appendCodePoint(cp);
            } else if (i < toCps.length) {
                sb.appendCodePoint(toCps[i]);
            }
        });
        return sb.toString();
    }

    private static int indexOf(int[] cps, int cp) {
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == cp) {
                return i;
            }
        }
        return -1;
    }

    /**
     * OVERLAY(s PLACING r FROM pos FOR len): {@code len} characters of {@code s} from 1-based {@code pos} replaced by
     * {@code r}; positions past the end append.
     */
    public static String overlay(String s, String r, long pos, long len) {
        int n = s.codePointCount(0, s.length());
        long start = Math.max(0, Math.min(n, pos - 1));
        long end = Math.max(start, Math.min(n, pos - 1 + Math.max(0, len)));
        int startIdx = s.offsetByCodePoints(0, (int) start);
        int endIdx = s.offsetByCodePoints(0, (int) end);
        return s.substring(0, startIdx) + r + s.substring(endIdx);
    }

    /** OVERLAY without FOR: replaces as many characters as {@code r} has. */
    public static String overlay(String s, String r, long pos) {
        return overlay(s, r, pos, r.codePointCount(0, r.length()));
    }

    /**
     * CONVERT_TZ: a {@code yyyy-MM-dd HH:mm:ss} date-time read in time zone {@code from} and written in {@code to};
     * null for a malformed date-time or an unknown zone.
     */
    public static String convertTz(String datetime, String from, String to) {
        try {
            LocalDateTime local = LocalDateTime.parse(datetime.trim(), DATETIME);
            return local.atZone(zone(from)).withZoneSameInstant(zone(to)).toLocalDateTime().format(DATETIME);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ZoneId zone(String id) {
        return ZoneId.of(id, ZoneId.SHORT_IDS);
    }
}
