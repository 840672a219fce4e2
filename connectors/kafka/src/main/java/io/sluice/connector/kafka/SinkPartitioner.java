package io.sluice.connector.kafka;

import io.sluice.connector.kafka.KafkaOptions.SinkPartitionerKind;

/**
 * Chooses the partition of a written record ({@code sink.partitioner}): {@code default} leaves it to the Kafka
 * producer (by key hash, or sticky without a key), {@code fixed} writes everything a parallel sink instance writes
 * into one partition ({@code subtask % partitions}), {@code round-robin} cycles through the partitions.
 */
final class SinkPartitioner {
    private final SinkPartitionerKind kind;
    private final int subtaskIndex;
    private int next;

    SinkPartitioner(SinkPartitionerKind kind, int subtaskIndex) {
        this.kind = kind;
        this.subtaskIndex = subtaskIndex;
        this.next = subtaskIndex;
    }

    /** The partition of the next record, or null to let the producer choose. */
    Integer partition(int partitionCount) {
        switch (kind) {
            case FIXED:
                return subtaskIndex % partitionCount;
            case ROUND_ROBIN:
                return Math.floorMod(next++, partitionCount);
            default:
                return null;
        }
    }
}
