/** Where a Kafka source starts and stops reading (Flink's {@code ...kafka.source.enumerator.initializer}). */
package io.sluice.connector.kafka.source.enumerator.initializer;
