package io.sluice.python.collect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A growable little-endian byte buffer. */
final class Bytes {
    private ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

    private void ensure(int n) {
        if (buf.remaining() < n) {
            int size = Math.max(buf.capacity() * 2, buf.position() + n);
            ByteBuffer bigger = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }

    void put(byte b) {
        ensure(1);
        buf.put(b);
    }

    void putShort(short v) {
        ensure(2);
        buf.putShort(v);
    }

    void putInt(int v) {
        ensure(4);
        buf.putInt(v);
    }

    void putLong(long v) {
        ensure(8);
        buf.putLong(v);
    }

    void putFloat(float v) {
        ensure(4);
        buf.putFloat(v);
    }

    void putDouble(double v) {
        ensure(8);
        buf.putDouble(v);
    }

    /** Room for {@code n} more bytes, written by the caller at {@link #array()}[{@link #size()}...]. */
    byte[] reserve(int n) {
        ensure(n);
        return buf.array();
    }

    void advance(int n) {
        buf.position(buf.position() + n);
    }

    void put(byte[] b) {
        ensure(b.length);
        buf.put(b);
    }

    int size() {
        return buf.position();
    }

    byte[] array() {
        return buf.array();
    }

    byte[] toArray() {
        byte[] out = new byte[buf.position()];
        System.arraycopy(buf.array(), 0, out, 0, out.length);
        return out;
    }
}
