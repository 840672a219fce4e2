package io.sluice.connector.kafka.source.enumerator.subscriber;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The partitions of a list of topics; a topic that does not exist (yet) has none. */
final class TopicListSubscriber implements KafkaSubscriber {
    private static final long serialVersionUID = 1L;
    private final List<String> topics;

    TopicListSubscriber(List<String> topics) {
        this.topics = List.copyOf(topics);
    }

    @Override
    public Set<TopicPartition> getSubscribedTopicPartitions(AdminClient adminClient) {
        return partitionsOf(adminClient, topics);
    }

    /** The partitions of {@code topics} as the admin client describes them. */
    static Set<TopicPartition> partitionsOf(AdminClient admin, Collection<String> topics) {
        Set<TopicPartition> found = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e
                : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                e.getValue().get().partitions().forEach(i -> found.add(new TopicPartition(e.getKey(), i.partition())));
            } catch (ExecutionException missing) {
                if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Describing topic " + e.getKey() + " failed: "
                            + missing.getCause().getMessage(), missing.getCause());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while describing topic " + e.getKey(), interrupted);
            }
        }
        return found;
    }
}
