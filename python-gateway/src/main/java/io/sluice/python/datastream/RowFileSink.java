package io.sluice.python.datastream;

import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The row-format {@code FileSink} of the Python DataStream API: each record is written as its text ({@code toString()},
 * Flink's {@code SimpleStringEncoder}) and a line break, into part files under a base directory, in buckets
 * (subdirectories) by processing time ({@code yyyy-MM-dd--HH} by default) or all in the base directory.
 *
 * <p>A parallel instance writes to one part file per bucket, named {@code <prefix>-<uuid>-<subtask>-<counter><suffix>};
 * while it is written it is hidden ({@code .<name>.inprogress}). A part is closed when it reaches the part size or
 * the rollover interval (then it is pending) and is given its final name at the next checkpoint or at the end of the
 * input, together with the part being written; so a job restored from a checkpoint finds the records it replays in
 * no finished file (the hidden files of the failed attempt stay behind). Without checkpoints an unbounded job's files
 * stay in progress, as in Flink.
 */
public final class RowFileSink implements Sink<Object> {
    private static final long serialVersionUID = 1L;

    private final String basePath;
    private final String charset;
    private final String prefix;
    private final String suffix;
    /** The bucket pattern ({@link DateTimeFormatter}), or null for the base path. */
    private final String bucketFormat;
    private final String zone;
    private final long partSize;
    private final long rolloverMillis;
    private final String jobUuid = UUID.randomUUID().toString();

    /**
     * @param bucketFormat a date-time pattern for bucket directories, or null to write into {@code basePath}
     * @param zone a time zone id for the buckets, or null for the system's
     * @param partSize the size after which a part is closed ({@code Long.MAX_VALUE}: only at checkpoints)
     * @param rolloverMillis the age after which a part is closed ({@code Long.MAX_VALUE}: only at checkpoints)
     */
    public RowFileSink(String basePath, String charset, String prefix, String suffix, String bucketFormat, String zone,
            long partSize, long rolloverMillis) {
        this.basePath = basePath;
        this.charset = charset;
        this.prefix = prefix;
        this.suffix = suffix;
        this.bucketFormat = bucketFormat;
        this.zone = zone;
        this.partSize = partSize;
        this.rolloverMillis = rolloverMillis;
    }

    @Override
    public SinkWriter<Object> createWriter(WriterInitContext context) throws IOException {
        return new Writer(context.getTaskInfo().getIndexOfThisSubtask());
    }

    /** One open part file. */
    private static final class Part {
        final Path inProgress;
        final Path finished;
        final OutputStream out;
        final long opened;
        long size;

        Part(Path inProgress, Path finished, long opened) throws IOException {
            this.inProgress = inProgress;
            this.finished = finished;
            this.opened = opened;
            Files.createDirectories(inProgress.getParent());
            this.out = new BufferedOutputStream(Files.newOutputStream(inProgress), 1 << 16);
        }
    }

    private final class Writer implements SinkWriter<Object> {
        private final int subtask;
        private final Charset encoding = Charset.forName(charset);
        private final DateTimeFormatter buckets = bucketFormat == null ? null
                : DateTimeFormatter.ofPattern(bucketFormat).withZone(zone == null ? ZoneId.systemDefault()
                        : ZoneId.of(zone));
        private final Map<String, Part> open = new HashMap<>();
        private final List<Part> pending = new ArrayList<>();
        private long counter;

        Writer(int subtask) {
            this.subtask = subtask;
        }

        @Override
        public void write(Object element, Context context) throws IOException {
            long now = System.currentTimeMillis();
            String bucket = buckets == null ? "" : buckets.format(Instant.ofEpochMilli(now));
            Part part = open.get(bucket);
            if (part != null && (part.size >= partSize || now - part.opened >= rolloverMillis)) {
                close(part);
                open.remove(bucket);
                part = null;
            }
            if (part == null) {
                Path dir = bucket.isEmpty() ? Path.of(basePath) : Path.of(basePath, bucket);
                String name = prefix + "-" + jobUuid + "-" + subtask + "-" + counter++ + suffix;
                part = new Part(dir.resolve("." + name + ".inprogress"), dir.resolve(name), now);
                open.put(bucket, part);
            }
            byte[] line = (String.valueOf(element) + "\n").getBytes(encoding);
            part.out.write(line);
            part.size += line.length;
        }

        private void close(Part part) throws IOException {
            part.out.close();
            pending.add(part);
        }

        /** At a checkpoint and at the end: every part gets its final name. */
        @Override
        public void flush(boolean endOfInput) throws IOException {
            for (Part p : open.values()) {
                close(p);
            }
            open.clear();
            for (Part p : pending) {
                Files.move(p.inProgress, p.finished, StandardCopyOption.ATOMIC_MOVE);
            }
            pending.clear();
        }

        @Override
        public void close() throws IOException {
            for (Part p : open.values()) {
                p.out.close();
            }
            open.clear();
        }
    }
}
