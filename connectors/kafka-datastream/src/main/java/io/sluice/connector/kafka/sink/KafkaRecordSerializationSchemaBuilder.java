package io.sluice.connector.kafka.sink;

import io.sluice.api.common.serialization.SerializationSchema;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Builds a {@link KafkaRecordSerializationSchema}: a topic (or a {@link TopicSelector}), the value's serialization
 * (a {@link SerializationSchema} or a Kafka {@link Serializer} class) and optionally the key's, a
 * {@link KafkaPartitioner} and a {@link HeaderProvider}. The Kafka record's timestamp is the stream record's (when
 * it has one); without a partitioner the producer chooses the partition (by key, or spread when there is none).
 */
public class KafkaRecordSerializationSchemaBuilder<IN> {
    private TopicSelector<? super IN> topicSelector;
    private Field<? super IN> value;
    private Field<? super IN> key;
    private KafkaPartitioner<? super IN> partitioner;
    private HeaderProvider<? super IN> headerProvider;

    KafkaRecordSerializationSchemaBuilder() {
    }

    @SuppressWarnings("unchecked")
    private <T extends IN> KafkaRecordSerializationSchemaBuilder<T> self() {
        return (KafkaRecordSerializationSchemaBuilder<T>) this;
    }

    /** Every record goes to {@code topic}. */
    public KafkaRecordSerializationSchemaBuilder<IN> setTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("The topic must not be empty");
        }
        checkTopicNotSet();
        this.topicSelector = new FixedTopic<>(topic);
        return this;
    }

    /** Each record goes to the topic {@code selector} returns for it. */
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setTopicSelector(TopicSelector<? super T> selector) {
        checkTopicNotSet();
        KafkaRecordSerializationSchemaBuilder<T> self = self();
        self.topicSelector = Objects.requireNonNull(selector, "topic selector");
        return self;
    }

    private void checkTopicNotSet() {
        if (topicSelector != null) {
            throw new IllegalStateException("The topic (or topic selector) is already set");
        }
    }

    /** The partition of each record (by default the producer's choice). */
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setPartitioner(
            KafkaPartitioner<? super T> partitioner) {
        KafkaRecordSerializationSchemaBuilder<T> self = self();
        self.partitioner = Objects.requireNonNull(partitioner, "partitioner");
        return self;
    }

    /** The Kafka headers of each record. */
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setHeaderProvider(
            HeaderProvider<? super T> headerProvider) {
        KafkaRecordSerializationSchemaBuilder<T> self = self();
        self.headerProvider = Objects.requireNonNull(headerProvider, "header provider");
        return self;
    }

    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setValueSerializationSchema(
            SerializationSchema<T> valueSerializationSchema) {
        checkValueNotSet();
        KafkaRecordSerializationSchemaBuilder<T> self = self();
        self.value = new SchemaField<>(Objects.requireNonNull(valueSerializationSchema, "value serialization schema"));
        return self;
    }

    /** The value is serialized by a Kafka serializer (instantiated with its no-argument constructor). */
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKafkaValueSerializer(
            Class<? extends Serializer<? super T>> valueSerializer) {
        return setKafkaValueSerializer(valueSerializer, Map.of());
    }

    /** The value is serialized by a Kafka serializer, configured with {@code configuration}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends IN, S extends Serializer<? super T>> KafkaRecordSerializationSchemaBuilder<T>
            setKafkaValueSerializer(Class<S> valueSerializer, Map<String, String> configuration) {
        checkValueNotSet();
        KafkaRecordSerializationSchemaBuilder<T> self = self();
        self.value = new SerializerField<>(new KafkaSerializerWrapper(valueSerializer, false, configuration));
        return self;
    }

    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKeySerializationSchema(
            SerializationSchema<? super T> keySerializationSchema) {
        checkKeyNotSet();
        KafkaRecordSerializationSchemaBuilder<T> self = self();
        self.key = new SchemaField<>(Objects.requireNonNull(keySerializationSchema, "key serialization schema"));
        return self;
    }

    /** The key is serialized by a Kafka serializer (instantiated with its no-argument constructor). */
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKafkaKeySerializer(
            Class<? extends Serializer<? super T>> keySerializer) {
        return setKafkaKeySerializer(keySerializer, Map.of());
    }

    /** The key is serialized by a Kafka serializer, configured with {@code configuration}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends IN, S extends Serializer<? super T>> KafkaRecordSerializationSchemaBuilder<T>
            setKafkaKeySerializer(Class<S> keySerializer, Map<String, String> configuration) {
        checkKeyNotSet();
        KafkaRecordSerializationSchemaBuilder<T> self = self();
        self.key = new SerializerField<>(new KafkaSerializerWrapper(keySerializer, true, configuration));
        return self;
    }

    private void checkValueNotSet() {
        if (value != null) {
            throw new IllegalStateException("The value serialization is already set");
        }
    }

    private void checkKeyNotSet() {
        if (key != null) {
            throw new IllegalStateException("The key serialization is already set");
        }
    }

    /** The schema; fails naming what is missing. */
    public KafkaRecordSerializationSchema<IN> build() {
        if (topicSelector == null) {
            throw new IllegalStateException("No topic set for the Kafka record serialization schema (setTopic or "
                    + "setTopicSelector)");
        }
        if (value == null) {
            throw new IllegalStateException("No value serialization schema set (setValueSerializationSchema or "
                    + "setKafkaValueSerializer)");
        }
        return new BuiltSchema<>(topicSelector, value, key, partitioner, headerProvider);
    }

    /** The same topic for every record. */
    private record FixedTopic<IN>(String topic) implements TopicSelector<IN> {
        @Override
        public String apply(IN element) {
            return topic;
        }
    }

    /** How the key or the value of a record is serialized. */
    interface Field<IN> extends Serializable {
        void open(SerializationSchema.InitializationContext context) throws Exception;

        byte[] serialize(String topic, IN element);
    }

    /** With a {@link SerializationSchema}. */
    private record SchemaField<IN>(SerializationSchema<? super IN> schema) implements Field<IN> {
        @Override
        public void open(SerializationSchema.InitializationContext context) throws Exception {
            schema.open(context);
        }

        @Override
        public byte[] serialize(String topic, IN element) {
            return schema.serialize(element);
        }
    }

    /** With a Kafka serializer. */
    private record SerializerField<IN>(KafkaSerializerWrapper<IN> serializer) implements Field<IN> {
        @Override
        public void open(SerializationSchema.InitializationContext context) {
            serializer.open();
        }

        @Override
        public byte[] serialize(String topic, IN element) {
            return serializer.serialize(topic, element);
        }
    }
}
