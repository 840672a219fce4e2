package io.sluice.codegen.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VarCharVector;
import org.apache.commons.lang3.StringUtils;

/**
 * String kernels for generated code. Methods taking a {@link VarCharVector} and a row work on the
 * UTF-8 bytes in place (no decoding); the others work on Java strings with code-point semantics,
 * matching Flink (lengths and positions count Unicode characters, not UTF-16 units).
 */
public final class StringRuntime {
    private StringRuntime() {
    }

    /** Decodes one non-null value of a string column. */
    public static String read(VarCharVector v, int row) {
        int start = v.getStartOffset(row);
        int len = v.getValueLength(row);
        byte[] b = new byte[len];
        v.getDataBuffer().getBytes(start, b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the non-null value at {@code row} has exactly the UTF-8 bytes {@code lit}. */
    public static boolean equalsUtf8(VarCharVector v, int row, byte[] lit) {
        int len = v.getValueLength(row);
        if (len != lit.length) {
            return false;
        }
        ArrowBuf data = v.getDataBuffer();
        long start = v.getStartOffset(row);
        for (int k = 0; k < len; k++) {
            if (data.getByte(start + k) != lit[k]) {
                return false;
            }
        }
        return true;
    }

    /** Unsigned byte-wise comparison of a column value with a literal; equals code-point order. */
    public static int compareUtf8(VarCharVector v, int row, byte[] lit) {
        int len = v.getValueLength(row);
        ArrowBuf data = v.getDataBuffer();
        long start = v.getStartOffset(row);
        int n = Math.min(len, lit.length);
        for (int k = 0; k < n; k++) {
            int a = data.getByte(start + k) & 0xff;
            int b = lit[k] & 0xff;
            if (a != b) {
                return a - b;
            }
        }
        return len - lit.length;
    }

    /** Unsigned byte-wise comparison of two column values. */
    public static int compareUtf8(VarCharVector a, int rowA, VarCharVector b, int rowB) {
        int lenA = a.getValueLength(rowA);
        int lenB = b.getValueLength(rowB);
        ArrowBuf da = a.getDataBuffer();
        ArrowBuf db = b.getDataBuffer();
        long sa = a.getStartOffset(rowA);
        long sb = b.getStartOffset(rowB);
        int n = Math.min(lenA, lenB);
        for (int k = 0; k < n; k++) {
            int x = da.getByte(sa + k) & 0xff;
            int y = db.getByte(sb + k) & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return lenA - lenB;
    }

    /** Whether the column value starts with the literal bytes. */
    public static boolean startsWithUtf8(VarCharVector v, int row, byte[] lit) {
        int len = v.getValueLength(row);
        if (len < lit.length) {
            return false;
        }
        ArrowBuf data = v.getDataBuffer();
        long start = v.getStartOffset(row);
        for (int k = 0; k < lit.length; k++) {
            if (data.getByte(start + k) != lit[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the column value ends with the literal bytes. */
    public static boolean endsWithUtf8(VarCharVector v, int row, byte[] lit) {
        int len = v.getValueLength(row);
        if (len < lit.length) {
            return false;
        }
        ArrowBuf data = v.getDataBuffer();
        long start = v.getStartOffset(row) + len - lit.length;
        for (int k = 0; k < lit.length; k++) {
            if (data.getByte(start + k) != lit[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the column value contains the literal bytes (UTF-8 is self-synchronizing, so this is exact). */
    public static boolean containsUtf8(VarCharVector v, int row, byte[] lit) {
        int len = v.getValueLength(row);
        if (lit.length == 0) {
            return true;
        }
        ArrowBuf data = v.getDataBuffer();
        long start = v.getStartOffset(row);
        outer:
        for (int p = 0; p + lit.length <= len; p++) {
            for (int k = 0; k < lit.length; k++) {
                if (data.getByte(start + p + k) != lit[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Number of characters (code points) of a column value, counted on the UTF-8 bytes. */
    public static int charLengthUtf8(VarCharVector v, int row) {
        int len = v.getValueLength(row);
        ArrowBuf data = v.getDataBuffer();
        long start = v.getStartOffset(row);
        int n = 0;
        for (int k = 0; k < len; k++) {
            if ((data.getByte(start + k) & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    /** Code-point order comparison (the order of the UTF-8 bytes). */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(k), b.codePointAt(k));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    public static int compareBytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int k = 0; k < n; k++) {
            int x = a[k] & 0xff;
            int y = b[k] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return a.length - b.length;
    }

    public static int charLength(String s) {
        return s.codePointCount(0, s.length());
    }

    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** INITCAP: the first letter of each alphanumeric word in upper case, the others in lower case. */
    public static String initcap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            if (Character.isLetterOrDigit(cp)) {
                sb.appendCodePoint(start ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
                start = false;
            } else {
                sb.appendCodePoint(cp);
                start = true;
            }
            k += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** TRIM: removes leading and/or trailing characters contained in {@code chars}. */
    public static String trim(String s, boolean leading, boolean trailing, String chars) {
        int start = 0;
        int end = s.length();
        if (leading) {
            while (start < end) {
                int cp = s.codePointAt(start);
                if (chars.indexOf(cp) < 0) {
                    break;
                }
                start += Character.charCount(cp);
            }
        }
        if (trailing) {
            while (end > start) {
                int cp = s.codePointBefore(end);
                if (chars.indexOf(cp) < 0) {
                    break;
                }
                end -= Character.charCount(cp);
            }
        }
        return s.substring(start, end);
    }

    /**
     * SUBSTRING(s FROM pos FOR len), 1-based on characters; a position of 0 acts as 1, a negative
     * position counts from the end; a negative length gives the empty string.
     */
    public static String substring(String s, long pos, long len) {
        int n = charLength(s);
        long start;
        if (pos > 0) {
            start = pos - 1;
        } else if (pos < 0) {
            start = n + pos;
        } else {
            start = 0;
        }
        long end = len == Long.MAX_VALUE ? n : start + len;
        if (start < 0) {
            start = 0;
        }
        if (end > n) {
            end = n;
        }
        if (len < 0 || start >= n || end <= start) {
            return "";
        }
        int from = s.offsetByCodePoints(0, (int) start);
        int to = s.offsetByCodePoints(from, (int) (end - start));
        return s.substring(from, to);
    }

    public static String substring(String s, long pos) {
        return substring(s, pos, Long.MAX_VALUE);
    }

    /** POSITION(needle IN s): 1-based character position of the first occurrence, 0 if absent. */
    public static int position(String needle, String s) {
        int idx = s.indexOf(needle);
        return idx < 0 ? 0 : s.codePointCount(0, idx) + 1;
    }

    /** LEFT(s, n): the first n characters; empty for n &lt;= 0. */
    public static String left(String s, long n) {
        if (n <= 0) {
            return "";
        }
        int len = charLength(s);
        return n >= len ? s : s.substring(0, s.offsetByCodePoints(0, (int) n));
    }

    /** RIGHT(s, n): the last n characters; empty for n &lt;= 0. */
    public static String right(String s, long n) {
        if (n <= 0) {
            return "";
        }
        int len = charLength(s);
        return n >= len ? s : s.substring(s.offsetByCodePoints(0, (int) (len - n)));
    }

    /**
     * LOCATE(needle, s, from): the 1-based character position of the first needle in s at or after character
     * position {@code from}; 0 if absent or {@code from} is below 1 or beyond the string.
     */
    public static int locate(String needle, String s, long from) {
        int len = charLength(s);
        if (from < 1 || from > len + 1) {
            return 0;
        }
        int start = s.offsetByCodePoints(0, (int) (from - 1));
        int idx = s.indexOf(needle, start);
        return idx < 0 ? 0 : s.codePointCount(0, idx) + 1;
    }

    public static String replace(String s, String search, String replacement) {
        if (search.isEmpty()) {
            return s;
        }
        return s.replace(search, replacement);
    }

    public static String concat(String a, String b) {
        return a.concat(b);
    }

    /** LPAD / RPAD with Flink's rules: negative length or empty pad gives NULL; longer input is cut. */
    public static String pad(String s, long len, String pad, boolean left) {
        if (len < 0 || pad.isEmpty()) {
            return null;
        }
        int n = charLength(s);
        if (len <= n) {
            return s.substring(0, s.offsetByCodePoints(0, (int) len));
        }
        int[] padCps = pad.codePoints().toArray();
        StringBuilder fill = new StringBuilder();
        for (long k = 0; k < len - n; k++) {
            fill.appendCodePoint(padCps[(int) (k % padCps.length)]);
        }
        return left ? fill.append(s).toString() : s + fill;
    }

    /** SPLIT_INDEX: the {@code index}-th (0-based) piece of {@code s} split by the whole separator, or NULL. */
    public static String splitIndex(String s, String separator, long index) {
        if (index < 0) {
            return null;
        }
        if (separator == null || separator.isEmpty()) { // splits at white space
            String[] parts = StringUtils.splitByWholeSeparatorPreserveAllTokens(s, separator);
            return index < parts.length ? parts[(int) index] : null;
        }
        if (s.isEmpty()) {
            return null; // no pieces at all
        }
        // walk to the piece: the same pieces as splitting the whole string (empty ones kept), none of the others made
        int start = 0;
        for (long k = 0; k < index; k++) {
            int at = s.indexOf(separator, start);
            if (at < 0) {
                return null;
            }
            start = at + separator.length();
        }
        int end = s.indexOf(separator, start);
        return end < 0 ? s.substring(start) : s.substring(start, end);
    }

    /** Pads to CHAR(n) with spaces or truncates to n characters (VARCHAR(n) only truncates). */
    public static String fitLength(String s, int length, boolean pad) {
        int n = charLength(s);
        if (n > length) {
            return s.substring(0, s.offsetByCodePoints(0, length));
        }
        if (pad && n < length) {
            StringBuilder sb = new StringBuilder(s);
            for (int k = n; k < length; k++) {
                sb.append(' ');
            }
            return sb.toString();
        }
        return s;
    }

    /** REVERSE: the characters (code points) in reverse order. */
    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** REPEAT: {@code s} repeated {@code n} times; empty when n &le; 0. */
    public static String repeat(String s, long n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        if ((long) s.length() * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("REPEAT result is too long: " + s.length() + " * " + n + " characters");
        }
        return s.repeat((int) n);
    }

    /** ASCII: the code of the first character, 0 for an empty string. */
    public static int ascii(String s) {
        return s.isEmpty() ? 0 : s.charAt(0);
    }

    /** CHR: the character with code {@code n mod 256}; empty for a negative n. */
    public static String chr(long n) {
        if (n < 0) {
            return "";
        }
        return String.valueOf((char) (n & 0xFF));
    }

    /** TO_BASE64: the base64 encoding of the UTF-8 bytes of {@code s}. */
    public static String toBase64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** TO_BASE64 of a byte string. */
    public static String toBase64(byte[] b) {
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    /** FROM_BASE64: decodes base64 into UTF-8 text; NULL when {@code s} is not valid base64. */
    public static String fromBase64(String s) {
        try {
            return new String(java.util.Base64.getMimeDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
