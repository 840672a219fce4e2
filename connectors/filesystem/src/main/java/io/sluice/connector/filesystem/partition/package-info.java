/**
 * Partitioned filesystem tables and file metadata: Hive-style partition directory names and their escaping
 * ({@link io.sluice.connector.filesystem.partition.PartitionPaths}), partition values as text
 * ({@link io.sluice.connector.filesystem.partition.PartitionValues}), listing the files of partitions, routing a
 * sink's rows to partition directories ({@link io.sluice.connector.filesystem.partition.PartitionRouter}), partition
 * commit policies, and the constant columns (partition values, {@code file.*} metadata) a reader fills per file.
 */
package io.sluice.connector.filesystem.partition;
