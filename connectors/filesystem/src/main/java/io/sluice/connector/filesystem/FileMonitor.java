package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.partition.PartitionedFileLister;
import io.sluice.connector.filesystem.partition.PartitionedFileLister.PartitionedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches a filesystem table's path for new files ({@code source.monitor-interval}): lists it at most once per
 * interval and hands out each visible file of this subtask once. A file belongs to subtask
 * {@code hash(path) mod parallelism}, so subtasks split the files without talking to each other. The files
 * handed out are remembered, so a file that stays in the directory is not read again; what a checkpoint must
 * keep is tracked by the reader (the files fully emitted). Used by one thread.
 */
final class FileMonitor {
    private final Path root;
    private final List<String> partitionKeys;
    private final String defaultPartitionName;
    private final long intervalMillis;
    private final int subtaskIndex;
    private final int parallelism;
    /** Every file handed out or queued (absolute path text). */
    private final Set<String> seen = new HashSet<>();
    private final ArrayDeque<PartitionedFile> queue = new ArrayDeque<>();
    private long nextListing;

    FileMonitor(Path root, List<String> partitionKeys, String defaultPartitionName, long intervalMillis,
            int subtaskIndex, int parallelism) {
        this.root = root;
        this.partitionKeys = partitionKeys;
        this.defaultPartitionName = defaultPartitionName;
        this.intervalMillis = intervalMillis;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    /** Whether {@code file} is this subtask's to read. */
    boolean owns(Path file) {
        return ownsKey(key(file));
    }

    /** Whether the file whose {@link #key} is {@code key} is this subtask's to read. */
    boolean ownsKey(String key) {
        return Math.floorMod(key.hashCode(), parallelism) == subtaskIndex;
    }

    static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Marks files a restored checkpoint had already read (or started): they are never handed out again. */
    void markSeen(Set<String> files) {
        seen.addAll(files);
    }

    /**
     * The next new file, or null when there is none right now; lists the path when the interval since the last
     * listing has passed.
     */
    PartitionedFile poll(long now) throws IOException {
        if (queue.isEmpty() && now >= nextListing) {
            nextListing = now + intervalMillis;
            for (PartitionedFile f : PartitionedFileLister.list(root, partitionKeys, defaultPartitionName, null)) {
                String key = key(f.file());
                if (owns(f.file()) && !seen.contains(key)) {
                    seen.add(key);
                    queue.add(f);
                }
            }
        }
        return queue.poll();
    }
}
