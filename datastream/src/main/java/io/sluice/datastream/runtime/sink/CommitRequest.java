package io.sluice.datastream.runtime.sink;

import io.sluice.api.connector.sink2.Committer;

/**
 * A committable handed to a user's {@link Committer}, and what the committer said about it: committed (the default
 * when it says nothing), to be retried at the next checkpoint, dropped after a failure with a known reason, or failed.
 */
final class CommitRequest implements Committer.CommitRequest<Object> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitRequest.class);

    /** What the committer said about one request. */
    enum Outcome { COMMITTED, RETRY, FAILED }

    Object committable;
    int retries;
    Outcome outcome = Outcome.COMMITTED;
    /** Failed for a known reason: not committed, and not to be retried or passed on. */
    boolean dropped;
    /** The committer found it committed already. */
    boolean alreadyCommitted;
    Throwable failure;

    CommitRequest(Object committable) {
        this.committable = committable;
    }

    @Override
    public Object getCommittable() {
        return committable;
    }

    @Override
    public int getNumberOfRetries() {
        return retries;
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
        LOG.warn("Dropping committable {}: committing it failed for a known reason", committable, t);
        outcome = Outcome.COMMITTED;
        dropped = true;
        alreadyCommitted = false;
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
        outcome = Outcome.FAILED;
        failure = t;
    }

    @Override
    public void retryLater() {
        outcome = Outcome.RETRY;
    }

    @Override
    public void updateAndRetryLater(Object committable) {
        this.committable = committable;
        outcome = Outcome.RETRY;
    }

    @Override
    public void signalAlreadyCommitted() {
        outcome = Outcome.COMMITTED;
        alreadyCommitted = true;
    }
}
