/**
 * The {@code filesystem} connector: a bounded source reading a file or a directory tree in a file format
 * (see {@link io.sluice.connector.filesystem.format}), and a sink writing part files into a directory; partitioned
 * tables and file metadata columns are supported through {@link io.sluice.connector.filesystem.partition}.
 */
package io.sluice.connector.filesystem;
