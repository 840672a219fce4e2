package io.sluice.formats.parquet.avro;

import io.sluice.core.fs.FSDataInputStream;
import java.io.IOException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over the stream a {@code FileSource} opened for a file of known length. */
final class StreamInputFile implements InputFile {
    private final FSDataInputStream stream;
    private final long length;

    StreamInputFile(FSDataInputStream stream, long length) {
        this.stream = stream;
        this.length = length;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new DelegatingSeekableInputStream(stream) {
            @Override
            public long getPos() throws IOException {
                return stream.getPos();
            }

            @Override
            public void seek(long newPos) throws IOException {
                stream.seek(newPos);
            }
        };
    }
}
