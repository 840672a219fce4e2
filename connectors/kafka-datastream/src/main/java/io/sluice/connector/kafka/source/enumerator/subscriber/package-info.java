/** Which topic partitions a {@code KafkaSource} reads: {@link io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber}. */
package io.sluice.connector.kafka.source.enumerator.subscriber;
