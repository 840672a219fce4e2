package io.sluice.runtime.connector;

import java.util.List;
import java.util.Map;

/**
 * A {@link ScanTableSource} of a partitioned table that can skip whole partitions. The planner lists the
 * partitions, evaluates the query's filter conditions on the partition columns for each of them, and hands
 * the ones that can hold matching rows back with {@link #applyPartitions} before any reader is created. The
 * filter itself still runs on the rows read, so pruning only ever removes partitions without matching rows.
 */
public interface SupportsPartitionPushDown {
    /**
     * The table's existing partitions: each maps every partition column to its value as text (as stored, e.g.
     * {@code "2024-01-01"}), or to null for the default (NULL) partition.
     */
    List<Map<String, String>> listPartitions();

    /** Restricts reading to these partitions (a subset of {@link #listPartitions()}). */
    void applyPartitions(List<Map<String, String>> remainingPartitions);
}
