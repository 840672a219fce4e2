package io.sluice.connector.kafka.sink;

import java.io.Serializable;
import java.util.function.Function;

/** Chooses the topic of each record ({@code KafkaRecordSerializationSchema.builder().setTopicSelector}). */
@FunctionalInterface
public interface TopicSelector<IN> extends Function<IN, String>, Serializable {
}
