/**
 * The file-format SPI of the filesystem connector: a {@link io.sluice.connector.filesystem.format.FileFormatFactory}
 * (discovered by {@code 'format' = 'id'}) creates per-table decoder and encoder factories, which create one
 * {@link io.sluice.connector.filesystem.format.RecordDecoder} per file read and one
 * {@link io.sluice.connector.filesystem.format.RecordEncoder} per file written. Decoders write straight into
 * Arrow vectors; encoders read straight from them.
 *
 * <p>A changelog format (debezium-json, ...) reports its row kinds through
 * {@link io.sluice.connector.filesystem.format.RecordDecoderFactory#changelogMode()} and
 * {@link io.sluice.connector.filesystem.format.RecordEncoderFactory#changelogMode()}; its decoders set each row's
 * kind ({@link io.sluice.connector.filesystem.format.RowKinds}) and may write format metadata after the projected
 * columns. A format whose records are whole messages (raw, avro) also implements
 * {@link io.sluice.connector.filesystem.format.SingleMessageFormat}, which message connectors such as Kafka use
 * instead of cutting a file into records.
 */
package io.sluice.connector.filesystem.format;
