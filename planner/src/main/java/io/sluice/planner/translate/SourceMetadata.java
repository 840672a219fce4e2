package io.sluice.planner.translate;

import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SupportsReadingMetadata;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests a table's metadata columns from its source ({@link SupportsReadingMetadata}), so that the source
 * produces {@link CatalogTable#sourceRowType()}: the physical columns followed by the metadata columns.
 */
final class SourceMetadata {
    private SourceMetadata() {
    }

    /**
     * Applies the metadata columns of {@code table} to {@code source}; does nothing when there are none.
     *
     * @throws UnsupportedFeatureException when the connector exposes no metadata
     * @throws ValidationException for a key the connector does not know
     */
    static void apply(ScanTableSource source, CatalogTable table, String tableName) {
        List<CatalogColumn> columns = table.metadataColumns();
        if (columns.isEmpty()) {
            return;
        }
        String connector = table.options().get("connector");
        if (!(source instanceof SupportsReadingMetadata)) {
            throw new UnsupportedFeatureException("metadata column '" + columns.get(0).name() + "' (connector "
                    + connector + " exposes no metadata)");
        }
        SupportsReadingMetadata reading = (SupportsReadingMetadata) source;
        Map<String, LogicalType> readable = reading.listReadableMetadata();
        List<String> keys = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (CatalogColumn c : columns) {
            String key = c.metadataKey() == null ? c.name() : c.metadataKey();
            if (!readable.containsKey(key)) {
                throw new ValidationException("Invalid metadata key '" + key + "' in column '" + c.name()
                        + "' of table " + tableName + ". The connector '" + connector
                        + "' supports the following metadata keys for reading: "
                        + String.join(", ", readable.keySet()) + ".");
            }
            keys.add(key);
            types.add(c.type());
        }
        reading.applyReadableMetadata(keys, types);
    }
}
