/** The Kafka sink of the DataStream API (Flink's {@code org.apache.flink.connector.kafka.sink}). */
package io.sluice.connector.kafka.sink;
