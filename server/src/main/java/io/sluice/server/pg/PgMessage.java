package io.sluice.server.pg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One frontend message of the PostgreSQL protocol v3: its type byte and body, with readers for the body's fields
 * (big-endian integers, NUL-terminated UTF-8 strings, length-prefixed byte strings).
 */
final class PgMessage {
    private final char type;
    private final ByteBuffer body;

    PgMessage(char type, byte[] body) {
        this.type = type;
        this.body = ByteBuffer.wrap(body);
    }

    char type() {
        return type;
    }

    int readInt() {
        return body.getInt();
    }

    short readShort() {
        return body.getShort();
    }

    byte readByte() {
        return body.get();
    }

    boolean hasRemaining() {
        return body.hasRemaining();
    }

    /** A NUL-terminated UTF-8 string. */
    String readCString() {
        int start = body.position();
        int end = start;
        while (end < body.limit() && body.get(end) != 0) {
            end++;
        }
        if (end >= body.limit()) {
            throw new PgProtocolException("08P01", "unterminated string in message '" + type + "'");
        }
        String s = new String(body.array(), start, end - start, StandardCharsets.UTF_8);
        body.position(end + 1);
        return s;
    }

    /** {@code n} raw bytes. */
    byte[] readBytes(int n) {
        if (n < 0 || n > body.remaining()) {
            throw new PgProtocolException("08P01", "invalid length " + n + " in message '" + type + "'");
        }
        byte[] b = new byte[n];
        body.get(b);
        return b;
    }

    /** The rest of the body. */
    byte[] readRemaining() {
        return readBytes(body.remaining());
    }
}
