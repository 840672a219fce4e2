package io.sluice.connector.kafka.source;

import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Builds a {@link KafkaSource}: bootstrap servers, what to read (topics, a topic pattern or partitions), a
 * deserializer, and optionally a group id, starting offsets (default: {@code earliest()}), stopping offsets
 * ({@code setBounded} or {@code setUnbounded}) and consumer properties.
 */
public class KafkaSourceBuilder<OUT> {
    private final Properties properties = new Properties();
    private List<String> topics;
    private Pattern topicPattern;
    private Set<TopicPartition> partitions;
    private OffsetsInitializer startingOffsets = OffsetsInitializer.earliest();
    private OffsetsInitializer stoppingOffsets;
    private Boundedness boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
    private KafkaRecordDeserializationSchema<OUT> deserializer;
    private io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber subscriber;
    private io.sluice.util.function.SerializableSupplier<String> rackIdSupplier;

    KafkaSourceBuilder() {
    }

    public KafkaSourceBuilder<OUT> setBootstrapServers(String bootstrapServers) {
        return setProperty("bootstrap.servers", bootstrapServers);
    }

    public KafkaSourceBuilder<OUT> setGroupId(String groupId) {
        return setProperty("group.id", groupId);
    }

    public KafkaSourceBuilder<OUT> setTopics(List<String> topics) {
        checkOneSubscription();
        this.topics = List.copyOf(topics);
        return this;
    }

    public KafkaSourceBuilder<OUT> setTopics(String... topics) {
        return setTopics(Arrays.asList(topics));
    }

    public KafkaSourceBuilder<OUT> setTopicPattern(Pattern topicPattern) {
        checkOneSubscription();
        this.topicPattern = topicPattern;
        return this;
    }

    public KafkaSourceBuilder<OUT> setPartitions(Set<TopicPartition> partitions) {
        checkOneSubscription();
        this.partitions = new HashSet<>(partitions);
        return this;
    }

    /**
     * Reads the partitions {@code kafkaSubscriber} names (asked at the start and at every partition discovery),
     * instead of topics, a pattern or partitions.
     */
    public KafkaSourceBuilder<OUT> setKafkaSubscriber(
            io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber kafkaSubscriber) {
        checkOneSubscription();
        this.subscriber = java.util.Objects.requireNonNull(kafkaSubscriber, "kafkaSubscriber");
        return this;
    }

    /**
     * Gives each reader's consumer the rack {@code rackIdCallback} returns in that reader ({@code client.rack}), so
     * that it fetches from a replica in its own rack where the brokers allow it; null or empty: no rack.
     */
    public KafkaSourceBuilder<OUT> setRackIdSupplier(
            io.sluice.util.function.SerializableSupplier<String> rackIdCallback) {
        this.rackIdSupplier = rackIdCallback;
        return this;
    }

    private void checkOneSubscription() {
        if (topics != null || topicPattern != null || partitions != null || subscriber != null) {
            throw new IllegalStateException("The Kafka source reads topics, a topic pattern, partitions or what a"
                    + " subscriber names: only one of setTopics, setTopicPattern, setPartitions and setKafkaSubscriber"
                    + " may be called");
        }
    }

    public KafkaSourceBuilder<OUT> setStartingOffsets(OffsetsInitializer startingOffsetsInitializer) {
        this.startingOffsets = startingOffsetsInitializer;
        return this;
    }

    /**
     * Makes the source {@link Boundedness#BOUNDED}: each partition is read up to (not including) these offsets,
     * then the source ends; no new partitions are discovered.
     */
    public KafkaSourceBuilder<OUT> setBounded(OffsetsInitializer stoppingOffsetsInitializer) {
        this.stoppingOffsets = java.util.Objects.requireNonNull(stoppingOffsetsInitializer,
                "stoppingOffsetsInitializer");
        this.boundedness = Boundedness.BOUNDED;
        return this;
    }

    /**
     * Keeps the source {@link Boundedness#CONTINUOUS_UNBOUNDED} (a streaming source) but stops each partition at
     * these offsets (exclusive): the source ends when every partition reached its stopping offset. Partitions
     * found by partition discovery meanwhile get their stopping offsets from the same initializer.
     */
    public KafkaSourceBuilder<OUT> setUnbounded(OffsetsInitializer stoppingOffsetsInitializer) {
        this.stoppingOffsets = java.util.Objects.requireNonNull(stoppingOffsetsInitializer,
                "stoppingOffsetsInitializer");
        this.boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
        return this;
    }

    public KafkaSourceBuilder<OUT> setDeserializer(KafkaRecordDeserializationSchema<OUT> recordDeserializer) {
        this.deserializer = recordDeserializer;
        return this;
    }

    public KafkaSourceBuilder<OUT> setValueOnlyDeserializer(DeserializationSchema<OUT> deserializationSchema) {
        return setDeserializer(KafkaRecordDeserializationSchema.valueOnly(deserializationSchema));
    }

    public KafkaSourceBuilder<OUT> setClientIdPrefix(String prefix) {
        return setProperty("client.id.prefix", prefix);
    }

    /** A property of the Kafka consumer, or {@code partition.discovery.interval.ms} / {@code client.id.prefix}. */
    public KafkaSourceBuilder<OUT> setProperty(String key, String value) {
        properties.setProperty(key, value);
        return this;
    }

    public KafkaSourceBuilder<OUT> setProperties(Properties props) {
        props.stringPropertyNames().forEach(k -> properties.setProperty(k, props.getProperty(k)));
        return this;
    }

    /** The source; fails naming what is missing. */
    public KafkaSource<OUT> build() {
        if (properties.getProperty("bootstrap.servers") == null) {
            throw new IllegalStateException("No bootstrap servers set for the Kafka source (setBootstrapServers)");
        }
        if (topics == null && topicPattern == null && partitions == null && subscriber == null) {
            throw new IllegalStateException("No topics to read set for the Kafka source (setTopics, setTopicPattern"
                    + " or setPartitions)");
        }
        if (deserializer == null) {
            throw new IllegalStateException("No deserializer set for the Kafka source (setValueOnlyDeserializer or"
                    + " setDeserializer)");
        }
        String interval = properties.getProperty("partition.discovery.interval.ms");
        if (interval != null) {
            try {
                Long.parseLong(interval);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("partition.discovery.interval.ms must be a number of "
                        + "milliseconds, not '" + interval + "'");
            }
        }
        Properties copy = new Properties();
        copy.putAll(properties);
        return new KafkaSource<>(copy, topics, topicPattern, partitions, startingOffsets, stoppingOffsets,
                boundedness, deserializer, subscriber, rackIdSupplier);
    }
}
