/**
 * The file-format SPI of the filesystem connector: a {@link io.sluice.connector.filesystem.format.FileFormatFactory}
 * (discovered by {@code 'format' = 'id'}) creates per-table decoder and encoder factories, which create one
 * {@link io.sluice.connector.filesystem.format.RecordDecoder} per file read and one
 * {@link io.sluice.connector.filesystem.format.RecordEncoder} per file written. Decoders write straight into
 * Arrow vectors; encoders read straight from them.
 */
package io.sluice.connector.filesystem.format;
