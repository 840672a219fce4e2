package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SupportsWritingMetadata;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests a table's persisted metadata columns from its sink ({@link SupportsWritingMetadata}), so that the sink's
 * writers receive {@link CatalogTable#sinkRowType()}: the physical columns followed by those metadata columns.
 */
final class SinkMetadata {
    private SinkMetadata() {
    }

    /**
     * Applies the persisted metadata columns of {@code table} to {@code sink}; does nothing when there are none.
     *
     * @throws ValidationException when the sink writes no metadata or not one of the keys
     */
    static void apply(DynamicTableSink sink, CatalogTable table, String tableName) {
        List<CatalogColumn> columns = table.persistedMetadataColumns();
        if (columns.isEmpty()) {
            return;
        }
        if (!(sink instanceof SupportsWritingMetadata)) {
            table.checkWritable(tableName); // names the first persisted metadata column
            return;
        }
        SupportsWritingMetadata writing = (SupportsWritingMetadata) sink;
        Map<String, LogicalType> writable = writing.listWritableMetadata();
        List<String> keys = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (CatalogColumn c : columns) {
            String key = c.metadataKey() == null ? c.name() : c.metadataKey();
            if (!writable.containsKey(key)) {
                throw new ValidationException("Invalid metadata key '" + key + "' in column '" + c.name()
                        + "' of table " + tableName + ". The connector '" + table.options().get("connector")
                        + "' supports the following metadata keys for writing: " + String.join(", ", writable.keySet())
                        + ". If the column should only be read, declare it with the VIRTUAL keyword.");
            }
            keys.add(key);
            types.add(c.type());
        }
        writing.applyWritableMetadata(keys, types);
    }
}
