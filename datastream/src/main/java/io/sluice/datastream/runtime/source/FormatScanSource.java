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
 * by a reader of the format; an instance's position is the list of files it has left, each with the number of records
 * read from it, and a restored instance opens a file again and skips that many records. Restored at another
 * parallelism, the files left (and the files part way through) are dealt to the new instances.
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
        List<long[]> mine = new ArrayList<>();
        for (int i = context.subtaskIndex(); i < all.size(); i += context.parallelism()) {
            mine.add(new long[] {i, 0});
        }
        return new FormatReader(context, all, mine, io.sluice.datastream.runtime.FunctionCopies.deserialize(opener));
    }

    @Override
    public String describe() {
        return "files(" + paths + ")";
    }

    /**
     * Reads its share of the files: a list of {index among all files, records of it read so far}, the current file
     * first. Its position is that list (what is left), so that a restore at any parallelism can deal the files that
     * are left, and the files part way through, to the new readers.
     */
    private final class FormatReader implements SourceReader {
        /** Marks a position holding the list of files left (older positions are {current file, records read}). */
        private static final int FILES_LEFT = -1;

        private final ReaderContext context;
        private final List<java.nio.file.Path> all;
        private final FileOpener<T> opener;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private List<long[]> work;
        private int current;
        private RecordFile<T> reader;

        FormatReader(ReaderContext context, List<java.nio.file.Path> all, List<long[]> work, FileOpener<T> opener) {
            this.context = context;
            this.all = all;
            this.work = work;
            this.opener = opener;
        }

        @Override
        public void open() {
        }

        private RecordFile<T> openFile(java.nio.file.Path path, long skip) throws IOException {
            io.sluice.configuration.Configuration config = new io.sluice.configuration.Configuration();
            for (Map.Entry<String, String> e : context.config().toMap().entrySet()) {
                config.setString(e.getKey(), e.getValue());
            }
            RecordFile<T> r = opener.open(path, config);
            for (long i = 0; i < skip; i++) {
                if (r.next() == null) {
                    break;
                }
            }
            return r;
        }

        @Override
        public ReadStatus pollNext(io.sluice.runtime.operator.Output output) throws Exception {
            List<byte[]> records = new ArrayList<>();
            while (records.size() < context.batchSize() && current < work.size()) {
                long[] item = work.get(current);
                if (reader == null) {
                    reader = openFile(file(item[0]), item[1]);
                }
                T record = reader.next();
                if (record == null) {
                    reader.close();
                    reader = null;
                    current++;
                    continue;
                }
                item[1]++;
                bytes.reset();
                serializer.serialize(record, out);
                out.flush();
                records.add(bytes.toByteArray());
            }
            RecordReader.emit(context, records, output);
            return current >= work.size() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
        }

        private java.nio.file.Path file(long index) {
            if (index >= all.size()) {
                throw new io.sluice.table.api.TableException("Cannot restore the file source over " + paths
                        + ": its position names file " + (index + 1) + " of " + all.size()
                        + " (were files removed since the checkpoint?)");
            }
            return all.get((int) index);
        }

        @Override
        public byte[] snapshotPosition() {
            int left = work.size() - current;
            ByteBuffer b = ByteBuffer.allocate(8 + 12 * left).putInt(FILES_LEFT).putInt(left);
            for (int i = current; i < work.size(); i++) {
                b.putInt((int) work.get(i)[0]).putLong(work.get(i)[1]);
            }
            return b.array();
        }

        @Override
        public void restorePosition(byte[] position) {
            work = filesLeft(position, context.subtaskIndex(), context.parallelism());
            current = 0;
        }

        /**
         * The files a reader had left: {@code position} is what {@link #snapshotPosition} wrote on reader
         * {@code reader} of {@code readers} (an older position, {current file among the reader's, records read},
         * is read with the files that reader was dealt).
         */
        private List<long[]> filesLeft(byte[] position, int reader, int readers) {
            ByteBuffer b = ByteBuffer.wrap(position);
            int first = b.getInt();
            List<long[]> left = new ArrayList<>();
            if (first != FILES_LEFT) {
                long read = b.getLong();
                for (long i = reader + (long) first * readers; i < all.size(); i += readers) {
                    left.add(new long[] {i, left.isEmpty() ? read : 0});
                }
                return left;
            }
            int n = b.getInt();
            for (int i = 0; i < n; i++) {
                left.add(new long[] {b.getInt(), b.getLong()});
            }
            return left;
        }

        /**
         * At another parallelism: the files every earlier reader had left, in reader order, are dealt to the new
         * readers round-robin; a file one was part way through is read on from where it stopped.
         */
        @Override
        public void restoreRescaledPositions(List<byte[]> positions) {
            List<long[]> left = new ArrayList<>();
            for (int i = 0; i < positions.size(); i++) {
                if (positions.get(i) != null) {
                    left.addAll(filesLeft(positions.get(i), i, positions.size()));
                }
            }
            List<long[]> mine = new ArrayList<>();
            for (int i = context.subtaskIndex(); i < left.size(); i += context.parallelism()) {
                mine.add(left.get(i));
            }
            work = mine;
            current = 0;
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
