package io.sluice.codegen.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import org.apache.arrow.vector.VarCharVector;

/**
 * The UTF-8 bytes of one string column value, copied into a reusable array so that kernels can work on them without
 * decoding a {@link String} per row. One instance belongs to one generated kernel (one thread) and one call site;
 * {@link #load} points it at the next row.
 *
 * <p>When the value is pure ASCII (every byte below 0x80) the view is also a {@link CharSequence} of the value's
 * characters, so a {@link Matcher} can run over it directly; a value with other characters is decoded as usual by
 * the callers (so the results are those of the {@code String} kernels, whatever the input).
 */
public final class Utf8View implements CharSequence {
    private byte[] bytes = new byte[64];
    private int length;
    private byte[] previous = new byte[64];
    private int previousLength;
    /** Number of {@link #load} calls, and the load whose value the remembered REGEXP_EXTRACT result is of. */
    private long loads;
    private long resultLoad = -1;
    private Matcher resultMatcher;
    private long resultIndex;
    private String result;
    private boolean ascii;
    private boolean asciiKnown;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** Copies the non-null value at {@code row} of {@code v}. */
    public Utf8View load(VarCharVector v, int row) {
        int start = v.getStartOffset(row);
        int len = v.getValueLength(row);
        byte[] swap = previous; // the value loaded before stays in previous (see regexpExtract)
        previous = bytes;
        previousLength = length;
        bytes = swap;
        if (len > bytes.length) {
            bytes = new byte[Math.max(len, bytes.length * 2)];
        }
        v.getDataBuffer().getBytes(start, bytes, 0, len);
        length = len;
        loads++;
        asciiKnown = false;
        return this;
    }

    /** Whether every byte of the value is ASCII (then bytes and characters coincide). */
    public boolean isAscii() {
        if (!asciiKnown) {
            ascii = true;
            int k = 0;
            for (; k + 8 <= length; k += 8) {
                if (((long) LONGS.get(bytes, k) & 0x8080808080808080L) != 0) {
                    ascii = false;
                    break;
                }
            }
            for (; ascii && k < length; k++) {
                ascii = bytes[k] >= 0;
            }
            asciiKnown = true;
        }
        return ascii;
    }

    /** The value decoded as a Java string. */
    public String decode() {
        return isAscii() ? new String(bytes, 0, length, StandardCharsets.ISO_8859_1)
                : new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public int length() {
        return length; // meaningful as characters only when ascii
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) bytes[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return decode();
    }

    /**
     * {@code SPLIT_INDEX(value, separator, index)} for a non-empty separator given as UTF-8 bytes: the piece
     * {@code index} (0-based) between occurrences of the separator, or null when there is none. UTF-8 is
     * self-synchronising, so a byte-wise search finds exactly the character-wise occurrences.
     */
    public String splitIndex(byte[] separator, long index) {
        if (index < 0 || length == 0) {
            return null;
        }
        int start = 0;
        for (long k = 0; k < index; k++) {
            int at = indexOf(separator, start);
            if (at < 0) {
                return null;
            }
            start = at + separator.length;
        }
        int end = indexOf(separator, start);
        if (end < 0) {
            end = length;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private int indexOf(byte[] sep, int from) {
        byte first = sep[0];
        int last = length - sep.length;
        outer:
        for (int k = from; k <= last; k++) {
            if (bytes[k] != first) {
                continue;
            }
            for (int m = 1; m < sep.length; m++) {
                if (bytes[k + m] != sep[m]) {
                    continue outer;
                }
            }
            return k;
        }
        return -1;
    }

    /**
     * REGEXP_EXTRACT of the loaded value with {@code m}, a matcher of a constant regex: over the bytes when the value
     * is ASCII, else over the decoded string. {@code required} (null when none) holds the UTF-8 bytes of a string
     * that every match contains ({@link PatternRuntime#requiredLiteral}): a value without it has no match. When the
     * value loaded just before was the same text and went through this method with the same matcher and group, its
     * result is returned again (equal calls in one row share a view, so the second one costs a comparison).
     */
    public String regexpExtract(Matcher m, byte[] required, long index) {
        if (resultLoad == loads - 1 && resultMatcher == m && resultIndex == index
                && Arrays.equals(bytes, 0, length, previous, 0, previousLength)) {
            resultLoad = loads; // the same text as the last call (a view shared by equal calls): the same result
            return result;
        }
        String r;
        if (required != null && indexOf(required, 0) < 0) {
            r = null;
        } else {
            r = PatternRuntime.regexpExtract(isAscii() ? this : decode(), m, index);
        }
        resultLoad = loads;
        resultMatcher = m;
        resultIndex = index;
        result = r;
        return r;
    }

    /**
     * Whether {@code LOWER(value)} ({@code UPPER} when {@code upper}) equals {@code lit}, a string that the case
     * mapping leaves as it is, given as its ASCII bytes. Compares the bytes when the value is ASCII (whose case
     * mapping is the ASCII one); otherwise decodes and maps the value as {@code LOWER}/{@code UPPER} do.
     */
    public boolean caseFoldedEquals(byte[] lit, boolean upper) {
        if (!isAscii()) {
            String s = decode();
            String folded = upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
            return folded.equals(new String(lit, StandardCharsets.ISO_8859_1));
        }
        if (length != lit.length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            int c = bytes[k];
            if (upper ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z') {
                c ^= 0x20;
            }
            if (c != lit[k]) {
                return false;
            }
        }
        return true;
    }
}
