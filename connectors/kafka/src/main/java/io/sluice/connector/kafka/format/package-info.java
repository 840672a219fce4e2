/**
 * Formats of Kafka record keys and values: single messages decoded into rows of an Arrow batch and rows encoded
 * into messages. The line-based file formats ({@code csv}, {@code json}, the changelog formats) are adapted; {@code raw} and
 * {@code avro} code single messages themselves.
 */
package io.sluice.connector.kafka.format;
