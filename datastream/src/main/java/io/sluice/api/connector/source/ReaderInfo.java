package io.sluice.api.connector.source;

import java.util.Objects;

/** A registered reader: its subtask and the host it runs on. */
public final class ReaderInfo implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int subtaskId;
    private final String location;

    public ReaderInfo(int subtaskId, String location) {
        this.subtaskId = subtaskId;
        this.location = location;
    }

    public int getSubtaskId() {
        return subtaskId;
    }

    public String getLocation() {
        return location;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReaderInfo && ((ReaderInfo) o).subtaskId == subtaskId
                && Objects.equals(((ReaderInfo) o).location, location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subtaskId, location);
    }
}
