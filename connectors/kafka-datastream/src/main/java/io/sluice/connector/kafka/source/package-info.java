/** The Kafka source of the DataStream API (Flink's {@code org.apache.flink.connector.kafka.source}). */
package io.sluice.connector.kafka.source;
