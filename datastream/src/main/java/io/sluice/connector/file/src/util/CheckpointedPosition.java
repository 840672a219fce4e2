package io.sluice.connector.file.src.util;

import java.io.Serializable;
import java.util.Objects;

/**
 * A position in a file a reader can resume from: an offset (or {@link #NO_OFFSET}) and how many records to skip
 * after it.
 */
public final class CheckpointedPosition implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The offset of a position that is counted in records from the start of the split. */
    public static final long NO_OFFSET = -1L;

    private final long offset;
    private final long recordsAfterOffset;

    public CheckpointedPosition(long offset, long recordsAfterOffset) {
        if (offset < NO_OFFSET || recordsAfterOffset < 0) {
            throw new IllegalArgumentException("Invalid position: offset " + offset + ", records "
                    + recordsAfterOffset);
        }
        this.offset = offset;
        this.recordsAfterOffset = recordsAfterOffset;
    }

    public long getOffset() {
        return offset;
    }

    public long getRecordsAfterOffset() {
        return recordsAfterOffset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointedPosition && ((CheckpointedPosition) o).offset == offset
                && ((CheckpointedPosition) o).recordsAfterOffset == recordsAfterOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, recordsAfterOffset);
    }

    @Override
    public String toString() {
        return "CheckpointedPosition(" + offset + ", " + recordsAfterOffset + ")";
    }
}
