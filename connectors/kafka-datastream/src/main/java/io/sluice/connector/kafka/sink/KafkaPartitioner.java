package io.sluice.connector.kafka.sink;

import java.io.Serializable;

/**
 * Chooses the Kafka partition of each record written by a {@link KafkaSink}
 * ({@code KafkaRecordSerializationSchema.builder().setPartitioner}). Without one, the producer chooses (by key, or
 * spread when there is none).
 *
 * @param <T> the stream records
 */
public interface KafkaPartitioner<T> extends Serializable {

    /** Called once per parallel writer before the first record. */
    default void open(int parallelInstanceId, int parallelInstances) {
    }

    /**
     * The partition of {@code record}.
     *
     * @param key the serialized key (null without a key serialization schema)
     * @param value the serialized value
     * @param targetTopic the topic the record goes to
     * @param partitions the partition numbers of {@code targetTopic}
     */
    int partition(T record, byte[] key, byte[] value, String targetTopic, int[] partitions);
}
