package io.sluice.streaming.api.connector.sink2;

/**
 * What a sink's writers send to its committer: a {@link CommittableWithLineage committable} or the
 * {@link CommittableSummary summary} of one subtask's committables of one checkpoint.
 */
public interface CommittableMessage<CommT> {
    /** The checkpoint id of the committables made at the end of the input (batch or final checkpoint). */
    long EOI = Long.MAX_VALUE;

    /** The writer subtask that made the committable(s). */
    int getSubtaskId();

    /** The checkpoint the committables belong to, or {@link #EOI}. */
    long getCheckpointIdOrEOI();
}
