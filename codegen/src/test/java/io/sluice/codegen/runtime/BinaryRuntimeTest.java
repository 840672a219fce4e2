package io.sluice.codegen.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** UNHEX's odd-length and invalid-digit rules, and ENCODE/DECODE round trips. */
class BinaryRuntimeTest {

    @Test
    void unhexReadsPairsFromTheRight() {
        assertArrayEquals(new byte[] {0x66, 0x6c, 0x69, 0x6e, 0x6b}, BinaryRuntime.unhex("666C696E6B"));
        assertArrayEquals(new byte[] {0x00, (byte) 0xbc}, BinaryRuntime.unhex("abc"));
        assertArrayEquals(new byte[0], BinaryRuntime.unhex(""));
        assertArrayEquals(new byte[] {0x00}, BinaryRuntime.unhex("0"));
        assertNull(BinaryRuntime.unhex("zz"));
        assertNull(BinaryRuntime.unhex("g12"));
        assertNull(BinaryRuntime.unhex("1g"));
    }

    @Test
    void encodeAndDecodeUseTheCharacterSet() {
        assertArrayEquals(new byte[] {(byte) 0xe9}, BinaryRuntime.encode("\u00e9", "ISO-8859-1"));
        assertArrayEquals(new byte[] {0x00, (byte) 0xe9}, BinaryRuntime.encode("\u00e9", "UTF-16BE"));
        assertEquals("\u00e9", BinaryRuntime.decode(new byte[] {(byte) 0xc3, (byte) 0xa9}, "UTF-8"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryRuntime.decode(new byte[0], "NOPE"));
        assertEquals(true, e.getMessage().startsWith("DECODE: unknown character set 'NOPE'"));
    }
}
