/** How Kafka records become stream records (Flink's {@code ...kafka.source.reader.deserializer}). */
package io.sluice.connector.kafka.source.reader.deserializer;
