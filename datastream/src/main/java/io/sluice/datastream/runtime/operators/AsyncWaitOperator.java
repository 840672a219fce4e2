package io.sluice.datastream.runtime.operators;

import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.streaming.api.functions.async.AsyncFunction;
import io.sluice.streaming.api.functions.async.ResultFuture;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Runs an {@link AsyncFunction}: each record starts a request; at most {@code capacity} requests are in flight (a
 * record waits for a free place). Results are emitted on the task thread with their record's timestamp, in the
 * records' order (ordered) or as they complete (unordered). A watermark, a checkpoint's barrier and the end of the
 * input wait until every request before them has completed and been emitted, so a checkpoint holds no request in
 * flight and a watermark never overtakes the results of earlier records. A request not completed within the timeout
 * (when positive) is handed to the function's {@code timeout}; a request completed with an error fails the job.
 */
public final class AsyncWaitOperator extends ChainedOperator {
    private static final long serialVersionUID = 1L;
    /** How long the task thread sleeps at most while it waits for a request to complete. */
    private static final long WAIT_MILLIS = 5;
    private final AsyncFunction<Object, Object> function;
    private final long timeoutMillis;
    private final int capacity;
    private final boolean ordered;
    private transient ArrayDeque<Request> inFlight;
    private transient Object completions;

    /** One record's request. */
    private final class Request implements ResultFuture<Object> {
        final Object input;
        final long timestamp;
        final long deadline;
        volatile Collection<Object> result;
        volatile Throwable error;
        volatile boolean done;
        boolean timeoutHandled;

        Request(Object input, long timestamp, long deadline) {
            this.input = input;
            this.timestamp = timestamp;
            this.deadline = deadline;
        }

        @Override
        public void complete(Collection<Object> results) {
            synchronized (completions) {
                if (!done) {
                    result = results == null ? List.of() : results;
                    done = true;
                    completions.notifyAll();
                }
            }
        }

        @Override
        public void completeExceptionally(Throwable t) {
            synchronized (completions) {
                if (!done) {
                    error = t == null ? new NullPointerException("completeExceptionally(null)") : t;
                    done = true;
                    completions.notifyAll();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    public AsyncWaitOperator(String name, AsyncFunction<?, ?> function, long timeoutMillis, int capacity,
            boolean ordered) {
        super(name);
        if (capacity <= 0) {
            throw new IllegalArgumentException("The number of concurrent async operations must be positive, not "
                    + capacity);
        }
        this.function = (AsyncFunction<Object, Object>) function;
        this.timeoutMillis = timeoutMillis;
        this.capacity = capacity;
        this.ordered = ordered;
    }

    @Override
    public void open() throws Exception {
        inFlight = new ArrayDeque<>();
        completions = new Object();
        StreamingRuntimeContext.open(function, context);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        emitCompleted();
        while (inFlight.size() >= capacity) {
            awaitCompletion();
            emitCompleted();
        }
        long deadline = timeoutMillis > 0 ? System.currentTimeMillis() + timeoutMillis : Long.MAX_VALUE;
        Request request = new Request(value, timestamp, deadline);
        inFlight.add(request);
        function.asyncInvoke(value, request);
        emitCompleted();
    }

    /** Emits what completed (in order: the completed requests at the head), handling the timed-out requests. */
    private void emitCompleted() throws Exception {
        long now = System.currentTimeMillis();
        for (Request r : inFlight) {
            if (!r.done && !r.timeoutHandled && now >= r.deadline) {
                r.timeoutHandled = true;
                function.timeout(r.input, r);
            }
        }
        if (ordered) {
            while (!inFlight.isEmpty() && inFlight.peek().done) {
                emit(inFlight.poll());
            }
        } else {
            Iterator<Request> it = inFlight.iterator();
            while (it.hasNext()) {
                Request r = it.next();
                if (r.done) {
                    it.remove();
                    emit(r);
                }
            }
        }
    }

    private void emit(Request r) throws Exception {
        if (r.error != null) {
            throw new Exception("Async function call of " + name() + " failed: " + r.error.getMessage(), r.error);
        }
        for (Object o : r.result) {
            output.collect(o, r.timestamp);
        }
    }

    /** Waits a little for a request to complete (or for the next deadline). */
    private void awaitCompletion() throws InterruptedException {
        synchronized (completions) {
            for (Request r : inFlight) {
                if (r.done) {
                    return;
                }
            }
            long next = Long.MAX_VALUE;
            for (Request r : inFlight) {
                if (!r.timeoutHandled) {
                    next = Math.min(next, r.deadline);
                }
            }
            long wait = Math.max(1, Math.min(WAIT_MILLIS, next - System.currentTimeMillis()));
            completions.wait(wait);
        }
    }

    /** Waits until every request has completed and its results are emitted. */
    private void drain() throws Exception {
        emitCompleted();
        while (!inFlight.isEmpty()) {
            awaitCompletion();
            emitCompleted();
        }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        drain();
        output.emitWatermark(watermark);
    }

    @Override
    public boolean wantsProcessingTime() {
        return true;
    }

    @Override
    public void onProcessingTime(long now) throws Exception {
        emitCompleted();
    }

    @Override
    public void onBatchEnd() throws Exception {
        emitCompleted();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        drain();
    }

    @Override
    public void endInput() throws Exception {
        drain();
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }
}
