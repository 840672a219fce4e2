package io.sluice.runtime.checkpoint;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a state backend may know about the snapshot it is asked for: which checkpoint it belongs to, whether it is a
 * savepoint (which must be self-contained, in the canonical format), and the job's shared directory, where
 * incremental snapshots put files that later checkpoints reference again. A backend that puts a file there registers
 * it ({@link #registerSharedFile}), and so does a backend that references a file an earlier checkpoint put there:
 * the completed checkpoint lists every shared file it needs, and {@link CheckpointStorage} deletes a shared file once
 * no retained checkpoint lists it.
 *
 * <p>The context is set for the thread that takes an operator's snapshot ({@link #call}); {@link #current} is null
 * outside of a checkpoint (for example when a test snapshots a backend directly), and a backend then writes a full
 * snapshot.
 */
public final class CheckpointSnapshotContext {
    private static final ThreadLocal<CheckpointSnapshotContext> CURRENT = new ThreadLocal<>();

    private final long checkpointId;
    private final boolean savepoint;
    private final Path sharedDirectory;
    private final Set<String> sharedFiles = ConcurrentHashMap.newKeySet();

    /**
     * @param sharedDirectory the job's directory for files shared between checkpoints (null for a savepoint)
     */
    public CheckpointSnapshotContext(long checkpointId, boolean savepoint, Path sharedDirectory) {
        this.checkpointId = checkpointId;
        this.savepoint = savepoint;
        this.sharedDirectory = sharedDirectory;
    }

    /** The context of the snapshot the calling thread is taking, or null. */
    public static CheckpointSnapshotContext current() {
        return CURRENT.get();
    }

    /** Runs {@code snapshot} on this thread with this context set. */
    public <T> T call(Callable<T> snapshot) throws Exception {
        CheckpointSnapshotContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return snapshot.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public long checkpointId() {
        return checkpointId;
    }

    /** Whether the snapshot is a savepoint: backends write it in full, in the canonical format. */
    public boolean isSavepoint() {
        return savepoint;
    }

    /** The job's shared directory; incremental snapshots are only taken when there is one. */
    public Path sharedDirectory() {
        return sharedDirectory;
    }

    /** Records that the checkpoint references {@code fileName}, a file directly in {@link #sharedDirectory}. */
    public void registerSharedFile(String fileName) {
        if (fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("not a file name: " + fileName);
        }
        sharedFiles.add(fileName);
    }

    /** The shared files registered so far. */
    public Set<String> sharedFiles() {
        return Set.copyOf(sharedFiles);
    }
}
