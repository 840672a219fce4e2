/**
 * The {@code csv} format (RFC 4180 with Flink's option names): a byte-level decoder that writes straight into
 * Arrow vectors and an encoder that writes the rows of batches as CSV lines.
 */
package io.sluice.connector.filesystem.format.csv;
