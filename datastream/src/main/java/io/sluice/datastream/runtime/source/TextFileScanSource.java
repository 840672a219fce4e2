package io.sluice.datastream.runtime.source;

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
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a {@code FileSource} of text lines: the files (a directory's regular files, in name order) are dealt to the
 * parallel instances round-robin; an instance's position is the index of its current file and the number of lines
 * read from it.
 */
public final class TextFileScanSource implements ScanTableSource {
    private final List<Path> paths;
    private final String charset;
    private final StateSerializer<String> serializer;

    public TextFileScanSource(List<Path> paths, String charset, StateSerializer<String> serializer) {
        this.paths = paths;
        this.charset = charset;
        this.serializer = serializer;
    }

    /** The files to read: the regular files of directories (not hidden, in name order) and the files named. */
    List<java.nio.file.Path> files() {
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
        List<java.nio.file.Path> all = files();
        List<java.nio.file.Path> mine = new ArrayList<>();
        for (int i = context.subtaskIndex(); i < all.size(); i += context.parallelism()) {
            mine.add(all.get(i));
        }
        return new LineReader(context, mine);
    }

    @Override
    public String describe() {
        return "files(" + paths + ")";
    }

    private final class LineReader implements SourceReader {
        private final ReaderContext context;
        private final List<java.nio.file.Path> files;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private int file;
        private long line;
        private BufferedReader reader;

        LineReader(ReaderContext context, List<java.nio.file.Path> files) {
            this.context = context;
            this.files = files;
        }

        @Override
        public void open() {
        }

        @Override
        public ReadStatus pollNext(io.sluice.runtime.operator.Output output) throws Exception {
            List<byte[]> records = new ArrayList<>();
            while (records.size() < context.batchSize() && file < files.size()) {
                if (reader == null) {
                    reader = Files.newBufferedReader(files.get(file), Charset.forName(charset));
                    for (long skip = 0; skip < line; skip++) {
                        if (reader.readLine() == null) {
                            break;
                        }
                    }
                }
                String text = reader.readLine();
                if (text == null) {
                    reader.close();
                    reader = null;
                    file++;
                    line = 0;
                    continue;
                }
                line++;
                bytes.reset();
                serializer.serialize(text, out);
                out.flush();
                records.add(bytes.toByteArray());
            }
            RecordReader.emit(context, records, output);
            return file >= files.size() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
        }

        @Override
        public byte[] snapshotPosition() {
            return ByteBuffer.allocate(12).putInt(file).putLong(line).array();
        }

        @Override
        public void restorePosition(byte[] position) {
            ByteBuffer b = ByteBuffer.wrap(position);
            file = b.getInt();
            line = b.getLong();
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
