package io.sluice.connector.kafka.source.enumerator.subscriber;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.TopicPartition;

/** The partitions of the topics whose names match a pattern. */
final class TopicPatternSubscriber implements KafkaSubscriber {
    private static final long serialVersionUID = 1L;
    private final Pattern topicPattern;

    TopicPatternSubscriber(Pattern topicPattern) {
        this.topicPattern = topicPattern;
    }

    @Override
    public Set<TopicPartition> getSubscribedTopicPartitions(AdminClient adminClient) {
        try {
            List<String> topics = adminClient.listTopics().names().get().stream()
                    .filter(t -> topicPattern.matcher(t).matches()).toList();
            return TopicListSubscriber.partitionsOf(adminClient, topics);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Listing the topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing the topics", e);
        }
    }
}
