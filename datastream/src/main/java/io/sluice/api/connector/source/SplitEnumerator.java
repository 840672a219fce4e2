package io.sluice.api.connector.source;

import io.sluice.api.common.state.CheckpointListener;
import java.io.IOException;
import java.util.List;

/**
 * Discovers a source's splits and assigns them to readers. Sluice calls it from one thread at a time: a reader's
 * split request, a new reader, and the handlers of {@link SplitEnumeratorContext#callAsync} never overlap.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable, CheckpointListener {
    void start();

    /** Reader {@code subtaskId} asked for a split ({@code SourceReaderContext.sendSplitRequest}). */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /** Splits assigned to a reader after the last checkpoint it took part in; it failed, so they come back. */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** Reader {@code subtaskId} started. */
    void addReader(int subtaskId);

    /** The enumerator's state for checkpoint {@code checkpointId}. */
    CheckpointT snapshotState(long checkpointId) throws Exception;

    @Override
    void close() throws IOException;

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /** An event a reader sent ({@code SourceReaderContext.sendSourceEventToCoordinator}). */
    default void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
    }
}
