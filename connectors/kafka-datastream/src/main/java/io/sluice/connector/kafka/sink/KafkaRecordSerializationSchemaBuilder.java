package io.sluice.connector.kafka.sink;

import io.sluice.api.common.serialization.SerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds a {@link KafkaRecordSerializationSchema} from a topic (or a {@link TopicSelector}), a value
 * {@link SerializationSchema} and optionally a key one. The Kafka record's timestamp is the stream record's
 * (when it has one); the partition is left to the producer (by key, or spread when there is none).
 */
public class KafkaRecordSerializationSchemaBuilder<IN> {
    private TopicSelector<? super IN> topicSelector;
    private SerializationSchema<? super IN> valueSerializationSchema;
    private SerializationSchema<? super IN> keySerializationSchema;

    KafkaRecordSerializationSchemaBuilder() {
    }

    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("The topic must not be empty");
        }
        return setTopicSelector(e -> topic);
    }

    @SuppressWarnings("unchecked")
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setTopicSelector(TopicSelector<? super T> selector) {
        if (topicSelector != null) {
            throw new IllegalStateException("The topic (or topic selector) is already set");
        }
        KafkaRecordSerializationSchemaBuilder<T> self = (KafkaRecordSerializationSchemaBuilder<T>) this;
        self.topicSelector = selector;
        return self;
    }

    @SuppressWarnings("unchecked")
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setValueSerializationSchema(
            SerializationSchema<T> valueSerializationSchema) {
        KafkaRecordSerializationSchemaBuilder<T> self = (KafkaRecordSerializationSchemaBuilder<T>) this;
        self.valueSerializationSchema = valueSerializationSchema;
        return self;
    }

    @SuppressWarnings("unchecked")
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKeySerializationSchema(
            SerializationSchema<? super T> keySerializationSchema) {
        KafkaRecordSerializationSchemaBuilder<T> self = (KafkaRecordSerializationSchemaBuilder<T>) this;
        self.keySerializationSchema = keySerializationSchema;
        return self;
    }

    /** The schema; fails naming what is missing. */
    public KafkaRecordSerializationSchema<IN> build() {
        if (topicSelector == null) {
            throw new IllegalStateException("No topic set for the Kafka record serialization schema (setTopic or "
                    + "setTopicSelector)");
        }
        if (valueSerializationSchema == null) {
            throw new IllegalStateException("No value serialization schema set (setValueSerializationSchema)");
        }
        return new Schema<>(topicSelector, valueSerializationSchema, keySerializationSchema);
    }

    /** The built schema. */
    private static final class Schema<IN> implements KafkaRecordSerializationSchema<IN> {
        private static final long serialVersionUID = 1L;
        private final TopicSelector<? super IN> topicSelector;
        private final SerializationSchema<? super IN> value;
        private final SerializationSchema<? super IN> key;

        Schema(TopicSelector<? super IN> topicSelector, SerializationSchema<? super IN> value,
                SerializationSchema<? super IN> key) {
            this.topicSelector = topicSelector;
            this.value = value;
            this.key = key;
        }

        @Override
        public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
                throws Exception {
            value.open(context);
            if (key != null) {
                key.open(context);
            }
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(IN element, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topicSelector.apply(element), null,
                    timestamp == null || timestamp < 0 ? null : timestamp,
                    key == null ? null : key.serialize(element), value.serialize(element));
        }
    }
}
