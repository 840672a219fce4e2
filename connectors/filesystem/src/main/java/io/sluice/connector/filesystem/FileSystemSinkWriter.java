package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.connector.filesystem.partition.PartitionCommitPolicy;
import io.sluice.connector.filesystem.partition.PartitionRouter;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.TableException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Writes one subtask's rows to part files {@code part-<uuid>-<subtask>-<n>.<ext>} in the sink directory
 * (created if missing), or, for a partitioned table, in the directory of each row's partition
 * ({@code k1=v1/k2=v2/}, see {@link PartitionRouter}; the partition columns are not written into the files).
 * A file is written under a hidden in-progress name ({@code .part-...inprogress}, which readers skip) and
 * renamed to its final name by {@link #finish()}; {@link #close()} without {@code finish} deletes it. No file is
 * created for a partition that receives no row.
 *
 * <p><b>Exactly-once.</b> In a checkpointed job each checkpoint closes the current part files; part
 * files become visible only when the checkpoint that covers them completes, so after a failure and a
 * restore from the latest checkpoint the directory holds each row exactly once.
 *
 * <p><b>Partition commit.</b> A partition whose files were published is committed (its success file written,
 * with the {@code success-file} policy) at that checkpoint's completion or at the end of the input, once the
 * commit delay since its first file has passed; partitions not yet due wait for a later checkpoint (and are
 * part of the checkpoint state) and are all committed when the input ends.
 *
 * <p><b>Rolling.</b> A part file is closed (and a new one started for the next rows) when the table's
 * {@link RollingPolicy} says so: by size after each batch, by age or inactivity when rows arrive. Closed files are
 * published like the others: at the next completed checkpoint, or at the end of the input.
 *
 * <p><b>Overwrite.</b> For {@code INSERT OVERWRITE} (batch mode only) the finished part files stay hidden until
 * every subtask of the job has finished; then an {@link OverwriteCommitter} deletes the existing visible files of
 * the table (of a partitioned table: of the partitions written) and publishes the new ones. A failed job leaves
 * the old content in place.
 */
public final class FileSystemSinkWriter implements SinkWriter {
    private final Path directory;
    private final RecordEncoderFactory encoderFactory;
    private final int subtaskIndex;
    private final String uuid = UUID.randomUUID().toString();
    private int partCounter;
    /** Routes rows to partitions; null for a table that is not partitioned. */
    private final PartitionRouter router;
    /** What committing a partition does; null for a table that is not partitioned. */
    private final PartitionCommitPolicy policy;
    /** Part files being written, by relative partition directory ("" when not partitioned). */
    private final Map<String, OpenPart> open = new LinkedHashMap<>();
    /** Closed part files no checkpoint covers yet: {in-progress name, final name}. */
    private final List<Path[]> pending = new ArrayList<>();
    /**
     * Part files a checkpoint covers, by checkpoint id, awaiting that checkpoint's completion. They outlive a
     * failure ({@link #close()} keeps them): the checkpoint may have completed before its notification arrived,
     * and a writer restored from it publishes them.
     */
    private final TreeMap<Long, List<Path[]>> prepared = new TreeMap<>();
    /** Partitions written and not committed yet, with the time of their first file. */
    private final Map<Path, Long> firstWrite = new LinkedHashMap<>();
    /** Partitions with published files awaiting their commit. */
    private final Set<Path> published = new LinkedHashSet<>();
    /** The shared commit of an INSERT OVERWRITE job, or null when appending. */
    private final OverwriteCommitter overwrite;
    private final int parallelism;
    private final PartitionRouter.Target target = this::writePart;
    private final RollingPolicy rolling;
    private final LongSupplier clock;
    /** The latest watermark of the input (for the {@code partition-time} commit trigger). */
    private long watermark = Long.MIN_VALUE;
    /** The watermark as of each checkpoint not completed yet: its completion commits what that watermark allows. */
    private final TreeMap<Long, Long> watermarkAtCheckpoint = new TreeMap<>();
    /** When the time-based rolling conditions are checked next. */
    private long nextTimeCheck;
    private boolean finished;

    /** One part file being written. */
    private static final class OpenPart {
        CountingOutputStream stream;
        RecordEncoder encoder;
        Path inProgress;
        Path finalPath;
        long created;
        long lastWrite;
    }

    /** Counts the bytes handed to a part file's stream. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** A writer that appends part files to {@code directory}. */
    public FileSystemSinkWriter(Path directory, RecordEncoderFactory encoderFactory, int subtaskIndex) {
        this(directory, encoderFactory, subtaskIndex, null, 1, null, null, RollingPolicy.DEFAULT,
                System::currentTimeMillis);
    }

    /**
     * A writer of one of {@code parallelism} subtasks; with a non-null {@code overwrite} its part files are
     * published by that committer, replacing existing files, once every subtask has finished. With a non-null
     * {@code router} (and {@code policy}) rows go to partition directories and {@code encoderFactory} encodes the
     * router's data columns.
     */
    FileSystemSinkWriter(Path directory, RecordEncoderFactory encoderFactory, int subtaskIndex,
            OverwriteCommitter overwrite, int parallelism, PartitionRouter router, PartitionCommitPolicy policy,
            RollingPolicy rolling, LongSupplier clock) {
        this.rolling = rolling;
        this.clock = clock;
        this.directory = directory;
        this.encoderFactory = encoderFactory;
        this.subtaskIndex = subtaskIndex;
        this.overwrite = overwrite;
        this.parallelism = parallelism;
        this.router = router;
        this.policy = policy;
    }

    @Override
    public void open() throws IOException {
        Files.createDirectories(directory);
    }

    @Override
    public void write(RowBatch batch) throws IOException {
        if (!batch.isInsertOnly() && !encoderFactory.changelogMode().hasUpdates()) {
            throw new TableException("The filesystem sink accepts only inserts, but received an update or delete "
                    + "for " + directory + ".");
        }
        rollByTime();
        if (router == null) {
            writePart("", batch);
        } else {
            router.route(batch, target);
        }
    }

    /** Appends {@code batch} to the open part file of a partition directory, opening one if needed. */
    private void writePart(String partition, RowBatch batch) throws IOException {
        OpenPart part = open.get(partition);
        if (part == null) {
            Path dir = partition.isEmpty() ? directory : directory.resolve(partition);
            Files.createDirectories(dir);
            String name = "part-" + uuid + "-" + subtaskIndex + "-" + partCounter++ + "." + encoderFactory.fileExtension();
            part = new OpenPart();
            part.finalPath = dir.resolve(name);
            part.inProgress = dir.resolve("." + name + ".inprogress");
            part.stream = new CountingOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(part.inProgress), 1 << 16));
            part.encoder = encoderFactory.createEncoder(part.stream);
            part.created = clock.getAsLong();
            open.put(partition, part);
            if (router != null) {
                firstWrite.putIfAbsent(dir, System.currentTimeMillis());
            }
        }
        part.encoder.write(batch);
        part.lastWrite = clock.getAsLong();
        if (rolling.sizeReached(part.stream.count + part.encoder.bufferedBytes())) {
            closePart(partition);
        }
    }

    /** Closes the part files that are open too long or idle too long, at most once per check interval. */
    private void rollByTime() throws IOException {
        if (open.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        if (now < nextTimeCheck) {
            return;
        }
        nextTimeCheck = now + rolling.checkMillis();
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, OpenPart> e : open.entrySet()) {
            if (rolling.timeReached(e.getValue().created, e.getValue().lastWrite, now)) {
                due.add(e.getKey());
            }
        }
        for (String partition : due) {
            closePart(partition);
        }
    }

    /** Closes the part file of one partition directory and queues it for publication. */
    private void closePart(String partition) throws IOException {
        OpenPart part = open.get(partition);
        part.encoder.flush();
        part.stream.close();
        // removed only now: if closing failed, close() still deletes the in-progress file
        open.remove(partition);
        pending.add(new Path[] {part.inProgress, part.finalPath});
    }

    /** Closes every part file being written and queues it for publication. */
    private void closeParts() throws IOException {
        for (String partition : new ArrayList<>(open.keySet())) {
            closePart(partition);
        }
    }

    /** Publishes the given part files under their final names and clears the list. */
    private void publish(List<Path[]> parts) throws IOException {
        for (Path[] p : parts) {
            Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE);
            if (router != null) {
                published.add(p[1].getParent());
            }
        }
        parts.clear();
    }

    /** Publishes every prepared and queued part file (the input ended). */
    private void publishPending() throws IOException {
        for (List<Path[]> parts : prepared.values()) {
            publish(parts);
        }
        prepared.clear();
        publish(pending);
    }

    /**
     * Commits the published partitions that are due (all of them with {@code all}): by the time since their first
     * file, or with the {@code partition-time} trigger by {@code checkpointWatermark}.
     */
    private void commitPartitions(boolean all, long checkpointWatermark) throws IOException {
        long now = System.currentTimeMillis();
        for (Iterator<Path> it = published.iterator(); it.hasNext(); ) {
            Path dir = it.next();
            long first = firstWrite.getOrDefault(dir, now);
            boolean due;
            if (all) {
                due = true;
            } else if (policy.triggersOnPartitionTime()) {
                List<String> values = router.valuesOf(directory, dir);
                due = values != null && policy.dueByWatermark(values, checkpointWatermark);
            } else {
                due = now >= first + policy.delayMillis();
            }
            if (due) {
                policy.commit(dir);
                it.remove();
                firstWrite.remove(dir);
            }
        }
    }

    /** Remembers the watermark: the next checkpoint's completion commits the partitions it passed. */
    @Override
    public void processWatermark(long watermark) {
        this.watermark = Math.max(this.watermark, watermark);
    }

    @Override
    public void finish() throws IOException {
        closeParts();
        if (overwrite == null) {
            publishPending();
            if (router != null) {
                commitPartitions(true, Long.MAX_VALUE);
            }
        } else {
            List<Path[]> parts = new ArrayList<>(pending);
            pending.clear();
            finished = true;
            overwrite.finished(parts, parallelism);
        }
    }

    /**
     * Closes the current part files and returns the names of every part file not yet published and the
     * partitions not yet committed; they are published (committed) when the checkpoint completes
     * ({@link #notifyCheckpointComplete}), or by a writer restored from this checkpoint.
     */
    @Override
    public byte[] snapshotState(long checkpointId) throws IOException {
        if (overwrite != null) {
            throw new TableException("INSERT OVERWRITE is not supported in streaming mode.");
        }
        closeParts();
        watermarkAtCheckpoint.put(checkpointId, watermark);
        if (!pending.isEmpty()) {
            prepared.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(pending);
            pending.clear();
        }
        List<Path[]> all = new ArrayList<>();
        prepared.values().forEach(all::addAll);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(all.size());
        for (Path[] p : all) {
            out.writeUTF(p[0].toString());
            out.writeUTF(p[1].toString());
        }
        Set<Path> uncommitted = new LinkedHashSet<>(published);
        for (Path[] p : all) {
            if (router != null) {
                uncommitted.add(p[1].getParent());
            }
        }
        out.writeInt(uncommitted.size());
        for (Path dir : uncommitted) {
            out.writeUTF(dir.toString());
            out.writeLong(firstWrite.getOrDefault(dir, System.currentTimeMillis()));
        }
        out.flush();
        return bytes.toByteArray();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws IOException {
        // only the files of this checkpoint and earlier ones: files of a later snapshot wait for theirs
        Map<Long, List<Path[]>> due = prepared.headMap(checkpointId, true);
        for (List<Path[]> parts : due.values()) {
            publish(parts);
        }
        due.clear();
        Long atCheckpoint = watermarkAtCheckpoint.get(checkpointId);
        long checkpointWatermark = atCheckpoint == null ? Long.MIN_VALUE : atCheckpoint;
        watermarkAtCheckpoint.headMap(checkpointId, true).clear();
        if (router != null) {
            commitPartitions(false, checkpointWatermark);
        }
    }

    /**
     * Publishes the part files the restored checkpoint had prepared, unless that already happened; its
     * uncommitted partitions are committed at a later checkpoint or at the end of the input.
     */
    @Override
    public void restoreState(byte[] state) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Path tmp = Path.of(in.readUTF());
            Path dst = Path.of(in.readUTF());
            if (Files.exists(tmp)) {
                Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(dst)) {
                throw new TableException("Cannot restore the filesystem sink: part file " + dst
                        + " of the checkpoint is missing (and so is " + tmp + ").");
            }
        }
        if (in.available() > 0) {
            int m = in.readInt();
            for (int i = 0; i < m; i++) {
                Path dir = Path.of(in.readUTF());
                long first = in.readLong();
                if (router != null) {
                    published.add(dir);
                    firstWrite.putIfAbsent(dir, first);
                }
            }
        }
    }

    /**
     * Deletes the part files being written and the closed ones no checkpoint covers. Files a checkpoint covers
     * stay (hidden): that checkpoint may have completed, and a restore from it publishes them.
     */
    @Override
    public void close() throws IOException {
        try {
            for (OpenPart part : open.values()) {
                try {
                    part.stream.close();
                } finally {
                    Files.deleteIfExists(part.inProgress);
                }
            }
        } finally {
            open.clear();
            for (Path[] p : pending) {
                Files.deleteIfExists(p[0]);
            }
            pending.clear();
            if (overwrite != null && !finished) {
                overwrite.abort();
            }
        }
    }
}
