package io.sluice.datastream.runtime.source;

import io.sluice.connector.file.src.FileSourceSplit;
import io.sluice.connector.file.src.reader.BulkFormat;
import io.sluice.connector.file.src.reader.StreamFormat;
import io.sluice.connector.file.src.util.RecordAndPosition;
import io.sluice.core.fs.FSDataInputStream;
import io.sluice.core.fs.Path;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a bounded {@code FileSource} of text lines, of another {@link StreamFormat} or of a {@link BulkFormat}: the
 * files (a directory's regular files, in name order) are dealt to the parallel instances round-robin, each read whole
 * by a reader of the format; an instance's position is the index of its current file and the number of records read
 * from it, and a restored instance opens the file again and skips that many records.
 */
public final class FormatScanSource<T> implements ScanTableSource {
    private final List<Path> paths;
    private final byte[] opener;
    private final StateSerializer<T> serializer;

    /** Opens a file for reading its records one by one. */
    interface FileOpener<T> extends java.io.Serializable {
        RecordFile<T> open(java.nio.file.Path file, io.sluice.configuration.Configuration config) throws IOException;
    }

    /** The records of one open file. */
    interface RecordFile<T> extends java.io.Closeable {
        /** The next record, or null at the end of the file. */
        T next() throws IOException;
    }

    private FormatScanSource(List<Path> paths, FileOpener<T> opener, StateSerializer<T> serializer) {
        this.paths = paths;
        this.opener = io.sluice.datastream.runtime.FunctionCopies.serialize(opener);
        this.serializer = serializer;
    }

    /** Reads the files' lines, decoded with {@code charset}. */
    public static FormatScanSource<String> lines(List<Path> paths, String charset, StateSerializer<String> serializer) {
        return new FormatScanSource<>(paths, (FileOpener<String>) (file, config) -> {
            BufferedReader reader = Files.newBufferedReader(file, Charset.forName(charset));
            return new RecordFile<String>() {
                @Override
                public String next() throws IOException {
                    return reader.readLine();
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                }
            };
        }, serializer);
    }

    /** Reads the files with a record-by-record format. */
    public static <T> FormatScanSource<T> of(List<Path> paths, StreamFormat<T> format, StateSerializer<T> serializer) {
        return new FormatScanSource<>(paths, (FileOpener<T>) (file, config) -> {
            long length = Files.size(file);
            StreamFormat.Reader<T> reader = format.createReader(config, new LocalInputStream(file), length, length);
            return new RecordFile<T>() {
                @Override
                public T next() throws IOException {
                    return reader.read();
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                }
            };
        }, serializer);
    }

    /** Reads the files with a bulk format, each file one split. */
    public static <T> FormatScanSource<T> of(List<Path> paths, BulkFormat<T, FileSourceSplit> format,
            StateSerializer<T> serializer) {
        return new FormatScanSource<>(paths, (FileOpener<T>) (file, config) -> {
            long length = Files.size(file);
            FileSourceSplit split = new FileSourceSplit(file.toString(), new Path(file.toString()), 0, length,
                    Files.getLastModifiedTime(file).toMillis(), length);
            BulkFormat.Reader<T> reader = format.createReader(config, split);
            return new RecordFile<T>() {
                private BulkFormat.RecordIterator<T> batch;

                @Override
                public T next() throws IOException {
                    while (true) {
                        if (batch == null) {
                            batch = reader.readBatch();
                            if (batch == null) {
                                return null;
                            }
                        }
                        RecordAndPosition<T> next = batch.next();
                        if (next != null) {
                            return next.getRecord();
                        }
                        batch.releaseBatch();
                        batch = null;
                    }
                }

                @Override
                public void close() throws IOException {
                    if (batch != null) {
                        batch.releaseBatch();
                    }
                    reader.close();
                }
            };
        }, serializer);
    }

    /** The files to read: the regular files of directories (not hidden, in name order) and the files named. */
    static List<java.nio.file.Path> files(List<Path> paths) {
        List<java.nio.file.Path> files = new ArrayList<>();
        for (Path p : paths) {
            java.nio.file.Path local = p.toLocalPath();
            if (Files.isDirectory(local)) {
                try (Stream<java.nio.file.Path> s = Files.list(local)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + local, e);
                }
            } else if (Files.isRegularFile(local)) {
                files.add(local);
            } else {
                throw new IllegalArgumentException("File source: " + local + " does not exist");
            }
        }
        return files;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        List<java.nio.file.Path> all = files(paths);
        List<java.nio.file.Path> mine = new ArrayList<>();
        for (int i = context.subtaskIndex(); i < all.size(); i += context.parallelism()) {
            mine.add(all.get(i));
        }
        return new FormatReader(context, mine, io.sluice.datastream.runtime.FunctionCopies.deserialize(opener));
    }

    @Override
    public String describe() {
        return "files(" + paths + ")";
    }

    private final class FormatReader implements SourceReader {
        private final ReaderContext context;
        private final List<java.nio.file.Path> files;
        private final FileOpener<T> opener;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private int file;
        private long read;
        private RecordFile<T> reader;

        FormatReader(ReaderContext context, List<java.nio.file.Path> files, FileOpener<T> opener) {
            this.context = context;
            this.files = files;
            this.opener = opener;
        }

        @Override
        public void open() {
        }

        private RecordFile<T> openFile(java.nio.file.Path path) throws IOException {
            io.sluice.configuration.Configuration config = new io.sluice.configuration.Configuration();
            for (Map.Entry<String, String> e : context.config().toMap().entrySet()) {
                config.setString(e.getKey(), e.getValue());
            }
            RecordFile<T> r = opener.open(path, config);
            for (long skip = 0; skip < read; skip++) {
                if (r.next() == null) {
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
                T record = reader.next();
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
