package io.sluice.connector.kafka.source.reader.deserializer;

import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.util.Collector;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a Kafka record (key, value, headers, topic, partition, offset, timestamp) into zero or more records of
 * type {@code T}.
 *
 * @param <T> the records
 */
public interface KafkaRecordDeserializationSchema<T> extends Serializable {

    /** Called once per parallel reader before the first record. */
    default void open(DeserializationSchema.InitializationContext context) throws Exception {
    }

    /** Emits the records of {@code record} to {@code out}. */
    void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException;

    /** The type of the records. */
    TypeInformation<T> getProducedType();

    /** Reads whole records with an older {@code KafkaDeserializationSchema} (its {@code isEndOfStream} is ignored). */
    @SuppressWarnings("deprecation")
    static <V> KafkaRecordDeserializationSchema<V> of(
            io.sluice.streaming.connectors.kafka.KafkaDeserializationSchema<V> kafkaDeserializationSchema) {
        java.util.Objects.requireNonNull(kafkaDeserializationSchema, "kafkaDeserializationSchema");
        return new KafkaRecordDeserializationSchema<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void open(DeserializationSchema.InitializationContext context) throws Exception {
                kafkaDeserializationSchema.open(context);
            }

            @Override
            public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<V> out) throws IOException {
                try {
                    kafkaDeserializationSchema.deserialize(record, out);
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public TypeInformation<V> getProducedType() {
                return kafkaDeserializationSchema.getProducedType();
            }
        };
    }

    /** Deserializes the value of each record with {@code valueDeserializationSchema} (the key is ignored). */
    static <V> KafkaRecordDeserializationSchema<V> valueOnly(DeserializationSchema<V> valueDeserializationSchema) {
        return new KafkaRecordDeserializationSchema<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void open(DeserializationSchema.InitializationContext context) throws Exception {
                valueDeserializationSchema.open(context);
            }

            @Override
            public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<V> out) throws IOException {
                valueDeserializationSchema.deserialize(record.value(), out);
            }

            @Override
            public TypeInformation<V> getProducedType() {
                return valueDeserializationSchema.getProducedType();
            }
        };
    }

    /** Deserializes the value of each record with a Kafka {@link Deserializer} class (the key is ignored). */
    static <V> KafkaRecordDeserializationSchema<V> valueOnly(Class<? extends Deserializer<V>> valueDeserializerClass) {
        return valueOnly(valueDeserializerClass, Map.of());
    }

    /** Like {@link #valueOnly(Class)}, configuring the deserializer with {@code config}. */
    static <V> KafkaRecordDeserializationSchema<V> valueOnly(Class<? extends Deserializer<V>> valueDeserializerClass,
            Map<String, String> config) {
        return new KafkaValueDeserializerSchema<>(valueDeserializerClass, config);
    }
}
