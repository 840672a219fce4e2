package io.sluice.datastream.runtime;

import io.sluice.runtime.state.keyed.StateSerializers;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Reusable buffers for reading and writing serialized records without allocating per record: a growable byte array
 * exposed to Arrow, and a reader over one row of a binary vector. Both implement {@link DataOutput}/{@link DataInput}
 * directly on a byte array, without the per-byte locking of {@code DataOutputStream} over a
 * {@code ByteArrayOutputStream} (the serializers of records write field by field).
 */
public final class RecordBytes {
    private RecordBytes() {
    }

    /** Writes {@code s} as UTF-8 bytes with a variable-length byte count ({@link StateSerializers#writeBytes}). */
    public static void writeString(String s, DataOutput out) throws IOException {
        StateSerializers.writeBytes(s.getBytes(StandardCharsets.UTF_8), out);
    }

    /** Reads what {@link #writeString} wrote; decodes straight from the buffer of an {@link Input}. */
    public static String readString(DataInput in) throws IOException {
        if (in instanceof Input) {
            Input input = (Input) in;
            int length = StateSerializers.readVarInt(input);
            input.need(length);
            String s = new String(input.buf, input.pos, length, StandardCharsets.UTF_8);
            input.pos += length;
            return s;
        }
        return new String(StateSerializers.readBytes(in), StandardCharsets.UTF_8);
    }

    /** A growable byte array written through {@link DataOutput}; its buffer is handed to a vector without a copy. */
    public static final class Output implements DataOutput {
        private byte[] buf = new byte[256];
        private int count;
        /** Kept for callers that flush a stream: writes go straight to the buffer. */
        final Output data = this;

        public void reset() {
            count = 0;
        }

        public int size() {
            return count;
        }

        public byte[] buffer() {
            return buf;
        }

        /** A copy of what was written. */
        public byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        void flush() {
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(count + more, buf.length * 2));
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        @Override
        public void writeBoolean(boolean v) {
            write(v ? 1 : 0);
        }

        @Override
        public void writeByte(int v) {
            write(v);
        }

        @Override
        public void writeShort(int v) {
            ensure(2);
            buf[count++] = (byte) (v >>> 8);
            buf[count++] = (byte) v;
        }

        @Override
        public void writeChar(int v) {
            writeShort(v);
        }

        @Override
        public void writeInt(int v) {
            ensure(4);
            buf[count++] = (byte) (v >>> 24);
            buf[count++] = (byte) (v >>> 16);
            buf[count++] = (byte) (v >>> 8);
            buf[count++] = (byte) v;
        }

        @Override
        public void writeLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[count++] = (byte) (v >>> shift);
            }
        }

        @Override
        public void writeFloat(float v) {
            writeInt(Float.floatToIntBits(v));
        }

        @Override
        public void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        @Override
        public void writeBytes(String s) {
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
        }

        @Override
        public void writeChars(String s) {
            for (int i = 0; i < s.length(); i++) {
                writeChar(s.charAt(i));
            }
        }

        @Override
        public void writeUTF(String s) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length() + 2);
            new DataOutputStream(bytes).writeUTF(s);
            write(bytes.toByteArray());
        }
    }

    /** Reads row after row of a binary vector (or a byte array) through {@link DataInput}. */
    public static final class Input implements DataInput {
        private byte[] buf = new byte[256];
        private int pos;
        private int count;

        /** Positions the reader on row {@code row} of {@code vector}; returns the reader. */
        public DataInput of(VarBinaryVector vector, int row) {
            int start = vector.getStartOffset(row);
            int length = vector.getEndOffset(row) - start;
            if (buf.length < length) {
                buf = new byte[Math.max(length, buf.length * 2)];
            }
            vector.getDataBuffer().getBytes(start, buf, 0, length);
            pos = 0;
            count = length;
            return this;
        }

        /** Positions the reader on {@code bytes} (not copied); returns the reader. */
        public DataInput of(byte[] bytes) {
            buf = bytes;
            pos = 0;
            count = bytes.length;
            return this;
        }

        private void need(int n) throws EOFException {
            if (n < 0 || count - pos < n) {
                throw new EOFException("record ends after " + count + " bytes");
            }
        }

        @Override
        public void readFully(byte[] b) throws IOException {
            readFully(b, 0, b.length);
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            need(len);
            System.arraycopy(buf, pos, b, off, len);
            pos += len;
        }

        @Override
        public int skipBytes(int n) {
            int skipped = Math.max(0, Math.min(n, count - pos));
            pos += skipped;
            return skipped;
        }

        @Override
        public boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        @Override
        public byte readByte() throws IOException {
            need(1);
            return buf[pos++];
        }

        @Override
        public int readUnsignedByte() throws IOException {
            return readByte() & 0xff;
        }

        @Override
        public short readShort() throws IOException {
            need(2);
            short v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
            pos += 2;
            return v;
        }

        @Override
        public int readUnsignedShort() throws IOException {
            return readShort() & 0xffff;
        }

        @Override
        public char readChar() throws IOException {
            return (char) readShort();
        }

        @Override
        public int readInt() throws IOException {
            need(4);
            int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        @Override
        public long readLong() throws IOException {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos + i] & 0xff);
            }
            pos += 8;
            return v;
        }

        @Override
        public float readFloat() throws IOException {
            return Float.intBitsToFloat(readInt());
        }

        @Override
        public double readDouble() throws IOException {
            return Double.longBitsToDouble(readLong());
        }

        @Override
        public String readLine() {
            throw new UnsupportedOperationException("readLine on a serialized record");
        }

        @Override
        public String readUTF() throws IOException {
            return DataInputStream.readUTF(this);
        }
    }
}
