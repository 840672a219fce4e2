/**
 * The {@code parquet} format of the filesystem connector, with Flink's options ({@code parquet.utc-timezone},
 * {@code parquet.compression}, {@code parquet.write.int64.timestamp}, ...). Files are read column chunk by column
 * chunk straight into Arrow vectors, decoding only the projected columns, and written from Arrow vectors through
 * parquet-java's column writers. Only local files are read and written (Parquet's NIO {@code LocalInputFile} and
 * a stream-backed {@code OutputFile}); Hadoop's {@code FileSystem} is never used, so the small slice of Hadoop
 * classes parquet-java still needs suffices.
 */
package io.sluice.format.parquet;
