package io.sluice.streaming.api.functions.async;

import java.util.Collection;

/** The results of one asynchronous request; completed once, from any thread (later completions are ignored). */
public interface ResultFuture<OUT> {
    /** The request's results (none for an empty collection). */
    void complete(Collection<OUT> result);

    /** The request failed: the job fails with {@code error}. */
    void completeExceptionally(Throwable error);
}
