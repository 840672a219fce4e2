package io.sluice.datastream.runtime.source;

import io.sluice.api.connector.source.ReaderInfo;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceEvent;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.SplitsAssignment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The split enumerator of one run of a custom {@link Source}, shared by its parallel readers: it creates (or
 * restores) the enumerator when the first reader starts, and hands the splits, "no more splits" signals and events
 * the enumerator sends to a reader over to that reader's task thread, which takes them before each poll. Every call
 * into the enumerator (from reader threads and from the thread of {@link #callAsync}) holds this object's lock, so
 * they never overlap.
 */
final class SourceCoordinator<T, SplitT extends SourceSplit, EnumT> implements SplitEnumeratorContext<SplitT> {
    /** What the enumerator sent one reader and the reader has not taken yet. */
    static final class Mailbox<SplitT> {
        final List<SplitT> splits = new ArrayList<>();
        boolean noMoreSplits;
        final List<SourceEvent> events = new ArrayList<>();
    }

    private final Source<T, SplitT, EnumT> source;
    private final int parallelism;
    private final Map<Integer, Mailbox<SplitT>> mailboxes = new HashMap<>();
    private final Map<Integer, ReaderInfo> registered = new TreeMap<>();
    private final List<Integer> created = new ArrayList<>();
    private final ArrayDeque<Runnable> coordinatorTasks = new ArrayDeque<>();
    private SplitEnumerator<SplitT, EnumT> enumerator;
    private EnumT restoredState;
    private ScheduledExecutorService executor;
    private Throwable asyncFailure;
    private int closedReaders;
    private long checkpointId;

    SourceCoordinator(Source<T, SplitT, EnumT> source, int parallelism) {
        this.source = source;
        this.parallelism = parallelism;
    }

    Source<T, SplitT, EnumT> source() {
        return source;
    }

    /** Whether a reader of {@code subtask} was created for this run already (a new one belongs to the next run). */
    synchronized boolean hasReader(int subtask) {
        return created.contains(subtask) || closedReaders > 0;
    }

    synchronized void readerCreated(int subtask) {
        created.add(subtask);
        mailboxes.put(subtask, new Mailbox<>());
    }

    /** The enumerator state of a checkpoint, restored instead of creating a new enumerator. */
    synchronized void restoreEnumerator(EnumT state) {
        this.restoredState = state;
    }

    /** Reader {@code subtask} started: creates the enumerator first if needed, then tells it. */
    synchronized void registerReader(int subtask) throws Exception {
        if (enumerator == null) {
            enumerator = restoredState != null ? source.restoreEnumerator(this, restoredState)
                    : source.createEnumerator(this);
            restoredState = null;
            enumerator.start();
        }
        registered.put(subtask, new ReaderInfo(subtask, "localhost"));
        enumerator.addReader(subtask);
        runCoordinatorTasks();
    }

    synchronized void handleSplitRequest(int subtask) {
        enumerator.handleSplitRequest(subtask, "localhost");
        runCoordinatorTasks();
    }

    synchronized void handleSourceEvent(int subtask, SourceEvent event) {
        enumerator.handleSourceEvent(subtask, event);
        runCoordinatorTasks();
    }

    /** Takes what the enumerator sent reader {@code subtask}; rethrows a failure of an asynchronous call. */
    synchronized Mailbox<SplitT> take(int subtask) throws Exception {
        if (asyncFailure != null) {
            throw new Exception("The split enumerator of " + source.getClass().getName() + " failed", asyncFailure);
        }
        runCoordinatorTasks();
        Mailbox<SplitT> box = mailboxes.get(subtask);
        if (box.splits.isEmpty() && !box.noMoreSplits && box.events.isEmpty()) {
            return null;
        }
        mailboxes.put(subtask, new Mailbox<>());
        return box;
    }

    /** The enumerator's state for the next checkpoint (the caller holds this object's lock for its snapshot). */
    synchronized EnumT snapshotEnumerator(long id) throws Exception {
        return enumerator == null ? restoredState : enumerator.snapshotState(id);
    }

    synchronized long nextCheckpointId() {
        return ++checkpointId;
    }

    /** A reader closed; the last one closes the enumerator. */
    synchronized void readerClosed() throws Exception {
        if (++closedReaders < created.size()) {
            return;
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (enumerator != null) {
            enumerator.close();
        }
    }

    private void runCoordinatorTasks() {
        while (!coordinatorTasks.isEmpty()) {
            coordinatorTasks.poll().run();
        }
    }

    // ---- SplitEnumeratorContext

    @Override
    public synchronized void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        mailbox(subtaskId).events.add(event);
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public synchronized Map<Integer, ReaderInfo> registeredReaders() {
        return new TreeMap<>(registered);
    }

    @Override
    public synchronized void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
        for (Map.Entry<Integer, List<SplitT>> e : newSplitAssignments.assignment().entrySet()) {
            mailbox(e.getKey()).splits.addAll(e.getValue());
        }
    }

    @Override
    public synchronized void signalNoMoreSplits(int subtask) {
        mailbox(subtask).noMoreSplits = true;
    }

    private Mailbox<SplitT> mailbox(int subtask) {
        Mailbox<SplitT> box = mailboxes.get(subtask);
        if (box == null) {
            if (subtask < 0 || subtask >= parallelism) {
                throw new IllegalArgumentException("Subtask " + subtask + " does not exist; the source has "
                        + parallelism + " readers");
            }
            box = new Mailbox<>();
            mailboxes.put(subtask, box);
        }
        return box;
    }

    @Override
    public <R> void callAsync(Callable<R> callable, BiConsumer<R, Throwable> handler) {
        executor().execute(() -> call(callable, handler));
    }

    @Override
    public <R> void callAsync(Callable<R> callable, BiConsumer<R, Throwable> handler, long initialDelay,
            long period) {
        executor().scheduleAtFixedRate(() -> call(callable, handler), initialDelay, period, TimeUnit.MILLISECONDS);
    }

    private <R> void call(Callable<R> callable, BiConsumer<R, Throwable> handler) {
        R result = null;
        Throwable failure = null;
        try {
            result = callable.call();
        } catch (Throwable t) {
            failure = t;
        }
        synchronized (this) {
            try {
                handler.accept(result, failure);
            } catch (Throwable t) {
                if (asyncFailure == null) {
                    asyncFailure = t;
                }
            }
        }
    }

    @Override
    public synchronized void runInCoordinatorThread(Runnable runnable) {
        coordinatorTasks.add(runnable);
    }

    private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "source-enumerator-" + source.getClass().getSimpleName());
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }
}
