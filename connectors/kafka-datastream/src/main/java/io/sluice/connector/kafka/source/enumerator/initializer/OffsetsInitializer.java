package io.sluice.connector.kafka.source.enumerator.initializer;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a {@code KafkaSource} starts reading each partition ({@code setStartingOffsets}) or where a bounded one
 * stops ({@code setBounded}, exclusive).
 */
@SuppressWarnings("deprecation") // Kafka's OffsetResetStrategy, as in Flink's API
public interface OffsetsInitializer extends Serializable {

    /** The offsets of {@code partitions}, looked up with {@code partitionOffsetsRetriever}. */
    Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
            PartitionOffsetsRetriever partitionOffsetsRetriever);

    /** What to do when an offset found is out of range (the consumer's {@code auto.offset.reset}). */
    OffsetResetStrategy getAutoOffsetResetStrategy();

    /** Looks up offsets of partitions on the cluster. */
    interface PartitionOffsetsRetriever {
        /** The offsets committed by the source's consumer group (a partition without one is left out). */
        Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions);

        Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions);

        Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions);

        /** The first offset with a timestamp at or after the one given (null: none). */
        Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch);
    }

    /** The committed offsets of the group; fails for a partition without one. */
    static OffsetsInitializer committedOffsets() {
        return committedOffsets(OffsetResetStrategy.NONE);
    }

    /** The committed offsets of the group; a partition without one starts as {@code offsetResetStrategy} says. */
    static OffsetsInitializer committedOffsets(OffsetResetStrategy offsetResetStrategy) {
        return new Initializer(Initializer.Kind.COMMITTED, offsetResetStrategy, 0, null);
    }

    /** The first record with a timestamp at or after {@code timestamp} (epoch ms); the end when there is none. */
    static OffsetsInitializer timestamp(long timestamp) {
        return new Initializer(Initializer.Kind.TIMESTAMP, OffsetResetStrategy.LATEST, timestamp, null);
    }

    /** The earliest offset of each partition. */
    static OffsetsInitializer earliest() {
        return new Initializer(Initializer.Kind.EARLIEST, OffsetResetStrategy.EARLIEST, 0, null);
    }

    /** The latest offset of each partition (its end at the time of the lookup). */
    static OffsetsInitializer latest() {
        return new Initializer(Initializer.Kind.LATEST, OffsetResetStrategy.LATEST, 0, null);
    }

    /** The given offsets; a partition not listed starts at the earliest offset. */
    static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets) {
        return offsets(offsets, OffsetResetStrategy.EARLIEST);
    }

    /** The given offsets; a partition not listed starts as {@code offsetResetStrategy} says. */
    static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets, OffsetResetStrategy offsetResetStrategy) {
        return new Initializer(Initializer.Kind.SPECIFIC, offsetResetStrategy, 0, new HashMap<>(offsets));
    }
}
