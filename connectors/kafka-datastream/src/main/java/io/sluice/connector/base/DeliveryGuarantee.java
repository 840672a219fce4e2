package io.sluice.connector.base;

/** What a sink promises about the records it writes across failures and restarts. */
public enum DeliveryGuarantee {
    /** Every record is visible exactly once (Kafka: transactions committed with the checkpoints). */
    EXACTLY_ONCE,
    /** No record is lost; a restarted job may write records again (Kafka: producer flushed at checkpoints). */
    AT_LEAST_ONCE,
    /** Records are sent and forgotten: they may be lost or written again after a failure. */
    NONE
}
