package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.TableException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes one subtask's rows to a part file {@code part-<uuid>-<subtask>-<n>.<ext>} in the sink directory
 * (created if missing). The file is written under a hidden in-progress name ({@code .part-...inprogress},
 * which readers skip) and renamed to its final name by {@link #finish()}; {@link #close()} without
 * {@code finish} deletes it. No file is created when no row arrives.
 *
 * <p><b>Exactly-once.</b> In a checkpointed job each checkpoint closes the current part file; part
 * files become visible only when the checkpoint that covers them completes, so after a failure and a
 * restore from the latest checkpoint the directory holds each row exactly once.
 *
 * <p><b>Overwrite.</b> For {@code INSERT OVERWRITE} (batch mode only) the finished part files stay hidden until
 * every subtask of the job has finished; then an {@link OverwriteCommitter} deletes the directory's existing
 * visible files and publishes the new ones. A failed job leaves the old content in place.
 */
public final class FileSystemSinkWriter implements SinkWriter {
    private final Path directory;
    private final RecordEncoderFactory encoderFactory;
    private final int subtaskIndex;
    private final String uuid = UUID.randomUUID().toString();
    private int partCounter;
    private OutputStream stream;
    private RecordEncoder encoder;
    private Path inProgress;
    private Path finalPath;
    /** Closed part files awaiting commit: {in-progress name, final name}. */
    private final java.util.List<Path[]> pending = new java.util.ArrayList<>();
    /** The shared commit of an INSERT OVERWRITE job, or null when appending. */
    private final OverwriteCommitter overwrite;
    private final int parallelism;
    private boolean finished;

    /** A writer that appends part files to {@code directory}. */
    public FileSystemSinkWriter(Path directory, RecordEncoderFactory encoderFactory, int subtaskIndex) {
        this(directory, encoderFactory, subtaskIndex, null, 1);
    }

    /**
     * A writer of one of {@code parallelism} subtasks; with a non-null {@code overwrite} its part files are
     * published by that committer, replacing the directory's content, once every subtask has finished.
     */
    FileSystemSinkWriter(Path directory, RecordEncoderFactory encoderFactory, int subtaskIndex,
            OverwriteCommitter overwrite, int parallelism) {
        this.directory = directory;
        this.encoderFactory = encoderFactory;
        this.subtaskIndex = subtaskIndex;
        this.overwrite = overwrite;
        this.parallelism = parallelism;
    }

    @Override
    public void open() throws IOException {
        Files.createDirectories(directory);
    }

    @Override
    public void write(RowBatch batch) throws IOException {
        if (!batch.isInsertOnly()) {
            throw new TableException("The filesystem sink accepts only inserts, but received an update or delete "
                    + "for " + directory + ".");
        }
        if (stream == null) {
            String name = "part-" + uuid + "-" + subtaskIndex + "-" + partCounter++ + "." + encoderFactory.fileExtension();
            finalPath = directory.resolve(name);
            inProgress = directory.resolve("." + name + ".inprogress");
            stream = new BufferedOutputStream(Files.newOutputStream(inProgress), 1 << 16);
            encoder = encoderFactory.createEncoder(stream);
        }
        encoder.write(batch);
    }

    /** Closes the part file being written (if any) and queues it for commit. */
    private void closePart() throws IOException {
        if (stream != null) {
            encoder.flush();
            stream.close();
            stream = null;
            pending.add(new Path[] {inProgress, finalPath});
        }
    }

    /** Publishes every queued part file under its final name. */
    private void commitPending() throws IOException {
        for (Path[] p : pending) {
            Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE);
        }
        pending.clear();
    }

    @Override
    public void finish() throws IOException {
        closePart();
        if (overwrite == null) {
            commitPending();
        } else {
            java.util.List<Path[]> parts = new java.util.ArrayList<>(pending);
            pending.clear();
            finished = true;
            overwrite.finished(parts, parallelism);
        }
    }

    /**
     * Closes the current part file and returns the names of every part file not yet published; they
     * are published when the checkpoint completes ({@link #notifyCheckpointComplete}), or by a writer
     * restored from this checkpoint.
     */
    @Override
    public byte[] snapshotState(long checkpointId) throws IOException {
        if (overwrite != null) {
            throw new TableException("INSERT OVERWRITE is not supported in streaming mode.");
        }
        closePart();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(pending.size());
        for (Path[] p : pending) {
            out.writeUTF(p[0].toString());
            out.writeUTF(p[1].toString());
        }
        out.flush();
        return bytes.toByteArray();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws IOException {
        commitPending();
    }

    /** Publishes the part files the restored checkpoint had prepared, unless that already happened. */
    @Override
    public void restoreState(byte[] state) throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(state));
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
    }

    /** Deletes the part file being written and any part file no completed checkpoint covers. */
    @Override
    public void close() throws IOException {
        try {
            if (stream != null) {
                try {
                    stream.close();
                } finally {
                    stream = null;
                    Files.deleteIfExists(inProgress);
                }
            }
        } finally {
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
