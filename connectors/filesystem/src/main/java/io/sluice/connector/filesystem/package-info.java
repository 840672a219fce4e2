/**
 * The {@code filesystem} connector: a source reading a file or a directory tree in a file format
 * (see {@link io.sluice.connector.filesystem.format}), bounded or, with {@code source.monitor-interval} in
 * streaming mode, watching the path for new files ({@link io.sluice.connector.filesystem.FileMonitor}); and a sink
 * writing part files into a directory, rolled by a {@link io.sluice.connector.filesystem.RollingPolicy} and
 * published with checkpoints. Partitioned tables and file metadata columns are supported through
 * {@link io.sluice.connector.filesystem.partition}.
 */
package io.sluice.connector.filesystem;
