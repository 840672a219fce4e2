/** Kafka interfaces of Flink programs kept from Flink's older connector ({@code ...streaming.connectors.kafka}). */
package io.sluice.streaming.connectors.kafka;
