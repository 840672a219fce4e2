/** Kafka sink partitioners of Flink programs (Flink's {@code ...streaming.connectors.kafka.partitioner}). */
package io.sluice.streaming.connectors.kafka.partitioner;
