package io.sluice.streaming.connectors.kafka;

import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.util.Collector;
import java.io.Serializable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The older (deprecated in Flink) way to read whole Kafka records, for {@code KafkaRecordDeserializationSchema.of}.
 * As with Flink's {@code KafkaSource}, {@link #isEndOfStream} is not consulted: bound the source with stopping
 * offsets instead.
 *
 * @param <T> the records
 * @deprecated use {@code KafkaRecordDeserializationSchema}
 */
@Deprecated
public interface KafkaDeserializationSchema<T> extends Serializable {

    /** Called once per parallel reader before the first record. */
    default void open(DeserializationSchema.InitializationContext context) throws Exception {
    }

    /** Whether {@code nextElement} ends the stream (not consulted by the Kafka source). */
    boolean isEndOfStream(T nextElement);

    /** The record of {@code record}, or null for none. */
    T deserialize(ConsumerRecord<byte[], byte[]> record) throws Exception;

    /** Emits the records of {@code message}; by default the one {@link #deserialize(ConsumerRecord)} returns. */
    default void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<T> out) throws Exception {
        T value = deserialize(message);
        if (value != null) {
            out.collect(value);
        }
    }

    /** The type of the records. */
    TypeInformation<T> getProducedType();
}
