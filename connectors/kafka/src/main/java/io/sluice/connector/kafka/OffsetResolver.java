package io.sluice.connector.kafka;

import io.sluice.table.api.TableException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Turns the startup and bounded modes of a {@link KafkaSourceSpec} into offsets of concrete partitions. */
final class OffsetResolver {
    private final KafkaSourceSpec spec;
    private final Consumer<byte[], byte[]> consumer;

    OffsetResolver(KafkaSourceSpec spec, Consumer<byte[], byte[]> consumer) {
        this.spec = spec;
        this.consumer = consumer;
    }

    /** Where reading of {@code partitions} starts (the next offset to read). */
    Map<TopicPartition, Long> startOffsets(Collection<TopicPartition> partitions) {
        switch (spec.startupMode) {
            case EARLIEST_OFFSET:
                return consumer.beginningOffsets(partitions);
            case LATEST_OFFSET:
                return consumer.endOffsets(partitions);
            case TIMESTAMP:
                return byTimestamp(partitions, spec.startupTimestamp);
            case SPECIFIC_OFFSETS:
                return specific(partitions, spec.startupOffsets, consumer.beginningOffsets(partitions));
            default:
                return committed(partitions, true);
        }
    }

    /** Where reading of {@code partitions} ends (exclusive); only for a bounded source. */
    Map<TopicPartition, Long> stopOffsets(Collection<TopicPartition> partitions) {
        switch (spec.boundedMode) {
            case LATEST_OFFSET:
                return consumer.endOffsets(partitions);
            case TIMESTAMP:
                return byTimestamp(partitions, spec.boundedTimestamp);
            case SPECIFIC_OFFSETS:
                return specific(partitions, spec.boundedOffsets, consumer.endOffsets(partitions));
            case GROUP_OFFSETS:
                return committed(partitions, false);
            default:
                throw new IllegalStateException("unbounded");
        }
    }

    private Map<TopicPartition, Long> byTimestamp(Collection<TopicPartition> partitions, long timestamp) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, timestamp));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp o = found.get(tp);
            result.put(tp, o == null ? end.get(tp) : o.offset());
        }
        return result;
    }

    private static Map<TopicPartition, Long> specific(Collection<TopicPartition> partitions, Map<Integer, Long> given,
            Map<TopicPartition, Long> fallback) {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            Long o = given.get(tp.partition());
            result.put(tp, o != null ? o : fallback.get(tp));
        }
        return result;
    }

    /** Committed offsets of the group; without one, {@code auto.offset.reset} (earliest or latest) decides. */
    private Map<TopicPartition, Long> committed(Collection<TopicPartition> partitions, boolean start) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        String reset = spec.properties.getProperty("auto.offset.reset", "");
        Map<TopicPartition, Long> fallback = "earliest".equals(reset) ? consumer.beginningOffsets(partitions)
                : "latest".equals(reset) ? consumer.endOffsets(partitions) : Map.of();
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = committed.get(tp);
            if (o != null) {
                result.put(tp, o.offset());
            } else if (fallback.containsKey(tp)) {
                result.put(tp, fallback.get(tp));
            } else {
                throw new TableException("Table " + spec.tableName + ": consumer group '"
                        + spec.properties.getProperty("group.id") + "' has no committed offset for " + tp
                        + (start ? " to start from; set 'properties.auto.offset.reset' to 'earliest' or 'latest'"
                        : " to end at") + ".");
            }
        }
        return result;
    }
}
