package io.sluice.streaming.api.connector.sink2;

import java.util.Objects;
import java.util.function.Function;

/** One committable with the checkpoint and the writer subtask it comes from. */
public class CommittableWithLineage<CommT> implements CommittableMessage<CommT> {
    private final CommT committable;
    private final long checkpointId;
    private final int subtaskId;

    public CommittableWithLineage(CommT committable, long checkpointId, int subtaskId) {
        this.committable = Objects.requireNonNull(committable, "committable");
        this.checkpointId = checkpointId;
        this.subtaskId = subtaskId;
    }

    public CommT getCommittable() {
        return committable;
    }

    @Override
    public int getSubtaskId() {
        return subtaskId;
    }

    @Override
    public long getCheckpointIdOrEOI() {
        return checkpointId;
    }

    /** The same lineage with the committable {@code mapper} makes of this one. */
    public <NewCommT> CommittableWithLineage<NewCommT> map(Function<CommT, NewCommT> mapper) {
        return new CommittableWithLineage<>(mapper.apply(committable), checkpointId, subtaskId);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CommittableWithLineage)) {
            return false;
        }
        CommittableWithLineage<?> that = (CommittableWithLineage<?>) o;
        return checkpointId == that.checkpointId && subtaskId == that.subtaskId
                && committable.equals(that.committable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(committable, checkpointId, subtaskId);
    }

    @Override
    public String toString() {
        return "CommittableWithLineage{committable=" + committable + ", checkpointId=" + checkpointId
                + ", subtaskId=" + subtaskId + "}";
    }
}
