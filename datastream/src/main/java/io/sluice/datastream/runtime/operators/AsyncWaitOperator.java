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
 * records' order (ordered) or as they complete (unordered). A watermark waits in the queue until the results of the
 * records before it are emitted (records after it go on being requested); a checkpoint's barrier and the end of the
 * input wait until every request has completed and been emitted, so a checkpoint holds no request in flight. A request not completed within the timeout
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
    /** How many requests have completed so far (under {@code completions}). */
    private transient volatile long completed;

    /** One record's request. */
    private final class Request implements ResultFuture<Object> {
        final Object input;
        final long timestamp;
        final long deadline;
        /** A watermark's place in the queue rather than a request. */
        final boolean watermark;
        volatile Collection<Object> result;
        volatile Throwable error;
        volatile boolean done;
        boolean timeoutHandled;

        Request(Object input, long timestamp, long deadline) {
            this.input = input;
            this.timestamp = timestamp;
            this.deadline = deadline;
            this.watermark = false;
        }

        /** Watermark {@code watermark}'s place in the queue. */
        Request(long watermark) {
            this.input = null;
            this.timestamp = watermark;
            this.deadline = Long.MAX_VALUE;
            this.watermark = true;
            this.timeoutHandled = true;
            this.done = true;
        }

        @Override
        public void complete(Collection<Object> results) {
            synchronized (completions) {
                if (!done) {
                    result = results == null ? List.of() : results;
                    done = true;
                    completed++;
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
                    completed++;
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
        while (requestsInFlight() >= capacity) {
            long seen = completed;
            emitCompleted();
            if (requestsInFlight() >= capacity) {
                awaitCompletion(seen);
            }
        }
        long deadline = timeoutMillis > 0 ? System.currentTimeMillis() + timeoutMillis : Long.MAX_VALUE;
        Request request = new Request(value, timestamp, deadline);
        inFlight.add(request);
        function.asyncInvoke(value, request);
        emitCompleted();
    }

    private int requestsInFlight() {
        int n = 0;
        for (Request r : inFlight) {
            if (!r.watermark) {
                n++;
            }
        }
        return n;
    }

    /**
     * Emits what completed, handling the timed-out requests: in order, the completed requests and watermarks at the
     * head; unordered, the completed requests before the first watermark, and that watermark once they are all out.
     */
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
            boolean progress = true;
            while (progress) {
                progress = false;
                Iterator<Request> it = inFlight.iterator();
                while (it.hasNext()) {
                    Request r = it.next();
                    if (r.watermark) {
                        if (r == inFlight.peek()) {
                            it.remove();
                            emit(r);
                            progress = true; // the next segment may be emitted now
                        }
                        break;
                    }
                    if (r.done) {
                        it.remove();
                        emit(r);
                    }
                }
            }
        }
    }

    private void emit(Request r) throws Exception {
        if (r.watermark) {
            output.emitWatermark(r.timestamp);
            return;
        }
        if (r.error != null) {
            throw new Exception("Async function call of " + name() + " failed: " + r.error.getMessage(), r.error);
        }
        for (Object o : r.result) {
            output.collect(o, r.timestamp);
        }
    }

    /** Waits a little for a request to complete after {@code seen} completions (or for the next deadline). */
    private void awaitCompletion(long seen) throws InterruptedException {
        synchronized (completions) {
            if (completed != seen) {
                return;
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

    /** Waits until every request has completed and its results (and the watermarks between) are emitted. */
    private void drain() throws Exception {
        while (!inFlight.isEmpty()) {
            long seen = completed;
            emitCompleted();
            if (!inFlight.isEmpty()) {
                awaitCompletion(seen);
            }
        }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        inFlight.add(new Request(watermark));
        emitCompleted();
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
