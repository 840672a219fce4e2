package io.sluice.connector.jdbc.dialect;

import io.sluice.runtime.types.LogicalType;
import java.util.List;

/**
 * What differs between databases: the driver, identifier quoting, the upsert statement and the column types
 * the connector can read and write. One implementation per database; {@link JdbcDialects#forUrl} picks it
 * by the URL.
 */
public interface JdbcDialect {
    /** Name of the database, e.g. {@code PostgreSQL}. */
    String name();

    /** Whether this dialect serves the JDBC URL. */
    boolean canHandle(String url);

    /** Class name of the JDBC driver used when the {@code driver} option is not set. */
    String defaultDriverName();

    /** Sets the driver's connection properties that bound how long connecting may take. */
    default void setConnectTimeout(java.util.Properties properties, int seconds) {
    }

    /** The identifier quoted for the database. */
    String quoteIdentifier(String identifier);

    /**
     * The table name for SQL text: each dot-separated part quoted ({@code schema.table} stays a qualified
     * name).
     */
    default String quoteTableName(String tableName) {
        String[] parts = tableName.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(sb.length() == 0 ? "" : ".").append(quoteIdentifier(p));
        }
        return sb.toString();
    }

    /**
     * Throws {@link io.sluice.table.api.UnsupportedFeatureException} naming the column when its type cannot
     * be read or written through this dialect.
     */
    void validateType(String column, LogicalType type);

    /** {@code INSERT INTO t (c1, ...) VALUES (?, ...)}. */
    default String insertStatement(String table, List<String> columns) {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(quoteTableName(table)).append(" (");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quoteIdentifier(columns.get(i)));
            values.append(i == 0 ? "?" : ", ?");
        }
        return sb.append(") VALUES (").append(values).append(')').toString();
    }

    /**
     * A statement inserting a row, or updating the non-key columns of the row with the same key; parameters
     * are {@code columns} in order.
     */
    String upsertStatement(String table, List<String> columns, List<String> keyColumns);

    /** {@code DELETE FROM t WHERE k1 = ? AND ...}; parameters are the key columns in order. */
    default String deleteStatement(String table, List<String> keyColumns) {
        return "DELETE FROM " + quoteTableName(table) + " WHERE " + conjunction(keyColumns);
    }

    /** {@code SELECT c1, ... FROM t} with an optional {@code WHERE} condition. */
    default String selectStatement(String table, List<String> columns, String where) {
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quoteIdentifier(columns.get(i)));
        }
        sb.append(" FROM ").append(quoteTableName(table));
        if (where != null) {
            sb.append(" WHERE ").append(where);
        }
        return sb.toString();
    }

    /** {@code c1 = ? AND c2 = ? ...}. */
    default String conjunction(List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(sb.length() == 0 ? "" : " AND ").append(quoteIdentifier(c)).append(" = ?");
        }
        return sb.toString();
    }
}
