package io.sluice.connector.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * Which parallel reader owns a topic partition: the partitions of one topic go round-robin over the readers,
 * starting at a reader chosen by the topic's name, so several topics spread evenly. Stable across restarts at
 * the same parallelism.
 */
final class PartitionOwnership {
    private PartitionOwnership() {
    }

    static int owner(TopicPartition tp, int parallelism) {
        int start = (tp.topic().hashCode() * 31 & 0x7FFFFFFF) % parallelism;
        return (start + tp.partition()) % parallelism;
    }
}
