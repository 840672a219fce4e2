package io.sluice.datastream.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Reusable buffers for reading and writing serialized records without allocating per record: a growable byte array
 * exposed to Arrow, and a stream over one row of a binary vector.
 */
public final class RecordBytes {
    private RecordBytes() {
    }

    /** A {@link ByteArrayOutputStream} whose buffer can be handed to a vector without a copy. */
    static final class Output extends ByteArrayOutputStream {
        final DataOutputStream data = new DataOutputStream(this);

        Output() {
            super(256);
        }

        byte[] buffer() {
            return buf;
        }
    }

    /** Reads row after row of a binary vector through one {@link DataInputStream}. */
    public static final class Input extends ByteArrayInputStream {
        final DataInputStream data = new DataInputStream(this);

        public Input() {
            super(new byte[256]);
        }

        /** Positions the stream on row {@code row} of {@code vector}; returns the stream. */
        public DataInputStream of(VarBinaryVector vector, int row) {
            int start = vector.getStartOffset(row);
            int length = vector.getEndOffset(row) - start;
            if (buf.length < length) {
                buf = new byte[Math.max(length, buf.length * 2)];
            }
            vector.getDataBuffer().getBytes(start, buf, 0, length);
            this.pos = 0;
            this.count = length;
            this.mark = 0;
            return data;
        }
    }
}
