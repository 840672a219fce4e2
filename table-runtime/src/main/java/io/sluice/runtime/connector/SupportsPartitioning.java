package io.sluice.runtime.connector;

import java.util.Map;

/**
 * A {@link DynamicTableSink} of a partitioned table. For {@code INSERT INTO t PARTITION (k = 'v', ...)} the
 * planner calls {@link #applyStaticPartition} once, before any writer is created, with the static partition
 * values (the query already fills those columns with the same constants); a sink with
 * {@link SupportsOverwrite} then also clears a fully specified static partition that receives no rows, as
 * Flink does.
 */
public interface SupportsPartitioning {
    /** The {@code PARTITION} clause's columns and values as written (in the table's key order); may be empty. */
    void applyStaticPartition(Map<String, String> partition);
}
