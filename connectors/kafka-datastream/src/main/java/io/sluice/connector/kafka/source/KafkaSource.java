package io.sluice.connector.kafka.source;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import io.sluice.datastream.runtime.source.BuiltInSource;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads Kafka topics into a DataStream: {@code env.fromSource(KafkaSource.<String>builder()...build(),
 * watermarkStrategy, "Kafka Source")}. The partitions are spread over the parallel readers (each reader's consumer
 * is assigned its partitions directly, no group rebalancing); new partitions are discovered every
 * {@code partition.discovery.interval.ms} (unbounded sources; default 5 minutes) and read from their earliest
 * offset. Each record's timestamp is the Kafka record's timestamp. Checkpoints hold the offset of every partition:
 * a restored job continues exactly where the checkpoint was taken, at the same or another parallelism; the
 * offsets are also committed to the consumer group (if any) at each checkpoint, for monitoring and
 * {@code OffsetsInitializer.committedOffsets()}. With stopping offsets ({@code setBounded}, or {@code setUnbounded}
 * for a source that stays {@link Boundedness#CONTINUOUS_UNBOUNDED}) each partition is read up to its stopping
 * offset and the source ends when every partition got there.
 *
 * @param <OUT> the records
 */
public class KafkaSource<OUT> extends BuiltInSource<OUT> {
    private static final long serialVersionUID = 1L;
    final Properties properties;
    final List<String> topics;
    final Pattern topicPattern;
    final Set<TopicPartition> partitions;
    final OffsetsInitializer startingOffsets;
    final OffsetsInitializer stoppingOffsets;
    final Boundedness boundedness;
    final KafkaRecordDeserializationSchema<OUT> deserializer;
    /** Decides the partitions instead of topics, pattern or partitions ({@code setKafkaSubscriber}), or null. */
    final io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber subscriber;
    /** Gives each reader's consumer its rack ({@code client.rack}), or null. */
    final io.sluice.util.function.SerializableSupplier<String> rackIdSupplier;

    KafkaSource(Properties properties, List<String> topics, Pattern topicPattern, Set<TopicPartition> partitions,
            OffsetsInitializer startingOffsets, OffsetsInitializer stoppingOffsets, Boundedness boundedness,
            KafkaRecordDeserializationSchema<OUT> deserializer,
            io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber subscriber,
            io.sluice.util.function.SerializableSupplier<String> rackIdSupplier) {
        this.properties = properties;
        this.topics = topics == null ? null : new ArrayList<>(topics);
        this.topicPattern = topicPattern;
        this.partitions = partitions;
        this.startingOffsets = startingOffsets;
        this.stoppingOffsets = stoppingOffsets;
        this.boundedness = boundedness;
        this.deserializer = deserializer;
        this.subscriber = subscriber;
        this.rackIdSupplier = rackIdSupplier;
    }

    /** A builder of a Kafka source. */
    public static <OUT> KafkaSourceBuilder<OUT> builder() {
        return new KafkaSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public TypeInformation<OUT> getProducedType() {
        return deserializer.getProducedType();
    }

    @Override
    public ScanTableSource scanSource(StateSerializer<OUT> serializer) {
        return new KafkaScan<>(this, serializer);
    }

    /** The topics, pattern or partitions read, for messages. */
    String describeTopics() {
        if (subscriber != null) {
            return "the partitions of " + subscriber.getClass().getName();
        }
        if (topicPattern != null) {
            return "topics matching " + topicPattern.pattern();
        }
        return partitions != null ? "partitions " + partitions : "topics " + topics;
    }
}
