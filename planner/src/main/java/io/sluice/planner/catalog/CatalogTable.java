package io.sluice.planner.catalog;

import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table in a catalog: its columns, its connector options ({@code WITH (...)}), and optionally a
 * primary key (with its constraint name), watermark, comment and partition keys. A table created from Java
 * values ({@code fromValues}) carries its source directly instead of options. Immutable: ALTER TABLE builds a
 * new instance with the {@code with*} methods.
 */
public final class CatalogTable implements CatalogBaseTable {
    private final List<CatalogColumn> columns;
    private final Map<String, String> options;
    private final List<String> primaryKey;
    private final String watermarkColumn;
    private final String watermarkExpression;
    private final String comment;
    private final ScanTableSource inlineSource;
    private final String primaryKeyName;
    private final List<String> partitionKeys;
    private final MaterializedTableDefinition materialized;

    public CatalogTable(List<CatalogColumn> columns, Map<String, String> options, List<String> primaryKey,
            String watermarkColumn, String watermarkExpression, String comment) {
        this(columns, options, primaryKey, watermarkColumn, watermarkExpression, comment, null, null, List.of(), null);
    }

    /**
     * A connector table with every feature; {@code primaryKeyName} null gives Flink's default name
     * {@code PK_<col>_<col>}; {@code partitionKeys} may be empty.
     */
    public CatalogTable(List<CatalogColumn> columns, Map<String, String> options, List<String> primaryKey,
            String primaryKeyName, String watermarkColumn, String watermarkExpression, String comment,
            List<String> partitionKeys) {
        this(columns, options, primaryKey, watermarkColumn, watermarkExpression, comment, null, primaryKeyName,
                partitionKeys, null);
    }

    private CatalogTable(List<CatalogColumn> columns, Map<String, String> options, List<String> primaryKey,
            String watermarkColumn, String watermarkExpression, String comment, ScanTableSource inlineSource,
            String primaryKeyName, List<String> partitionKeys, MaterializedTableDefinition materialized) {
        this.columns = List.copyOf(columns);
        this.options = new LinkedHashMap<>(options);
        this.primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        this.watermarkColumn = watermarkColumn;
        this.watermarkExpression = watermarkExpression;
        this.comment = comment;
        this.inlineSource = inlineSource;
        this.primaryKeyName = this.primaryKey.isEmpty() ? null
                : primaryKeyName != null ? primaryKeyName : "PK_" + String.join("_", this.primaryKey);
        this.partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
        this.materialized = materialized;
    }

    /** A table whose rows come from {@code source} (no connector options). */
    public static CatalogTable ofSource(RowType type, ScanTableSource source) {
        List<CatalogColumn> cols = new ArrayList<>();
        for (int i = 0; i < type.size(); i++) {
            cols.add(CatalogColumn.physical(type.name(i), type.type(i)));
        }
        return new CatalogTable(cols, Map.of(), null, null, null, null, source, null, List.of(), null);
    }

    public List<CatalogColumn> columns() {
        return columns;
    }

