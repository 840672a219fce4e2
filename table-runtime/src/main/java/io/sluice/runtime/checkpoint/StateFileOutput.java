package io.sluice.runtime.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Streams one operator instance's state straight into its checkpoint file (no intermediate byte array), counting
 * its length and computing its CRC-32 as {@link CheckpointStorage}'s metadata records them. A length-prefixed part
 * whose length is only known once written ({@link io.sluice.runtime.state.StateWriter#writeSized}) reserves its
 * prefix and {@link #patchInt patches} it afterwards; when the prefix has already left the buffer, the CRC is
 * computed again from the file when it is closed.
 */
public final class StateFileOutput extends OutputStream {
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private final CRC32 crc = new CRC32();
    /** Bytes already in the file (the buffer holds the bytes from here on). */
    private long flushed;
    private boolean crcStale;
    private boolean closed;

    public StateFileOutput(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    public Path path() {
        return path;
    }

    /** Bytes written so far. */
    public long position() {
        return flushed + buffer.position();
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            flushBuffer();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                flushBuffer();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Overwrites the four bytes at {@code position} (already written) with {@code value}, big-endian. */
    public void patchInt(long position, int value) throws IOException {
        if (position < 0 || position + 4 > position()) {
            throw new IllegalArgumentException("position " + position + " is not within what was written");
        }
        if (position >= flushed) {
            buffer.putInt((int) (position - flushed), value);
            return;
        }
        flushBuffer();
        ByteBuffer four = ByteBuffer.allocate(4).putInt(value).flip();
        while (four.hasRemaining()) {
            channel.write(four, position + four.position());
        }
        crcStale = true;
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        if (!crcStale) {
            crc.update(buffer.duplicate());
        }
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer, flushed);
        }
        buffer.clear();
    }

    /** Ends the file; returns its length and CRC-32. */
    public Written finish() throws IOException {
        if (closed) {
            throw new IllegalStateException("already finished");
        }
        flushBuffer();
        long value;
        if (crcStale) {
            CRC32 again = new CRC32();
            ByteBuffer read = ByteBuffer.allocateDirect(BUFFER);
            for (long at = 0; at < flushed; ) {
                read.clear();
                int n = channel.read(read, at);
                if (n < 0) {
                    throw new IOException("checkpoint file " + path + " is shorter than written");
                }
                read.flip();
                again.update(read);
                at += n;
            }
            value = again.getValue();
        } else {
            value = crc.getValue();
        }
        closed = true;
        channel.close();
        return new Written(flushed, value);
    }

    /** Closes the file without finishing it (after a failure); the caller deletes it. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }

    /** The length and CRC-32 of a state file written in full. */
    public record Written(long length, long crc) {
    }
}
