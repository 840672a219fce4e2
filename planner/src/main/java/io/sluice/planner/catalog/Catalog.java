package io.sluice.planner.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage for the permanent objects of one catalog: databases, and in each database tables and views (one
 * namespace) and functions (another namespace, names in lower case). Implementations only store and fetch;
 * {@link CatalogManager} checks existence, produces Flink's error messages, and keeps temporary objects, which
 * never reach a catalog.
 *
 * <p>Contract for callers: a method that names a database is called only after {@link #databaseExists}
 * answered true; {@code create*} is called only when the name is free and {@code drop*}, {@code alter*} and
 * {@code rename*} only when the object exists. Implementations may still fail with {@link CatalogException}
 * when their storage fails. Implementations need not be thread-safe; a persistent catalog may be shared by
 * several sessions through its storage, each session seeing the others' committed changes on its next read.
 */
public interface Catalog {
    /** The database {@code USE CATALOG} switches to. */
    String defaultDatabase();

    /** Database names, sorted. */
    List<String> listDatabases();

    boolean databaseExists(String database);

    void createDatabase(String database);

    /** Drops a database with everything in it (the manager checked emptiness unless CASCADE). */
    void dropDatabase(String database);

    /** Names of the tables and views of a database, sorted. */
    List<String> listTables(String database);

    /** The table or view of that name, or empty. */
    Optional<CatalogBaseTable> getTable(String database, String name);

    void createTable(String database, String name, CatalogBaseTable table);

    /** Replaces an existing table or view. */
    void alterTable(String database, String name, CatalogBaseTable table);

    void dropTable(String database, String name);

    /** Moves a table or view to a free name, possibly in another database of this catalog. */
    void renameTable(String database, String name, String newDatabase, String newName);

    /** Names of the functions of a database, lower case, sorted. */
    List<String> listFunctions(String database);

    /** The function of that (lower-case) name, or empty. */
    Optional<CatalogFunction> getFunction(String database, String name);

    void createFunction(String database, String name, CatalogFunction function);

    void dropFunction(String database, String name);

    /** Whether objects outlive the session (a new session over the same storage sees them). */
    boolean isPersistent();

    /** The properties of a database ({@code CREATE DATABASE ... WITH}, {@code ALTER DATABASE ... SET}). */
    default Map<String, String> databaseProperties(String database) {
        return Map.of();
    }

    /** Replaces the properties of an existing database. */
    default void setDatabaseProperties(String database, Map<String, String> properties) {
        throw new io.sluice.table.api.UnsupportedFeatureException("database properties in a catalog of type "
                + getClass().getSimpleName());
    }

    /**
     * Names of the procedures in a database, for {@code SHOW PROCEDURES}, as Flink's {@code Catalog#listProcedures}
     * (none by default).
     */
    default List<String> listProcedures(String database) {
        return List.of();
    }

    /** The procedure {@code database.name}, for {@code CALL}, as Flink's {@code Catalog#getProcedure}. */
    default Optional<io.sluice.table.procedures.Procedure> getProcedure(String database, String name) {
        return Optional.empty();
    }

    /** Releases resources; called when the catalog is dropped. */
    default void close() {
    }
}
