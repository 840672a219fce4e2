package io.sluice.runtime.connector;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.util.Map;

/** What a factory knows about the table it creates a source or sink for. */
public final class TableContext {
    private final String tableName;
    private final RowType physicalRowType;
    private final Map<String, String> options;
    private final Configuration sessionConfig;
    private final java.util.List<String> partitionKeys;
    private final java.util.List<String> primaryKey;

    public TableContext(String tableName, RowType physicalRowType, Map<String, String> options,
            Configuration sessionConfig) {
        this(tableName, physicalRowType, options, sessionConfig, java.util.List.of());
    }

    /** A context of a table declared with {@code PARTITIONED BY (partitionKeys)} (empty: not partitioned). */
    public TableContext(String tableName, RowType physicalRowType, Map<String, String> options,
            Configuration sessionConfig, java.util.List<String> partitionKeys) {
        this(tableName, physicalRowType, options, sessionConfig, partitionKeys, java.util.List.of());
    }

    /**
     * A context of a table declared with {@code PARTITIONED BY (partitionKeys)} and
     * {@code PRIMARY KEY (primaryKey) NOT ENFORCED} (each empty when not declared).
     */
    public TableContext(String tableName, RowType physicalRowType, Map<String, String> options,
            Configuration sessionConfig, java.util.List<String> partitionKeys, java.util.List<String> primaryKey) {
        this.primaryKey = java.util.List.copyOf(primaryKey);
        this.tableName = tableName;
        this.physicalRowType = physicalRowType;
        this.options = Map.copyOf(options);
        this.sessionConfig = sessionConfig;
        this.partitionKeys = java.util.List.copyOf(partitionKeys);
    }

    /** Fully qualified name, e.g. {@code default_catalog.default_database.orders}. */
    public String tableName() {
        return tableName;
    }

    /** The table's physical columns (computed and metadata columns excluded). */
    public RowType physicalRowType() {
        return physicalRowType;
    }

    /** The {@code PARTITIONED BY} columns in declaration order (physical columns); empty when not partitioned. */
    public java.util.List<String> partitionKeys() {
        return partitionKeys;
    }

    /** The {@code PRIMARY KEY} columns in declaration order; empty when the table declares none. */
    public java.util.List<String> primaryKey() {
        return primaryKey;
    }

    /** The {@code WITH} options exactly as written. */
    public Map<String, String> options() {
        return options;
    }

    public Configuration sessionConfig() {
        return sessionConfig;
    }

    /** The option's value parsed to its type, or its default. */
    public <T> T get(ConfigOption<T> option) {
        return get(option, "");
    }

    /** Like {@link #get(ConfigOption)} for an option written with {@code prefix} (e.g. {@code "csv."}). */
    public <T> T get(ConfigOption<T> option, String prefix) {
        String raw = options.get(prefix + option.key());
        if (raw == null) {
            return option.defaultValue();
        }
        try {
            return option.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid value for option '" + prefix + option.key() + "' of table "
                    + tableName + ": " + e.getMessage());
        }
    }
}
