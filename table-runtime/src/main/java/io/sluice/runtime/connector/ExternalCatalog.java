package io.sluice.runtime.connector;

import java.util.List;
import java.util.Optional;

/**
 * A read-only catalog whose databases and tables live in an external system; the planner presents it like
 * any catalog. Called from the session's thread.
 */
public interface ExternalCatalog extends AutoCloseable {
    /** The database {@code USE CATALOG} switches to. */
    String defaultDatabase();

    /** Database names, sorted. */
    List<String> listDatabases();

    /** Table names of a database, sorted. */
    List<String> listTables(String database);

    /** The table of that name in that database, or empty. */
    Optional<ExternalTable> getTable(String database, String table);

    /** Releases resources; called when the catalog is dropped. */
    @Override
    default void close() {
    }

    /**
     * A table of an external catalog: its physical columns, its primary key (empty when none) and the
     * connector options ({@code 'connector'} included) that read and write it.
     */
    record ExternalTable(io.sluice.runtime.types.RowType physicalRowType, List<String> primaryKey,
            java.util.Map<String, String> options) {
    }
}
