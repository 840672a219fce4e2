package io.sluice.streaming.api.functions.async;

import io.sluice.api.common.functions.Function;
import java.util.concurrent.TimeoutException;

/**
 * A function that answers each record asynchronously ({@code AsyncDataStream.orderedWait/unorderedWait}): it starts a
 * request (to a database or a service) and completes the record's {@link ResultFuture} when the answer comes, from
 * any thread.
 */
public interface AsyncFunction<IN, OUT> extends Function, java.io.Serializable {
    /** Starts the request for {@code input}; {@code resultFuture} is completed once, with results or an error. */
    void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

    /**
     * The request for {@code input} did not complete within the timeout: by default the job fails with a
     * {@link TimeoutException}; a function may complete {@code resultFuture} with results instead.
     */
    default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
        resultFuture.completeExceptionally(new TimeoutException("Async function call has timed out."));
    }
}
