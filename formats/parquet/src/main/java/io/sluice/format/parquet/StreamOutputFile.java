package io.sluice.format.parquet;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over a stream the filesystem sink opened: Parquet writes a file front to back and
 * only needs the position. Closing the Parquet stream flushes but leaves the sink's stream open (the sink closes
 * it). Creatable once.
 */
final class StreamOutputFile implements OutputFile {
    private final OutputStream out;
    private final String name;
    private CountingStream stream;

    StreamOutputFile(OutputStream out, String name) {
        this.out = out;
        this.name = name;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        if (stream != null) {
            throw new IllegalStateException("the parquet output " + name + " was already created");
        }
        stream = new CountingStream(out);
        return stream;
    }

    /** The bytes written so far. */
    long position() {
        return stream == null ? 0 : stream.getPos();
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return name;
    }

    /** Counts the bytes written; close only flushes. */
    private static final class CountingStream extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
