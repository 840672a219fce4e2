package io.sluice.connector.kafka.source.enumerator.initializer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** The offsets initializers of {@link OffsetsInitializer}'s factory methods. */
@SuppressWarnings("deprecation")
final class Initializer implements OffsetsInitializer {
    private static final long serialVersionUID = 1L;

    enum Kind { COMMITTED, TIMESTAMP, EARLIEST, LATEST, SPECIFIC }

    private final Kind kind;
    private final OffsetResetStrategy reset;
    private final long timestamp;
    private final HashMap<TopicPartition, Long> offsets;

    Initializer(Kind kind, OffsetResetStrategy reset, long timestamp, HashMap<TopicPartition, Long> offsets) {
        this.kind = kind;
        this.reset = reset;
        this.timestamp = timestamp;
        this.offsets = offsets;
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
            PartitionOffsetsRetriever retriever) {
        switch (kind) {
            case EARLIEST:
                return retriever.beginningOffsets(partitions);
            case LATEST:
                return retriever.endOffsets(partitions);
            case TIMESTAMP: {
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(tp -> query.put(tp, timestamp));
                Map<TopicPartition, OffsetAndTimestamp> found = retriever.offsetsForTimes(query);
                Map<TopicPartition, Long> end = retriever.endOffsets(partitions);
                Map<TopicPartition, Long> result = new HashMap<>();
                for (TopicPartition tp : partitions) {
                    OffsetAndTimestamp o = found.get(tp);
                    result.put(tp, o == null ? end.get(tp) : o.offset());
                }
                return result;
            }
            case SPECIFIC:
                return withReset(partitions, offsets, retriever);
            default:
                return withReset(partitions, retriever.committedOffsets(partitions), retriever);
        }
    }

    /** {@code known} for the partitions it has, the reset strategy for the others. */
    private Map<TopicPartition, Long> withReset(Collection<TopicPartition> partitions, Map<TopicPartition, Long> known,
            PartitionOffsetsRetriever retriever) {
        Map<TopicPartition, Long> result = new HashMap<>();
        List<TopicPartition> missing = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long o = known.get(tp);
            if (o != null) {
                result.put(tp, o);
            } else {
                missing.add(tp);
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        switch (reset) {
            case EARLIEST:
                result.putAll(retriever.beginningOffsets(missing));
                return result;
            case LATEST:
                result.putAll(retriever.endOffsets(missing));
                return result;
            default:
                throw new IllegalStateException("No " + (kind == Kind.COMMITTED ? "committed offset" : "offset given")
                        + " for partition(s) " + missing + " and no offset reset strategy; use "
                        + "OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST) or LATEST");
        }
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
        return reset;
    }
}
