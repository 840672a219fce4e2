package io.sluice.table.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void countsCellsByCodePoint() {
        assertEquals(0, DisplayWidth.of(""));
        assertEquals(5, DisplayWidth.of("hello"));
        assertEquals(4, DisplayWidth.of("中文"));
        assertEquals(6, DisplayWidth.of("한국어"));
        assertEquals(2, DisplayWidth.of("\uD83D\uDE00"));
        assertEquals(1, DisplayWidth.of("\uD835\uDC00")); // mathematical bold A: one code point, narrow
        assertEquals(1, DisplayWidth.of("e\u0301"));
        assertEquals(2, DisplayWidth.of("ＡＢ".substring(0, 1)));
    }

    @Test
    void wideRanges() {
        assertTrue(DisplayWidth.isWide('中'));
        assertTrue(DisplayWidth.isWide(0x1100));
        assertTrue(DisplayWidth.isWide(0x3FFFD));
        assertFalse(DisplayWidth.isWide('a'));
        assertFalse(DisplayWidth.isWide(0x1160));
        assertFalse(DisplayWidth.isWide(0x40000));
    }

    @Test
    void truncatePadsToExactWidth() {
        assertEquals("abc", DisplayWidth.truncate("abcdef", 3));
        assertEquals(" 中", DisplayWidth.truncate("中文", 3));
        assertEquals("中文", DisplayWidth.truncate("中文", 4));
        assertEquals("   ", DisplayWidth.truncate("", 3));
    }
}
