package io.sluice.planner.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Maps object names to file names and back for {@link SluiceCatalog}. Letters, digits, {@code _} and
 * {@code -} are kept; every other character (including {@code .}, {@code /} and {@code %}) becomes
 * {@code %XX} per UTF-8 byte, so any SQL identifier gives a safe, reversible name that is never hidden and
 * never {@code .} or {@code ..}. Names stay case-sensitive, as SQL identifiers are.
 */
final class CatalogFileNames {
    private CatalogFileNames() {
    }

    static String encode(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    /** The name a file name encodes, or null when it is not an encoded name (then the file is ignored). */
    static String decode(String fileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(fileName.length());
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (c == '%') {
                if (i + 2 >= fileName.length()) {
                    return null;
                }
                int hi = Character.digit(fileName.charAt(i + 1), 16);
                int lo = Character.digit(fileName.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 128) {
                out.write(c);
            } else {
                return null;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
