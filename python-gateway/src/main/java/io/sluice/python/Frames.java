package io.sluice.python;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Length-prefixed frames on the gateway socket: a 4-byte big-endian length, then that many bytes. A JSON message
 * with {@code "buffers": n} is followed by n binary frames.
 */
final class Frames {
    private Frames() {
    }

    /** The next frame, or null at a clean end of stream. */
    static byte[] read(DataInputStream in) throws IOException {
        int len;
        try {
            len = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (len < 0) {
            throw new IOException("bad frame length " + len);
        }
        byte[] data = new byte[len];
        in.readFully(data);
        return data;
    }

    static void write(DataOutputStream out, byte[] data) throws IOException {
        out.writeInt(data.length);
        out.write(data);
    }
}
