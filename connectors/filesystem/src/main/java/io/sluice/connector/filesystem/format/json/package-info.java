/**
 * The {@code json} format of the filesystem connector: newline-delimited JSON objects, one record per line,
 * with Flink's {@code json.*} options. Decoding streams Jackson tokens straight into Arrow vectors;
 * encoding writes one object per line from the vectors.
 */
package io.sluice.connector.filesystem.format.json;