    /** The physical columns, as the connector reads and writes them. */
    public RowType physicalRowType() {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (CatalogColumn c : columns) {
            if (c.isPhysical()) {
                names.add(c.name());
                types.add(c.type());
            }
        }
        return new RowType(names, types);
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    public Map<String, String> options() {
        return options;
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    public String watermarkColumn() {
        return watermarkColumn;
    }

    public String watermarkExpression() {
        return watermarkExpression;
    }

    public String comment() {
        return comment;
    }

    /** The source of a table made from Java values, or null for connector tables. */
    public ScanTableSource inlineSource() {
        return inlineSource;
    }

    /** The primary key's constraint name (given or Flink's default {@code PK_<cols>}), or null without a key. */
    public String primaryKeyName() {
        return primaryKeyName;
    }

    /** {@code PARTITIONED BY} columns; empty when the table is not partitioned. */
    public List<String> partitionKeys() {
        return partitionKeys;
    }

    /** The column with this name, or null. */
    public CatalogColumn column(String name) {
        for (CatalogColumn c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    public CatalogTable withOptions(Map<String, String> newOptions) {
        return new CatalogTable(columns, newOptions, primaryKey, watermarkColumn, watermarkExpression, comment,
                inlineSource, primaryKeyName, partitionKeys, materialized);
    }

    /** This table with other columns (partition keys, key and watermark unchanged). */
    public CatalogTable withColumns(List<CatalogColumn> newColumns) {
        return new CatalogTable(newColumns, options, primaryKey, watermarkColumn, watermarkExpression, comment,
                inlineSource, primaryKeyName, partitionKeys, materialized);
    }

    /** This table with another primary key ({@code columns} empty: none); {@code name} null: the default. */
    public CatalogTable withPrimaryKey(List<String> keyColumns, String name) {
        return new CatalogTable(columns, options, keyColumns, watermarkColumn, watermarkExpression, comment,
                inlineSource, name, partitionKeys, materialized);
    }

    /** This table with another watermark ({@code column} null: none). */
    public CatalogTable withWatermark(String column, String expression) {
        return new CatalogTable(columns, options, primaryKey, column, expression, comment, inlineSource,
                primaryKeyName, partitionKeys, materialized);
    }

    /**
     * A copy whose rows come from {@code source} (a table converted from a DataStream) instead of a connector; its
     * columns, watermark and key stay, and the source produces {@link #sourceRowType()} itself.
     */
    public CatalogTable withInlineSource(ScanTableSource source) {
        return new CatalogTable(columns, options, primaryKey, watermarkColumn, watermarkExpression, comment, source,
                primaryKeyName, partitionKeys, materialized);
    }

    /** This table with other partition keys. */
    public CatalogTable withPartitionKeys(List<String> keys) {
        return new CatalogTable(columns, options, primaryKey, watermarkColumn, watermarkExpression, comment,
                inlineSource, primaryKeyName, keys, materialized);
    }

    /** The definition of a materialized table (its query, freshness and refresh pipeline), or null for a table. */
    public MaterializedTableDefinition materialized() {
        return materialized;
    }

    /** Whether this is a materialized table. */
    public boolean isMaterialized() {
        return materialized != null;
    }

    /** This table as a materialized table of {@code definition} (null: a plain table). */
    public CatalogTable withMaterialized(MaterializedTableDefinition definition) {
        return new CatalogTable(columns, options, primaryKey, watermarkColumn, watermarkExpression, comment,
                inlineSource, primaryKeyName, partitionKeys, definition);
    }

    /** The metadata columns, in declaration order. */
    public List<CatalogColumn> metadataColumns() {
        List<CatalogColumn> result = new ArrayList<>();
        for (CatalogColumn c : columns) {
            if (c.isMetadata()) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * The columns a scan of the table produces: the physical columns followed by the metadata columns (which the
     * connector appends, see {@code SupportsReadingMetadata}), each in declaration order.
     */
    public RowType sourceRowType() {
        RowType physical = physicalRowType();
        List<String> names = new ArrayList<>(physical.names());
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            types.add(physical.type(i));
        }
        for (CatalogColumn c : metadataColumns()) {
            names.add(c.name());
            types.add(c.type());
        }
        return new RowType(names, types);
    }

    /** The metadata columns an INSERT writes (not {@code VIRTUAL}), in declaration order. */
    public List<CatalogColumn> persistedMetadataColumns() {
        List<CatalogColumn> result = new ArrayList<>();
        for (CatalogColumn c : columns) {
            if (c.isMetadata() && !c.isVirtual()) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * The rows an INSERT hands to the sink: the physical columns followed by the persisted metadata columns
     * ({@link #persistedMetadataColumns()}), each in declaration order.
     */
    public RowType sinkRowType() {
        RowType physical = physicalRowType();
        List<String> names = new ArrayList<>(physical.names());
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            types.add(physical.type(i));
        }
        for (CatalogColumn c : persistedMetadataColumns()) {
            names.add(c.name());
            types.add(c.type());
        }
        return new RowType(names, types);
    }

    /** The names of the columns an INSERT without a column list fills: physical and persisted metadata, as declared. */
    public List<String> persistedColumnNames() {
        List<String> names = new ArrayList<>();
        for (CatalogColumn c : columns) {
            if (c.isPhysical() || c.isMetadata() && !c.isVirtual()) {
                names.add(c.name());
            }
        }
        return names;
    }

    /**
     * Fails when an INSERT cannot write the table: a non-virtual metadata column would have to be written, and no
     * connector supports writing metadata yet.
     */
    public void checkWritable(String tableName) {
        for (CatalogColumn c : columns) {
            if (c.isMetadata() && !c.isVirtual()) {
                throw new io.sluice.table.api.ValidationException("Table " + tableName + " declares the persisted"
                        + " metadata column '" + c.name() + "', but its connector '" + options.get("connector")
                        + "' cannot write metadata. If the column should not be persisted, declare it with the VIRTUAL"
                        + " keyword.");
            }
        }
    }
}
