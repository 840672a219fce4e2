package io.sluice.codegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/**
 * The byte-level kernels ({@link Utf8View}, {@link PatternRuntime#requiredLiteral}, {@link DateFormatCache}) give
 * exactly the results of the string kernels they stand in for, on ASCII and non-ASCII values alike.
 */
class Utf8ViewTest {
    /** Characters of 1 to 4 UTF-8 bytes, case pairs, the KELVIN SIGN (lower-cases to ASCII 'k') and dotted I. */
    private static final String[] PIECES = {"a", "b", "A", "K", "k", "/", "&", "=", "channel_id=", "é", "É", "例",
        "😀", "\u212A", "\u0130", "ß", "x", "//"};

    private static String randomString(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int k = 0; k < n; k++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static VarCharVector column(BufferAllocator allocator, String[] values) {
        VarCharVector v = new VarCharVector("s", allocator);
        v.allocateNew();
        for (int i = 0; i < values.length; i++) {
            v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
        }
        v.setValueCount(values.length);
        return v;
    }

    @Test
    void kernelsMatchTheStringKernels() {
        Random random = new Random(11);
        String[] values = new String[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = randomString(random);
        }
        String[] separators = {"/", "//", "é", "例", "&="};
        String[] regexes = {"(&|^)channel_id=([^&]*)", "a+b", "K|é", "[^/]+/x", "ab?c"};
        String[] literals = {"k", "kk", "ab", "é", "a/b"};
        try (BufferAllocator allocator = new RootAllocator(); VarCharVector v = column(allocator, values)) {
            Utf8View view = new Utf8View();
            for (int i = 0; i < values.length; i++) {
                String s = values[i];
                view.load(v, i);
                assertEquals(s, view.decode());
                for (String sep : separators) {
                    for (long index = -1; index < 5; index++) {
                        assertEquals(StringRuntime.splitIndex(s, sep, index),
                                view.splitIndex(sep.getBytes(StandardCharsets.UTF_8), index), s + " " + sep);
                    }
                }
                for (String regex : regexes) {
                    Pattern p = Pattern.compile(regex);
                    String required = PatternRuntime.requiredLiteral(regex);
                    byte[] bytes = required == null ? null : required.getBytes(StandardCharsets.UTF_8);
                    for (long group = 0; group <= p.matcher("").groupCount(); group++) {
                        Matcher m = p.matcher("");
                        assertEquals(PatternRuntime.regexpExtract(s, p, group), view.regexpExtract(m, bytes, group),
                                s + " " + regex);
                    }
                }
                for (String lit : literals) {
                    byte[] lower = lit.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
                    if (lit.chars().allMatch(c -> c < 0x80)) {
                        assertEquals(StringRuntime.lower(s).equals(lit.toLowerCase(Locale.ROOT)),
                                view.caseFoldedEquals(lower, false), s + " " + lit);
                        String upper = lit.toUpperCase(Locale.ROOT);
                        assertEquals(StringRuntime.upper(s).equals(upper),
                                view.caseFoldedEquals(upper.getBytes(StandardCharsets.US_ASCII), true), s + " " + lit);
                    }
                }
            }
        }
    }

    @Test
    void requiredLiterals() {
        assertEquals("channel_id=", PatternRuntime.requiredLiteral("(&|^)channel_id=([^&]*)"));
        assertEquals("item", PatternRuntime.requiredLiteral("item\\.htm"));
        assertEquals("abc", PatternRuntime.requiredLiteral("x*abcd?"));
        assertEquals("xa", PatternRuntime.requiredLiteral("xab{2}cd"));
        assertNull(PatternRuntime.requiredLiteral("ab{2}c"));
        assertNull(PatternRuntime.requiredLiteral("abc|def"));
        assertNull(PatternRuntime.requiredLiteral("(?i)abc"));
        assertNull(PatternRuntime.requiredLiteral("\\x41bc"));
        assertNull(PatternRuntime.requiredLiteral("\\Qab\\E"));
        assertNull(PatternRuntime.requiredLiteral("[]ab]cd"));
        assertNull(PatternRuntime.requiredLiteral("[^]a]?cd"));
        assertEquals("xy", PatternRuntime.requiredLiteral("[^&]*xy"));
        assertEquals("de", PatternRuntime.requiredLiteral("(abc)?de"));
        // a text without the literal never matches
        Random random = new Random(3);
        String[] regexes = {"ab+c", "a(b|c)de", "[a-c]+de*f", "abc.*x", "ab{1,3}cd", "\\d+ab\\s"};
        for (String regex : regexes) {
            String required = PatternRuntime.requiredLiteral(regex);
            Pattern p = Pattern.compile(regex);
            for (int k = 0; k < 2000 && required != null; k++) {
                StringBuilder sb = new StringBuilder();
                for (int c = random.nextInt(10); c > 0; c--) {
                    sb.append("abcdefx1 ".charAt(random.nextInt(9)));
                }
                String s = sb.toString();
                if (!s.contains(required)) {
                    assertFalse(p.matcher(s).find(), regex + " on " + s);
                }
            }
        }
    }

    @Test
    void cachedDateFormatMatchesTheFormatter() {
        String[] patterns = {"yyyy-MM-dd", "yyyy-MM-dd HH", "HH:mm", "mm:ss", "yyyy-MM-dd HH:mm:ss.SSS", "D 'h'H",
            "EEE yyyy", "yyyy-MM-dd'T'HH"};
        Random random = new Random(5);
        for (String pattern : patterns) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern);
            DateFormatCache cache = new DateFormatCache(pattern, f, 3);
            DateFormatCache micros = new DateFormatCache(pattern, f, 6);
            long t = -86_400_000L * 3;
            for (int k = 0; k < 5000; k++) {
                t += random.nextInt(4) == 0 ? random.nextInt(10_000_000) : random.nextInt(1000);
                if (random.nextInt(50) == 0) {
                    t -= random.nextInt(100_000_000); // out of order
                }
                String expected = f.format(LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1000),
                        (int) Math.floorMod(t, 1000) * 1_000_000, ZoneOffset.UTC));
                assertEquals(expected, cache.format(t), pattern + " at " + t);
                assertEquals(expected, micros.format(t * 1000), pattern + " at " + t + " (micros)");
            }
        }
        assertEquals(0, DateFormatCache.finestFieldMillis("HH:mm:ss.SSS"));
        assertEquals(86_400_000L, DateFormatCache.finestFieldMillis("yyyy-MM-dd"));
        assertEquals(86_400_000L, DateFormatCache.finestFieldMillis("yyyy-MM-dd 'Hms'"));
        assertEquals(60_000L, DateFormatCache.finestFieldMillis("HH:mm"));
    }
}
