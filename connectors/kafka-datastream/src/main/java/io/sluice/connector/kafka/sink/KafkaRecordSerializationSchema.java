package io.sluice.connector.kafka.sink;

import io.sluice.api.common.serialization.SerializationSchema;
import java.io.Serializable;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a stream record into a Kafka record (topic, partition, key, value, timestamp, headers).
 *
 * @param <T> the stream records
 */
public interface KafkaRecordSerializationSchema<T> extends Serializable {

    /** Called once per parallel writer before the first record. */
    default void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
            throws Exception {
    }

    /** The Kafka record of {@code element} ({@code timestamp}: the stream record's, or null); null skips it. */
    ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp);

    /** What the writer tells the schema about itself and the topics. */
    interface KafkaSinkContext {
        int getParallelInstanceId();

        int getNumberOfParallelInstances();

        /** The partition numbers of {@code topic}. */
        int[] getPartitionsForTopic(String topic);
    }

    /** A builder: topic (or topic selector), value and optional key serialization schemas. */
    static <T> KafkaRecordSerializationSchemaBuilder<T> builder() {
        return new KafkaRecordSerializationSchemaBuilder<>();
    }
}
