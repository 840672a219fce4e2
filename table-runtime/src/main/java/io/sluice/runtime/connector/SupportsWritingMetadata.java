package io.sluice.runtime.connector;

import io.sluice.runtime.types.LogicalType;
import java.util.List;
import java.util.Map;

/**
 * A {@link DynamicTableSink} that writes metadata (e.g. a Kafka record's timestamp and headers) from a table's
 * persisted {@code METADATA} columns (those not declared {@code VIRTUAL}), as Flink's
 * {@code SupportsWritingMetadata}. The planner checks each such column's key against
 * {@link #listWritableMetadata()} and calls {@link #applyWritableMetadata} once, before any writer is created;
 * from then on the rows the writers receive hold the physical columns followed by those metadata columns, in
 * the order of the keys.
 */
public interface SupportsWritingMetadata {
    /** The metadata keys this sink can write, each with the type it expects, in a stable order. */
    Map<String, LogicalType> listWritableMetadata();

    /**
     * Requests {@code keys} (each from {@link #listWritableMetadata()}, in the order they follow the physical
     * columns) with the types the table declares for them.
     *
     * @throws io.sluice.table.api.ValidationException when a declared type cannot be written as the metadata
     */
    void applyWritableMetadata(List<String> keys, List<LogicalType> types);
}
