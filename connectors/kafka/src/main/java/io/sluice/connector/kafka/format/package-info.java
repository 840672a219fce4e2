/**
 * Formats of Kafka record keys and values: single messages decoded into rows of an Arrow batch and rows encoded
 * into messages. The {@code csv} and {@code json} file formats are adapted; {@code raw} is a message format.
 */
package io.sluice.connector.kafka.format;
