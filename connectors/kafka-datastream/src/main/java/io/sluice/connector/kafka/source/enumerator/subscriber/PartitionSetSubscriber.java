package io.sluice.connector.kafka.source.enumerator.subscriber;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.TopicPartition;

/** A fixed set of partitions, each of which must exist. */
final class PartitionSetSubscriber implements KafkaSubscriber {
    private static final long serialVersionUID = 1L;
    private final Set<TopicPartition> partitions;

    PartitionSetSubscriber(Set<TopicPartition> partitions) {
        this.partitions = new HashSet<>(partitions);
    }

    @Override
    public Set<TopicPartition> getSubscribedTopicPartitions(AdminClient adminClient) {
        Set<TopicPartition> existing = TopicListSubscriber.partitionsOf(adminClient,
                partitions.stream().map(TopicPartition::topic).collect(Collectors.toSet()));
        for (TopicPartition p : partitions) {
            if (!existing.contains(p)) {
                throw new IllegalStateException("Partition " + p + " of the Kafka source does not exist");
            }
        }
        return new HashSet<>(partitions);
    }
}
