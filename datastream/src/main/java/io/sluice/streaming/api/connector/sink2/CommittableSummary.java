package io.sluice.streaming.api.connector.sink2;

import java.util.Objects;

/** How many committables one writer subtask made for one checkpoint, and how many of them failed. */
public class CommittableSummary<CommT> implements CommittableMessage<CommT> {
    private final int subtaskId;
    private final int numberOfSubtasks;
    private final long checkpointId;
    private final int numberOfCommittables;
    private final int numberOfFailedCommittables;

    public CommittableSummary(int subtaskId, int numberOfSubtasks, long checkpointId, int numberOfCommittables,
            int numberOfFailedCommittables) {
        this.subtaskId = subtaskId;
        this.numberOfSubtasks = numberOfSubtasks;
        this.checkpointId = checkpointId;
        this.numberOfCommittables = numberOfCommittables;
        this.numberOfFailedCommittables = numberOfFailedCommittables;
    }

    @Override
    public int getSubtaskId() {
        return subtaskId;
    }

    /** The parallelism of the writers (may change after a restore). */
    public int getNumberOfSubtasks() {
        return numberOfSubtasks;
    }

    @Override
    public long getCheckpointIdOrEOI() {
        return checkpointId;
    }

    public int getNumberOfCommittables() {
        return numberOfCommittables;
    }

    public int getNumberOfFailedCommittables() {
        return numberOfFailedCommittables;
    }

    /** This summary for committables of another type. */
    public <NewCommT> CommittableSummary<NewCommT> map() {
        return new CommittableSummary<>(subtaskId, numberOfSubtasks, checkpointId, numberOfCommittables,
                numberOfFailedCommittables);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CommittableSummary)) {
            return false;
        }
        CommittableSummary<?> that = (CommittableSummary<?>) o;
        return subtaskId == that.subtaskId && numberOfSubtasks == that.numberOfSubtasks
                && checkpointId == that.checkpointId && numberOfCommittables == that.numberOfCommittables
                && numberOfFailedCommittables == that.numberOfFailedCommittables;
    }

    @Override
    public int hashCode() {
        return Objects.hash(subtaskId, numberOfSubtasks, checkpointId, numberOfCommittables,
                numberOfFailedCommittables);
    }

    @Override
    public String toString() {
        return "CommittableSummary{subtaskId=" + subtaskId + ", numberOfSubtasks=" + numberOfSubtasks
                + ", checkpointId=" + checkpointId + ", numberOfCommittables=" + numberOfCommittables
                + ", numberOfFailedCommittables=" + numberOfFailedCommittables + "}";
    }
}
