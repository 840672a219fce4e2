package io.sluice.connector.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The commit of one {@code INSERT OVERWRITE} job into a filesystem table, shared by the job's parallel
 * {@link FileSystemSinkWriter}s. Each writer hands over its finished (still hidden) part files; when the last of
 * the {@code parallelism} writers has finished, the directory's existing visible files are deleted and the new
 * part files are published. A writer closed without finishing (a failed job) aborts the commit: every staged
 * part file is deleted and the existing files stay, so a restarted attempt starts from the old content.
 * Thread-safe.
 */
final class OverwriteCommitter {
    private final Path directory;
    /** Staged part files: {in-progress name, final name}. */
    private final List<Path[]> staged = new ArrayList<>();
    private int finishedWriters;

    OverwriteCommitter(Path directory) {
        this.directory = directory;
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
            for (Path old : FileLister.list(directory)) {
                Files.delete(old);
            }
            for (Path[] p : staged) {
                Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            staged.clear();
            finishedWriters = 0;
        }
    }
}
