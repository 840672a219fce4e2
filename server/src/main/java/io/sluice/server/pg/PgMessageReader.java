package io.sluice.server.pg;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/** Reads frontend messages: the untyped startup packets, then typed messages ({@code type, int32 length, body}). */
final class PgMessageReader {
    /** Messages above this size are refused (a garbled stream or a hostile client). */
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final DataInputStream in;

    PgMessageReader(DataInputStream in) {
        this.in = in;
    }

    /** A startup-phase packet: its code (protocol version or special request code) and the rest of its body. */
    record StartupPacket(int code, PgMessage body) {}

    StartupPacket readStartupPacket() throws IOException {
        int length = in.readInt();
        if (length < 8 || length > 10_000) {
            throw new PgProtocolException("08P01", "invalid startup packet length " + length);
        }
        int code = in.readInt();
        byte[] body = new byte[length - 8];
        in.readFully(body);
        return new StartupPacket(code, new PgMessage('\0', body));
    }

    /** The next typed message, or null when the client closed the connection. */
    PgMessage read() throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 4 || length > MAX_MESSAGE_BYTES) {
            throw new PgProtocolException("08P01", "invalid length " + length + " of message '" + (char) type + "'");
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new PgMessage((char) type, body);
    }
}
