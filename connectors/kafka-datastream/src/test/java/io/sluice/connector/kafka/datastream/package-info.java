/** Flink DataStream programs with the Kafka connector, against a real broker. */
package io.sluice.connector.kafka.datastream;
