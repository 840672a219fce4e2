package io.sluice.connector.kafka.source.enumerator.subscriber;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides which topic partitions a {@code KafkaSource} reads ({@code KafkaSourceBuilder.setKafkaSubscriber}); it is
 * asked at the start and at every partition discovery, with the source's admin client. {@link #open} is called
 * before the first question, {@link #close} after the last, in each parallel reader of the source.
 */
public interface KafkaSubscriber extends Serializable {
    /** Prepares what the subscriber needs besides the admin client. */
    default void open(InitializationContext initializationContext) {
    }

    /** The partitions to read now. */
    Set<TopicPartition> getSubscribedTopicPartitions(AdminClient adminClient);

    /** Releases what {@link #open} prepared. */
    default void close() {
    }

    /** What a subscriber learns when it is opened. */
    interface InitializationContext {
    }

    /** The partitions of {@code topics} (topics that do not exist yet have none). */
    static KafkaSubscriber getTopicListSubscriber(List<String> topics) {
        return new TopicListSubscriber(topics);
    }

    /** The partitions of every topic whose name matches {@code topicPattern} entirely. */
    static KafkaSubscriber getTopicPatternSubscriber(Pattern topicPattern) {
        return new TopicPatternSubscriber(topicPattern);
    }

    /** Exactly {@code partitions}; a partition that does not exist fails the source. */
    static KafkaSubscriber getPartitionSetSubscriber(Set<TopicPartition> partitions) {
        return new PartitionSetSubscriber(partitions);
    }
}
