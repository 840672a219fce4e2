package io.sluice.table.api.bridge.internal;

import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.BridgeSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The target schema of {@code toChangelogStream(table, schema)}: its columns match the table's columns by position;
 * a physical column casts the table's column to the declared type and name, the metadata column {@code rowtime}
 * ({@code TIMESTAMP_LTZ(3)}) takes the table's column as the records' timestamp instead of a field.
 */
final class TargetSchemas {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TargetSchemas() {
    }

    /** The table to convert and which of its columns is the records' timestamp (-1: the single rowtime, if any). */
    record Target(Table table, int timestampColumn) {
    }

    static Target apply(TableEnvironment tables, Table table, Schema schema) {
        List<CatalogColumn> columns = BridgeSupport.parseColumns(tables, "__target_schema_" + NAMES.incrementAndGet(),
                schema.toDdlColumns());
        List<String> tableColumns = table.getResolvedSchema().getColumnNames();
        if (columns.size() != tableColumns.size()) {
            throw new ValidationException("The target schema has " + columns.size() + " columns but the table has "
                    + tableColumns.size() + " (" + String.join(", ", tableColumns) + ").");
        }
        List<String> select = new ArrayList<>();
        List<String> metadata = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            CatalogColumn c = columns.get(i);
            String source = "`" + tableColumns.get(i).replace("`", "``") + "`";
            if (c.isComputed()) {
                throw new ValidationException("A target schema cannot have computed columns ('" + c.name() + "').");
            }
            if (c.isMetadata()) {
                String key = c.metadataKey() == null ? c.name() : c.metadataKey();
                if (!key.equals("rowtime") || c.type().root() != TypeRoot.TIMESTAMP_LTZ) {
                    throw new ValidationException("Invalid metadata key '" + key + "' in column '" + c.name()
                            + "'. A DataStream supports the following metadata keys for writing: rowtime"
                            + " (TIMESTAMP_LTZ(3)).");
                }
                metadata.add("CAST(" + source + " AS TIMESTAMP_LTZ(3)) AS `" + c.name().replace("`", "``") + "`");
                continue;
            }
            select.add("CAST(" + source + " AS " + typeText(c) + ") AS `" + c.name().replace("`", "``") + "`");
        }
        if (metadata.size() > 1) {
            throw new ValidationException("A target schema can have one rowtime metadata column.");
        }
        select.addAll(metadata);
        Table projected = tables.sqlQuery("SELECT " + String.join(", ", select) + " FROM " + table);
        return new Target(projected, metadata.isEmpty() ? -1 : select.size() - 1);
    }

    private static String typeText(CatalogColumn c) {
        return c.type().typeName();
    }
}
