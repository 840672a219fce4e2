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

        boolean isEmpty() {
            return splits.isEmpty() && !noMoreSplits && events.isEmpty();
        }
    }

    /**
     * What the enumerator sent one reader, in the order sent, each part tagged with the number of enumerator
     * snapshots taken before it was sent (its epoch).
     */
    private static final class Deliveries<SplitT> {
        final ArrayDeque<Long> epochs = new ArrayDeque<>();
        final ArrayDeque<Mailbox<SplitT>> parts = new ArrayDeque<>();

        /** The part of the current epoch, to add to. */
        Mailbox<SplitT> current(long epoch) {
            if (epochs.isEmpty() || epochs.peekLast() != epoch) {
                epochs.addLast(epoch);
                parts.addLast(new Mailbox<>());
            }
            return parts.peekLast();
        }
    }

    private final Source<T, SplitT, EnumT> source;
    private final int parallelism;
    private final Map<Integer, Deliveries<SplitT>> mailboxes = new HashMap<>();
    /** Enumerator snapshots taken so far: the n-th is that of the n-th checkpoint of this run. */
    private long enumeratorSnapshots;
    /** The serialized enumerator state of each checkpoint of this run not yet written by the first reader. */
    private final Map<Long, byte[]> enumeratorStates = new HashMap<>();
    private final Map<Integer, ReaderInfo> registered = new TreeMap<>();
    private final List<Integer> created = new ArrayList<>();
    private final ArrayDeque<Runnable> coordinatorTasks = new ArrayDeque<>();
    private SplitEnumerator<SplitT, EnumT> enumerator;
    private EnumT restoredState;
    private ScheduledExecutorService executor;
    private Throwable asyncFailure;
    private int closedReaders;
    private long notifiedCheckpoint;
    private long abortedCheckpoint;

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
        mailboxes.putIfAbsent(subtask, new Deliveries<>());
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

    /**
     * Takes what the enumerator sent reader {@code subtask} before its snapshot number {@code readerSnapshots + 1}
     * (a reader that has taken {@code readerSnapshots} snapshots); rethrows a failure of an asynchronous call.
     *
     * <p>This keeps every checkpoint consistent at any parallelism: what the enumerator sends after its snapshot
     * for checkpoint {@code n} (taken by the first reader to reach checkpoint {@code n}) reaches a reader only
     * after that reader's own snapshot for {@code n}, so a checkpoint never has a split both unassigned in the
     * enumerator's state and in a reader's state, nor in neither.
     */
    synchronized Mailbox<SplitT> take(int subtask, long readerSnapshots) throws Exception {
        if (asyncFailure != null) {
            throw new Exception("The split enumerator of " + source.getClass().getName() + " failed", asyncFailure);
        }
        runCoordinatorTasks();
        Deliveries<SplitT> d = mailboxes.get(subtask);
        Mailbox<SplitT> taken = new Mailbox<>();
        while (d != null && !d.epochs.isEmpty() && d.epochs.peekFirst() <= readerSnapshots) {
            d.epochs.pollFirst();
            Mailbox<SplitT> part = d.parts.pollFirst();
            taken.splits.addAll(part.splits);
            taken.noMoreSplits |= part.noMoreSplits;
            taken.events.addAll(part.events);
        }
        return taken.isEmpty() ? null : taken;
    }

    /**
     * The serialized enumerator state of checkpoint number {@code n} of this run, snapshotted now if no reader
     * reached that checkpoint before (the enumerator is told the runtime's {@code checkpointId}); the first reader
     * ({@code keep} false) takes it, the others leave it.
     */
    synchronized byte[] enumeratorState(long n, long checkpointId, boolean keep) throws Exception {
        if (enumeratorSnapshots < n) {
            EnumT state = enumerator == null ? restoredState : enumerator.snapshotState(checkpointId);
            enumeratorStates.put(n, source.getEnumeratorCheckpointSerializer().serialize(state));
            enumeratorSnapshots = n;
        }
        return keep ? enumeratorStates.get(n) : enumeratorStates.remove(n);
    }

    /** Tells the enumerator that checkpoint {@code checkpointId} completed, once for all readers. */
    synchronized void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (enumerator != null && checkpointId > notifiedCheckpoint) {
            notifiedCheckpoint = checkpointId;
            enumerator.notifyCheckpointComplete(checkpointId);
            runCoordinatorTasks();
        }
    }

    /** Tells the enumerator that checkpoint {@code checkpointId} was aborted, once for all readers. */
    synchronized void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (enumerator != null && checkpointId > abortedCheckpoint) {
            abortedCheckpoint = checkpointId;
            enumerator.notifyCheckpointAborted(checkpointId);
            runCoordinatorTasks();
        }
    }

    /** The version of the serialized enumerator states. */
    int enumeratorStateVersion() {
        return source.getEnumeratorCheckpointSerializer().getVersion();
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

    /** Where what the enumerator sends reader {@code subtask} now goes. */
    private Mailbox<SplitT> mailbox(int subtask) {
        Deliveries<SplitT> d = mailboxes.get(subtask);
        if (d == null) {
            if (subtask < 0 || subtask >= parallelism) {
                throw new IllegalArgumentException("Subtask " + subtask + " does not exist; the source has "
                        + parallelism + " readers");
            }
            d = new Deliveries<>();
            mailboxes.put(subtask, d);
        }
        return d.current(enumeratorSnapshots);
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
