package io.sluice.datastream.runtime.source;

import io.sluice.connector.file.src.reader.StreamFormat;
import io.sluice.core.fs.FSDataInputStream;
import io.sluice.core.fs.Path;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a bounded {@code FileSource} of a {@link StreamFormat} other than text lines: the files (as for
 * {@link TextFileScanSource}) are dealt to the parallel instances round-robin, each read whole by a reader of the
 * format; an instance's position is the index of its current file and the number of records read from it, and a
 * restored instance skips that many records of the file.
 */
public final class StreamFormatScanSource<T> implements ScanTableSource {
    private final List<Path> paths;
    private final byte[] format;
    private final StateSerializer<T> serializer;

    public StreamFormatScanSource(List<Path> paths, StreamFormat<T> format, StateSerializer<T> serializer) {
        this.paths = paths;
        this.format = io.sluice.datastream.runtime.FunctionCopies.serialize(format);
        this.serializer = serializer;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        List<java.nio.file.Path> all = new TextFileScanSource(paths, "UTF-8", null).files();
        List<java.nio.file.Path> mine = new ArrayList<>();
        for (int i = context.subtaskIndex(); i < all.size(); i += context.parallelism()) {
            mine.add(all.get(i));
        }
        return new FormatReader(context, mine, io.sluice.datastream.runtime.FunctionCopies.deserialize(format));
    }

    @Override
    public String describe() {
        return "files(" + paths + ")";
    }

    private final class FormatReader implements SourceReader {
        private final ReaderContext context;
        private final List<java.nio.file.Path> files;
        private final StreamFormat<T> format;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private int file;
        private long read;
        private StreamFormat.Reader<T> reader;

        FormatReader(ReaderContext context, List<java.nio.file.Path> files, StreamFormat<T> format) {
            this.context = context;
            this.files = files;
            this.format = format;
        }

        @Override
        public void open() {
        }

        private StreamFormat.Reader<T> openFile(java.nio.file.Path path) throws IOException {
            io.sluice.configuration.Configuration config = new io.sluice.configuration.Configuration();
            for (Map.Entry<String, String> e : context.config().toMap().entrySet()) {
                config.setString(e.getKey(), e.getValue());
            }
            long length = Files.size(path);
            StreamFormat.Reader<T> r = format.createReader(config, new LocalInputStream(path), length, length);
            for (long skip = 0; skip < read; skip++) {
                if (r.read() == null) {
                    break;
                }
            }
            return r;
        }

        @Override
        public ReadStatus pollNext(io.sluice.runtime.operator.Output output) throws Exception {
            List<byte[]> records = new ArrayList<>();
            while (records.size() < context.batchSize() && file < files.size()) {
                if (reader == null) {
                    reader = openFile(files.get(file));
                }
                T record = reader.read();
                if (record == null) {
                    reader.close();
                    reader = null;
                    file++;
                    read = 0;
                    continue;
                }
                read++;
                bytes.reset();
                serializer.serialize(record, out);
                out.flush();
                records.add(bytes.toByteArray());
            }
            RecordReader.emit(context, records, output);
            return file >= files.size() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
        }

        @Override
        public byte[] snapshotPosition() {
            return ByteBuffer.allocate(12).putInt(file).putLong(read).array();
        }

        @Override
        public void restorePosition(byte[] position) {
            ByteBuffer b = ByteBuffer.wrap(position);
            file = b.getInt();
            read = b.getLong();
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** A local file's bytes, seekable. */
    static final class LocalInputStream extends FSDataInputStream {
        private final SeekableByteChannel channel;
        private final ByteBuffer one = ByteBuffer.allocate(1);

        LocalInputStream(java.nio.file.Path path) throws IOException {
            this.channel = Files.newByteChannel(path);
        }

        @Override
        public void seek(long desired) throws IOException {
            channel.position(desired);
        }

        @Override
        public long getPos() throws IOException {
            return channel.position();
        }

        @Override
        public int read() throws IOException {
            one.clear();
            int n = channel.read(one);
            return n <= 0 ? -1 : one.get(0) & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, len));
            return n <= 0 ? -1 : n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
