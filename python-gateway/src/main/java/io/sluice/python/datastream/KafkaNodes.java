package io.sluice.python.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.serialization.SerializationSchema;
import io.sluice.connector.base.DeliveryGuarantee;
import io.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.sluice.connector.kafka.sink.KafkaRecordSerializationSchemaBuilder;
import io.sluice.connector.kafka.sink.KafkaSink;
import io.sluice.connector.kafka.sink.KafkaSinkBuilder;
import io.sluice.connector.kafka.sink.TopicSelector;
import io.sluice.connector.kafka.source.KafkaSource;
import io.sluice.connector.kafka.source.KafkaSourceBuilder;
import io.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka source and sink of the Python DataStream API ({@code sluice.datastream.connectors.kafka}, PyFlink's
 * {@code KafkaSource} and {@code KafkaSink} builders), described as JSON by the Python side and built with the
 * engine's DataStream Kafka connector.
 */
final class KafkaNodes {
    private KafkaNodes() {
    }

    /** The stream of a {@code kafka_source} node. */
    static DataStream<Object> source(StreamExecutionEnvironment env, JsonNode n) {
        KafkaSourceBuilder<Object> b = KafkaSource.builder();
        b.setBootstrapServers(n.get("bootstrap_servers").asText());
        if (n.has("topics")) {
            List<String> topics = new ArrayList<>();
            n.get("topics").forEach(t -> topics.add(t.asText()));
            b.setTopics(topics);
        }
        if (n.hasNonNull("topic_pattern")) {
            b.setTopicPattern(Pattern.compile(n.get("topic_pattern").asText()));
        }
        if (n.has("partitions")) {
            Set<TopicPartition> partitions = new HashSet<>();
            n.get("partitions").forEach(p -> partitions.add(new TopicPartition(p.get(0).asText(), p.get(1).asInt())));
            b.setPartitions(partitions);
        }
        if (n.hasNonNull("group_id")) {
            b.setGroupId(n.get("group_id").asText());
        }
        if (n.hasNonNull("client_id_prefix")) {
            b.setClientIdPrefix(n.get("client_id_prefix").asText());
        }
        n.path("properties").properties().forEach(e -> b.setProperty(e.getKey(), e.getValue().asText()));
        if (n.hasNonNull("starting_offsets")) {
            b.setStartingOffsets(offsets(n.get("starting_offsets")));
        }
        if (n.hasNonNull("stopping_offsets")) {
            OffsetsInitializer stop = offsets(n.get("stopping_offsets"));
            if (n.path("bounded").asBoolean(true)) {
                b.setBounded(stop);
            } else {
                b.setUnbounded(stop);
            }
        }
        if (!n.hasNonNull("value_format")) {
            throw new IllegalArgumentException("The KafkaSource has no deserializer (set_value_only_deserializer)");
        }
        b.setValueOnlyDeserializer(PythonSchemas.deserialization(n.get("value_format")));
        return env.fromSource(b.build(), WatermarkStrategy.noWatermarks(), n.path("name").asText("Kafka Source"));
    }

    @SuppressWarnings("deprecation") // Kafka's OffsetResetStrategy, as in Flink's API
    private static OffsetsInitializer offsets(JsonNode o) {
        OffsetResetStrategy reset = o.hasNonNull("reset") ? OffsetResetStrategy.valueOf(o.get("reset").asText())
                : null;
        switch (o.get("kind").asText()) {
            case "earliest":
                return OffsetsInitializer.earliest();
            case "latest":
                return OffsetsInitializer.latest();
            case "timestamp":
                return OffsetsInitializer.timestamp(o.get("timestamp").asLong());
            case "committed":
                return OffsetsInitializer.committedOffsets(reset == null ? OffsetResetStrategy.NONE : reset);
            case "offsets": {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                for (JsonNode e : o.get("offsets")) {
                    offsets.put(new TopicPartition(e.get(0).asText(), e.get(1).asInt()), e.get(2).asLong());
                }
                return OffsetsInitializer.offsets(offsets, reset == null ? OffsetResetStrategy.EARLIEST : reset);
            }
            default:
                throw new IllegalArgumentException("unknown Kafka offsets initializer " + o);
        }
    }

    /**
     * Adds a {@code kafka} sink to {@code in}. With {@code topic_field} the records are rows (topic, record) that a
     * Python topic selector made: the topic is their first field, the key and value schemas see the second.
     */
    static void sink(DataStream<Object> in, JsonNode s) {
        KafkaRecordSerializationSchemaBuilder<Object> r = KafkaRecordSerializationSchema.builder();
        boolean topicField = s.path("topic_field").asBoolean(false);
        if (topicField) {
            r.setTopicSelector(new FirstField());
        } else {
            r.setTopic(s.get("topic").asText());
        }
        SerializationSchema<Object> value = PythonSchemas.serialization(s.get("value_format"));
        r.setValueSerializationSchema(topicField ? new SecondField(value) : value);
        if (s.hasNonNull("key_format")) {
            SerializationSchema<Object> key = PythonSchemas.serialization(s.get("key_format"));
            r.setKeySerializationSchema(topicField ? new SecondField(key) : key);
        }
        KafkaSinkBuilder<Object> b = KafkaSink.builder();
        b.setBootstrapServers(s.get("bootstrap_servers").asText());
        b.setDeliveryGuarantee(DeliveryGuarantee.valueOf(s.path("delivery_guarantee").asText("NONE")));
        if (s.hasNonNull("transactional_id_prefix")) {
            b.setTransactionalIdPrefix(s.get("transactional_id_prefix").asText());
        }
        s.path("properties").properties().forEach(e -> b.setProperty(e.getKey(), e.getValue().asText()));
        b.setRecordSerializer(r.build());
        in.sinkTo(b.build()).name(s.path("name").asText("Kafka Sink"));
    }

    /** The topic a Python topic selector chose: the first field of the (topic, record) row. */
    static final class FirstField implements TopicSelector<Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public String apply(Object element) {
            return String.valueOf(((Row) element).getField(0));
        }
    }

    /** A schema applied to the record of a (topic, record) row. */
    static final class SecondField implements SerializationSchema<Object> {
        private static final long serialVersionUID = 1L;
        private final SerializationSchema<Object> schema;

        SecondField(SerializationSchema<Object> schema) {
            this.schema = schema;
        }

        @Override
        public void open(InitializationContext context) throws Exception {
            schema.open(context);
        }

        @Override
        public byte[] serialize(Object element) {
            return schema.serialize(((Row) element).getField(1));
        }
    }
}
