package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.partition.PartitionCommitPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The commit of one {@code INSERT OVERWRITE} job into a filesystem table, shared by the job's parallel
 * {@link FileSystemSinkWriter}s. Each writer hands over its finished (still hidden) part files; when the last of
 * the {@code parallelism} writers has finished, the existing visible files are deleted and the new part files are
 * published. For a table that is not partitioned that is every file of the directory; for a partitioned table
 * (Flink semantics) only the files of the partitions the job wrote, plus a fully specified static partition
 * even when the job wrote no row into it, and those partitions are then committed
 * ({@link PartitionCommitPolicy}). A writer closed without finishing (a failed job) aborts the commit: every
 * staged part file is deleted and the existing files stay, so a restarted attempt starts from the old content.
 * Thread-safe.
 */
final class OverwriteCommitter {
    private final Path directory;
    /** Commit policy of a partitioned table, or null when the table is not partitioned. */
    private final PartitionCommitPolicy policy;
    /** A fully specified static partition's directory, or null. */
    private final Path staticPartition;
    /** Staged part files: {in-progress name, final name}. */
    private final List<Path[]> staged = new ArrayList<>();
    private int finishedWriters;

    /** The commit of a table that is not partitioned. */
    OverwriteCommitter(Path directory) {
        this(directory, null, null);
    }

    /** The commit of a partitioned table ({@code policy} non-null); {@code staticPartition} may be null. */
    OverwriteCommitter(Path directory, PartitionCommitPolicy policy, Path staticPartition) {
        this.directory = directory;
        this.policy = policy;
        this.staticPartition = staticPartition;
    }

    /** Writer finished normally with these part files; the last of {@code parallelism} writers commits. */
    synchronized void finished(List<Path[]> parts, int parallelism) throws IOException {
        staged.addAll(parts);
        finishedWriters++;
        if (finishedWriters >= parallelism) {
            commit();
        }
    }

    /** A writer failed: drops every staged part file; the directory keeps its previous content. */
    synchronized void abort() throws IOException {
        try {
            for (Path[] p : staged) {
                Files.deleteIfExists(p[0]);
            }
        } finally {
            staged.clear();
            finishedWriters = 0;
        }
    }

    private void commit() throws IOException {
        try {
            if (policy == null) {
                deleteVisibleFiles(directory);
                publish();
                return;
            }
            Set<Path> partitions = new LinkedHashSet<>();
            for (Path[] p : staged) {
                partitions.add(p[1].getParent());
            }
            if (staticPartition != null) {
                partitions.add(staticPartition);
            }
            for (Path dir : partitions) {
                deleteVisibleFiles(dir);
            }
            publish();
            for (Path dir : partitions) {
                Files.createDirectories(dir);
                policy.commit(dir);
            }
        } finally {
            staged.clear();
            finishedWriters = 0;
        }
    }

    private static void deleteVisibleFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (Path old : FileLister.list(dir)) {
            Files.delete(old);
        }
    }

    private void publish() throws IOException {
        for (Path[] p : staged) {
            Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
