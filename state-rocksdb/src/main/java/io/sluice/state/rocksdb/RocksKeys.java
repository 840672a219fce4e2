package io.sluice.state.rocksdb;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** The byte layout of RocksDB keys and list values (see the package documentation). */
final class RocksKeys {
    private RocksKeys() {
    }

    /** {@code [key group][key length][key][namespace length][namespace]}. */
    static byte[] prefix(int keyGroup, byte[] key, byte[] namespace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + 10 + key.length + namespace.length);
        out.write(keyGroup >>> 8);
        out.write(keyGroup);
        writeVarInt(out, key.length);
        out.writeBytes(key);
        writeVarInt(out, namespace.length);
        out.writeBytes(namespace);
        return out.toByteArray();
    }

    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The smallest byte string greater than every string starting with {@code prefix}, or null when none. */
    static byte[] prefixEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xff) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    /** A stored key split into its parts. */
    record Parts(int keyGroup, byte[] key, byte[] namespace, byte[] rest) {
    }

    static Parts parse(byte[] stored) {
        int keyGroup = ((stored[0] & 0xff) << 8) | (stored[1] & 0xff);
        int[] pos = {2};
        int keyLength = readVarInt(stored, pos);
        byte[] key = Arrays.copyOfRange(stored, pos[0], pos[0] + keyLength);
        pos[0] += keyLength;
        int nsLength = readVarInt(stored, pos);
        byte[] namespace = Arrays.copyOfRange(stored, pos[0], pos[0] + nsLength);
        pos[0] += nsLength;
        return new Parts(keyGroup, key, namespace, Arrays.copyOfRange(stored, pos[0], stored.length));
    }

    /**
     * Where the sub-key starts in a stored key: after the key group (2 bytes) come the key and the namespace, each a
     * var-int length and its bytes, laid out as a snapshot entry writes them.
     */
    static int subKeyStart(byte[] stored) {
        int[] pos = {2};
        int keyLength = readVarInt(stored, pos);
        pos[0] += keyLength;
        int namespaceLength = readVarInt(stored, pos);
        pos[0] += namespaceLength;
        return pos[0];
    }

    /** One list element as stored: its length, then its bytes (elements are concatenated by the merge operator). */
    static byte[] listElement(byte[] element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(element.length + 5);
        writeVarInt(out, element.length);
        out.writeBytes(element);
        return out.toByteArray();
    }

    /** Splits a stored list value into its elements. */
    static java.util.List<byte[]> listElements(byte[] stored) {
        java.util.List<byte[]> elements = new java.util.ArrayList<>();
        int[] pos = {0};
        while (pos[0] < stored.length) {
            int length = readVarInt(stored, pos);
            elements.add(Arrays.copyOfRange(stored, pos[0], pos[0] + length));
            pos[0] += length;
        }
        return elements;
    }

    static void writeVarInt(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7f) != 0) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    static int readVarInt(byte[] bytes, int[] pos) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = bytes[pos[0]++] & 0xff;
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed RocksDB state key");
    }
}
