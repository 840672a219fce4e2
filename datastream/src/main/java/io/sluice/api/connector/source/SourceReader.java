package io.sluice.api.connector.source;

import io.sluice.api.common.state.CheckpointListener;
import io.sluice.core.io.InputStatus;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits assigned to one parallel instance of a source. Called from that instance's task thread only.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable, CheckpointListener {
    void start();

    /** Emits what is available now, without blocking, and tells whether more may come. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** The splits this reader has (with their progress) for checkpoint {@code checkpointId}. */
    List<SplitT> snapshotState(long checkpointId);

    /** Completes when {@link #pollNext} has something again (Sluice polls again after a pause anyway). */
    CompletableFuture<Void> isAvailable();

    void addSplits(List<SplitT> splits);

    /** The enumerator will assign no more splits to this reader. */
    void notifyNoMoreSplits();

    default void handleSourceEvents(SourceEvent sourceEvent) {
    }

    default void pauseOrResumeSplits(Collection<String> splitsToPause, Collection<String> splitsToResume) {
        throw new UnsupportedOperationException("not supported yet: pausing splits (watermark alignment)");
    }

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }
}
