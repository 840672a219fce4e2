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
 * primary key, watermark and comment. A table created from Java values ({@code fromValues}) carries
 * its source directly instead of options.
 */
public final class CatalogTable {
    private final List<CatalogColumn> columns;
    private final Map<String, String> options;
    private final List<String> primaryKey;
    private final String watermarkColumn;
    private final String watermarkExpression;
    private final String comment;
    private final ScanTableSource inlineSource;

    public CatalogTable(List<CatalogColumn> columns, Map<String, String> options, List<String> primaryKey,
            String watermarkColumn, String watermarkExpression, String comment) {
        this(columns, options, primaryKey, watermarkColumn, watermarkExpression, comment, null);
    }

    private CatalogTable(List<CatalogColumn> columns, Map<String, String> options, List<String> primaryKey,
            String watermarkColumn, String watermarkExpression, String comment, ScanTableSource inlineSource) {
        this.columns = List.copyOf(columns);
        this.options = new LinkedHashMap<>(options);
        this.primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        this.watermarkColumn = watermarkColumn;
        this.watermarkExpression = watermarkExpression;
        this.comment = comment;
        this.inlineSource = inlineSource;
    }

    /** A table whose rows come from {@code source} (no connector options). */
    public static CatalogTable ofSource(RowType type, ScanTableSource source) {
        List<CatalogColumn> cols = new ArrayList<>();
        for (int i = 0; i < type.size(); i++) {
            cols.add(CatalogColumn.physical(type.name(i), type.type(i)));
        }
        return new CatalogTable(cols, Map.of(), null, null, null, null, source);
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

    public CatalogTable withOptions(Map<String, String> newOptions) {
        return new CatalogTable(columns, newOptions, primaryKey, watermarkColumn, watermarkExpression, comment,
                inlineSource);
    }
}
