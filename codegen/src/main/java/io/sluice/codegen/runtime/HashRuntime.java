package io.sluice.codegen.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5 / SHA-1 / SHA-2 digests of a string's UTF-8 bytes as lowercase hex, with per-thread digests. */
public final class HashRuntime {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> digest("MD5"));
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> digest("SHA-1"));
    private static final ThreadLocal<MessageDigest> SHA224 = ThreadLocal.withInitial(() -> digest("SHA-224"));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
    private static final ThreadLocal<MessageDigest> SHA384 = ThreadLocal.withInitial(() -> digest("SHA-384"));
    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> digest("SHA-512"));

    private HashRuntime() {
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String md5(String s) {
        return hex(MD5.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha1(String s) {
        return hex(SHA1.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256(String s) {
        return hex(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha224(String s) {
        return hex(SHA224.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha384(String s) {
        return hex(SHA384.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha512(String s) {
        return hex(SHA512.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA2(s, bits): the SHA-2 digest of 224, 256, 384 or 512 bits; NULL for any other length (as Flink). */
    public static String sha2(String s, int bits) {
        switch (bits) {
            case 224:
                return sha224(s);
            case 256:
                return sha256(s);
            case 384:
                return sha384(s);
            case 512:
                return sha512(s);
            default:
                return null;
        }
    }

    private static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int k = 0; k < b.length; k++) {
            out[2 * k] = HEX[(b[k] >> 4) & 0xf];
            out[2 * k + 1] = HEX[b[k] & 0xf];
        }
        return new String(out);
    }

    /** HASH_CODE of an integral (or temporal) value. */
    public static int hashCode(long v) {
        return Long.hashCode(v);
    }

    /** HASH_CODE of a floating-point value. */
    public static int hashCode(double v) {
        return Double.hashCode(v);
    }

    /** HASH_CODE of a BOOLEAN. */
    public static int hashCode(boolean v) {
        return Boolean.hashCode(v);
    }

    /** HASH_CODE of a binary string: over its bytes. */
    public static int hashCode(byte[] v) {
        return java.util.Arrays.hashCode(v);
    }

    /** HASH_CODE of any other value: its value-based {@code hashCode}. */
    public static int hashCode(Object v) {
        return v instanceof byte[] ? java.util.Arrays.hashCode((byte[]) v) : java.util.Objects.hashCode(v);
    }
}
