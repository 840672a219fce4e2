package io.sluice.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * The second phase of a two-phase commit: makes visible what a {@link CommittingSinkWriter} staged. Committing must
 * be idempotent: after a failure the committables of the restored checkpoint are committed again, and some may have
 * been committed before ({@link CommitRequest#signalAlreadyCommitted()}).
 *
 * @param <CommT> what is needed to commit the staged data
 */
public interface Committer<CommT> extends AutoCloseable {
    /** Commits the requests; each one that is not completed says so through its request. */
    void commit(Collection<CommitRequest<CommT>> committables) throws IOException, InterruptedException;

    /**
     * One committable to commit. A request the committer leaves untouched counts as committed.
     *
     * @param <CommT> the committable
     */
    interface CommitRequest<CommT> {
        /** The committable. */
        CommT getCommittable();

        /** How many times this committable was retried before (0 on the first attempt). */
        int getNumberOfRetries();

        /** Committing failed for a known reason: the committable is dropped (and logged), the job goes on. */
        void signalFailedWithKnownReason(Throwable t);

        /** Committing failed for an unknown reason: the job fails. */
        void signalFailedWithUnknownReason(Throwable t);

        /** Committing failed for a passing reason: the committable is retried later. */
        void retryLater();

        /** Retries later with another committable (what remains after a partial success). */
        void updateAndRetryLater(CommT committable);

        /** The committable was committed before (by the run that failed). */
        void signalAlreadyCommitted();
    }
}
