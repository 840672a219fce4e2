package io.sluice.connector.file.src;

import io.sluice.api.connector.source.SourceSplit;
import io.sluice.connector.file.src.util.CheckpointedPosition;
import io.sluice.core.fs.Path;
import java.io.Serializable;
import java.util.Optional;

/**
 * A part of a file a {@code FileSource} reads: the file, the byte range, the file's size and modification time, and
 * (for a restored reader) the position to resume from. Sluice's file sources read each file as one split.
 */
public class FileSourceSplit implements SourceSplit, Serializable {
    private static final long serialVersionUID = 1L;
    private static final String[] NO_HOSTS = new String[0];
    private final String id;
    private final Path filePath;
    private final long offset;
    private final long length;
    private final long fileModificationTime;
    private final long fileSize;
    private final String[] hostnames;
    private final CheckpointedPosition readerPosition;

    public FileSourceSplit(String id, Path filePath, long offset, long length, long fileModificationTime,
            long fileSize) {
        this(id, filePath, offset, length, fileModificationTime, fileSize, NO_HOSTS, null);
    }

    public FileSourceSplit(String id, Path filePath, long offset, long length, long fileModificationTime,
            long fileSize, String... hostnames) {
        this(id, filePath, offset, length, fileModificationTime, fileSize, hostnames, null);
    }

    public FileSourceSplit(String id, Path filePath, long offset, long length, long fileModificationTime,
            long fileSize, String[] hostnames, CheckpointedPosition readerPosition) {
        this.id = id;
        this.filePath = filePath;
        this.offset = offset;
        this.length = length;
        this.fileModificationTime = fileModificationTime;
        this.fileSize = fileSize;
        this.hostnames = hostnames == null ? NO_HOSTS : hostnames.clone();
        this.readerPosition = readerPosition;
    }

    @Override
    public String splitId() {
        return id;
    }

    public Path path() {
        return filePath;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    public long fileModificationTime() {
        return fileModificationTime;
    }

    public long fileSize() {
        return fileSize;
    }

    public String[] hostnames() {
        return hostnames.clone();
    }

    /** Where a restored reader resumes, if the split was checkpointed part way. */
    public Optional<CheckpointedPosition> getReaderPosition() {
        return Optional.ofNullable(readerPosition);
    }

    /** This split with another reader position. */
    public FileSourceSplit updateWithCheckpointedPosition(CheckpointedPosition position) {
        return new FileSourceSplit(id, filePath, offset, length, fileModificationTime, fileSize, hostnames, position);
    }

    @Override
    public String toString() {
        return "FileSourceSplit: " + filePath + " [" + offset + ", " + (offset + length) + ") (" + id + ")";
    }
}
