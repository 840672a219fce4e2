package io.sluice.api.connector.source;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/** What a {@link SplitEnumerator} can do: see the readers, assign splits, send events, run work asynchronously. */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
    void sendEventToSourceReader(int subtaskId, SourceEvent event);

    /** The number of parallel readers. */
    int currentParallelism();

    /** The readers that have started, by subtask. */
    Map<Integer, ReaderInfo> registeredReaders();

    void assignSplits(SplitsAssignment<SplitT> newSplitAssignments);

    default void assignSplit(SplitT split, int subtask) {
        assignSplits(new SplitsAssignment<>(split, subtask));
    }

    /** Reader {@code subtask} gets no more splits: once it has read those it has, it ends. */
    void signalNoMoreSplits(int subtask);

    /**
     * Runs {@code callable} on another thread, then {@code handler} with its result or failure on the enumerator's
     * thread (never at the same time as another enumerator call).
     */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler);

    /** As {@link #callAsync(Callable, BiConsumer)}, periodically: first after {@code initialDelay} ms. */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period);

    /** Runs {@code runnable} on the enumerator's thread. */
    void runInCoordinatorThread(Runnable runnable);
}
