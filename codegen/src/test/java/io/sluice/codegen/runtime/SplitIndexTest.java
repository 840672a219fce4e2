package io.sluice.codegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

/**
 * SPLIT_INDEX walks to the piece it returns; its pieces must be those of splitting the whole string by the whole
 * separator with empty pieces kept (Flink's definition), for every index, separator and string shape.
 */
class SplitIndexTest {
    private static String reference(String s, String separator, long index) {
        if (index < 0) {
            return null;
        }
        String[] parts = StringUtils.splitByWholeSeparatorPreserveAllTokens(s, separator);
        return index < parts.length ? parts[(int) index] : null;
    }

    @Test
    void edgesOfTheSplit() {
        assertEquals("auction", StringRuntime.splitIndex("https://www.nexmark.com/auction/item", "/", 3));
        assertEquals("", StringRuntime.splitIndex("/a", "/", 0));
        assertEquals("", StringRuntime.splitIndex("a/", "/", 1));
        assertNull(StringRuntime.splitIndex("a/", "/", 2));
        assertNull(StringRuntime.splitIndex("", "/", 0));
        assertEquals("", StringRuntime.splitIndex("ab", "ab", 1));
        assertNull(StringRuntime.splitIndex("a/b", "/", -1));
        assertEquals("b", StringRuntime.splitIndex("a  b", " ", 2));
        assertEquals(reference("a b\tc", "", 2), StringRuntime.splitIndex("a b\tc", "", 2));
    }

    @Test
    void sameAsSplittingTheWholeString() {
        Random random = new Random(7);
        String[] separators = {"/", "//", "ab", "a", "-x-"};
        char[] alphabet = {'a', 'b', '/', 'x', '-', 'c'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            String separator = separators[random.nextInt(separators.length)];
            for (long index = -1; index < 8; index++) {
                assertEquals(reference(s, separator, index), StringRuntime.splitIndex(s, separator, index),
                        "'" + s + "' split by '" + separator + "' at " + index);
            }
        }
    }
}
