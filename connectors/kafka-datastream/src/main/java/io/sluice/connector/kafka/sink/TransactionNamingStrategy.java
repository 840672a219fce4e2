package io.sluice.connector.kafka.sink;

/**
 * How an exactly-once {@link KafkaSink} names its Kafka transactions ({@code KafkaSinkBuilder
 * .setTransactionNamingStrategy}); every id has the form {@code <prefix>-<subtask>-<n>}. The broker keeps state for
 * every transactional id it saw (until {@code transactional.id.expiration.ms}), so the choice matters for long jobs
 * with frequent checkpoints.
 */
public enum TransactionNamingStrategy {
    /** A new id for every transaction ({@code n} follows the checkpoint ids): the default. */
    INCREMENTING,
    /**
     * Reuses a small pool of ids: {@code n} is the smallest number not used by a transaction still waiting for its
     * checkpoint to complete. A restored writer aborts the transactions of its pool a failed run left open.
     */
    POOLING;

    /** The default strategy, {@link #INCREMENTING}. */
    public static final TransactionNamingStrategy DEFAULT = INCREMENTING;
}
