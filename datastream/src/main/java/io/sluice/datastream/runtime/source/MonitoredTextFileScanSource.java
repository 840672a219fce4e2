package io.sluice.datastream.runtime.source;

import io.sluice.core.fs.Path;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs a {@code FileSource} of text lines that monitors its paths ({@code monitorContinuously}): an unbounded
 * source that reads the files there at the start and then, every discovery interval, the files that appeared since
 * (each file once, by its path; a file that changes after it was read is not read again, as in Flink). Hidden files
 * (names starting with {@code .}) are left out, so a writer can create a file under a hidden name and rename it when
 * complete. A file belongs to the instance {@code hash(path) mod parallelism}; an instance reads its files in name
 * order.
 *
 * <p>Position: the paths of the files an instance finished, and its current file with the number of lines read. At
 * another parallelism every instance takes the finished paths of all earlier instances and continues the files it
 * now owns where their earlier reader stopped.
 */
public final class MonitoredTextFileScanSource implements ScanTableSource {
    private final List<Path> paths;
    private final String charset;
    private final StateSerializer<String> serializer;
    private final long intervalMillis;

    public MonitoredTextFileScanSource(List<Path> paths, String charset, StateSerializer<String> serializer,
            Duration discoveryInterval) {
        if (discoveryInterval.isNegative() || discoveryInterval.isZero()) {
            throw new IllegalArgumentException("The discovery interval must be positive, not " + discoveryInterval);
        }
        this.paths = paths;
        this.charset = charset;
        this.serializer = serializer;
        this.intervalMillis = discoveryInterval.toMillis();
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new MonitoringReader(context);
    }

    @Override
    public String describe() {
        return "files(" + paths + ", monitored every " + intervalMillis + " ms)";
    }

    /** The visible regular files under the paths now (a path that does not exist yet has none). */
    private List<String> listFiles() {
        List<String> files = new ArrayList<>();
        for (Path p : paths) {
            java.nio.file.Path local = p.toLocalPath();
            if (Files.isDirectory(local)) {
                try (Stream<java.nio.file.Path> s = Files.list(local)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .forEach(f -> files.add(f.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + local, e);
                }
            } else if (Files.isRegularFile(local)) {
                files.add(local.toString());
            }
        }
        return files;
    }

    private final class MonitoringReader implements SourceReader {
        private final ReaderContext context;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        /** Files this instance finished. */
        private final Set<String> done = new HashSet<>();
        /** Files discovered and not finished, in name order. */
        private final ArrayDeque<String> queue = new ArrayDeque<>();
        /** Lines already read of files a restore handed over part way. */
        private final Map<String, Long> resumeAt = new HashMap<>();
        private String current;
        private long line;
        private BufferedReader reader;
        private long nextDiscovery;

        MonitoringReader(ReaderContext context) {
            this.context = context;
        }

        @Override
        public void open() {
        }

        private boolean owns(String file) {
            return Math.floorMod(file.hashCode(), context.parallelism()) == context.subtaskIndex();
        }

        private void discover() {
            TreeSet<String> fresh = new TreeSet<>();
            Set<String> queued = new HashSet<>(queue);
            for (String f : listFiles()) {
                if (owns(f) && !done.contains(f) && !f.equals(current) && !queued.contains(f)) {
                    fresh.add(f);
                }
            }
            queue.addAll(fresh);
            nextDiscovery = System.currentTimeMillis() + intervalMillis;
        }

        @Override
        public ReadStatus pollNext(io.sluice.runtime.operator.Output output) throws Exception {
            if (current == null && queue.isEmpty() && System.currentTimeMillis() >= nextDiscovery) {
                discover();
            }
            List<byte[]> records = new ArrayList<>();
            while (records.size() < context.batchSize()) {
                if (reader == null) {
                    if (current == null) {
                        current = queue.poll();
                        if (current == null) {
                            break;
                        }
                        line = resumeAt.getOrDefault(current, 0L);
                    }
                    reader = Files.newBufferedReader(java.nio.file.Path.of(current), Charset.forName(charset));
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
                    done.add(current);
                    resumeAt.remove(current);
                    current = null;
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
            return records.isEmpty() ? ReadStatus.NOTHING_AVAILABLE : ReadStatus.MORE_AVAILABLE;
        }

        @Override
        public byte[] snapshotPosition() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(b);
            o.writeInt(done.size());
            for (String f : done) {
                o.writeUTF(f);
            }
            Map<String, Long> partial = new HashMap<>(resumeAt);
            if (current != null) {
                partial.put(current, line);
            }
            o.writeInt(partial.size());
            for (Map.Entry<String, Long> e : partial.entrySet()) {
                o.writeUTF(e.getKey());
                o.writeLong(e.getValue());
            }
            o.flush();
            return b.toByteArray();
        }

        @Override
        public void restorePosition(byte[] position) throws IOException {
            restoreRescaledPositions(List.of(position));
        }

        /** Takes every earlier instance's finished files, and the partly read files this instance now owns. */
        @Override
        public void restoreRescaledPositions(List<byte[]> positions) throws IOException {
            for (byte[] position : positions) {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(position));
                for (int n = in.readInt(); n > 0; n--) {
                    done.add(in.readUTF());
                }
                for (int n = in.readInt(); n > 0; n--) {
                    String f = in.readUTF();
                    long lines = in.readLong();
                    if (owns(f)) {
                        resumeAt.put(f, lines);
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
