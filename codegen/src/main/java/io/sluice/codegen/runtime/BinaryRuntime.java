package io.sluice.codegen.runtime;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** Runtime of ENCODE, DECODE and UNHEX. */
public final class BinaryRuntime {
    private BinaryRuntime() {
    }

    /** ENCODE(s, charset): the bytes of {@code s} in the character set. */
    public static byte[] encode(String s, String charset) {
        return s.getBytes(charset("ENCODE", charset));
    }

    /** DECODE(bytes, charset): the text of {@code bytes} in the character set (malformed input as U+FFFD). */
    public static String decode(byte[] bytes, String charset) {
        return new String(bytes, charset("DECODE", charset));
    }

    private static Charset charset(String function, String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(function + ": unknown character set '" + name + "' (for example"
                    + " 'US-ASCII', 'ISO-8859-1', 'UTF-8', 'UTF-16BE', 'UTF-16LE' or 'UTF-16')");
        }
    }

    /**
     * UNHEX(s): the bytes whose hexadecimal digits {@code s} holds, two digits per byte from the right; with an odd
     * number of digits the first one makes no byte of its own and the result starts with a zero byte. Null when
     * {@code s} holds a character that is not a hexadecimal digit.
     */
    public static byte[] unhex(String s) {
        int n = s.length();
        byte[] out = new byte[(n + 1) / 2];
        int j = out.length - 1;
        for (int i = n - 2; i >= 0; i -= 2, j--) {
            int high = Character.digit(s.charAt(i), 16);
            int low = Character.digit(s.charAt(i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            out[j] = (byte) ((high << 4) | low);
        }
        if (n % 2 == 1 && Character.digit(s.charAt(0), 16) < 0) {
            return null;
        }
        return out;
    }
}
