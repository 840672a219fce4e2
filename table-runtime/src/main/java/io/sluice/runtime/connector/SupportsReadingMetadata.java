package io.sluice.runtime.connector;

import io.sluice.runtime.types.LogicalType;
import java.util.List;
import java.util.Map;

/**
 * A {@link ScanTableSource} that can append metadata values (e.g. a file's path) to the rows it reads, for the
 * table's {@code METADATA} columns. The planner checks every metadata column's key against
 * {@link #listReadableMetadata()} and calls {@link #applyReadableMetadata} once, before any reader is created;
 * from then on the source's full row type is the physical columns followed by the requested metadata columns,
 * and {@link ReaderContext#projectedFields()} indexes into that extended row type.
 */
public interface SupportsReadingMetadata {
    /** The metadata keys this source can produce, each with the type it produces, in a stable order. */
    Map<String, LogicalType> listReadableMetadata();

    /**
     * Requests {@code keys} (each from {@link #listReadableMetadata()}, in the order they are appended) with the
     * types the table declares for them.
     *
     * @throws io.sluice.table.api.ValidationException when a declared type cannot hold the metadata value
     */
    void applyReadableMetadata(List<String> keys, List<LogicalType> types);
}
