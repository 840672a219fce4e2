package io.sluice.planner.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A catalog kept in the session's memory (Flink's {@code generic_in_memory}): everything is lost when the
 * session ends. Starts with one empty default database.
 */
public final class InMemoryCatalog implements Catalog {
    /** The objects of one database. */
    private static final class Database {
        final Map<String, CatalogBaseTable> tables = new LinkedHashMap<>();
        final Map<String, CatalogFunction> functions = new LinkedHashMap<>();
        Map<String, String> properties = Map.of();
    }

    private final String defaultDatabase;
    private final Map<String, Database> databases = new LinkedHashMap<>();

    /** A catalog with the empty database {@code defaultDatabase}. */
    public InMemoryCatalog(String defaultDatabase) {
        this.defaultDatabase = defaultDatabase;
        databases.put(defaultDatabase, new Database());
    }

    /**
     * The configured default database while it exists; otherwise the oldest remaining one, so USE CATALOG
     * still lands somewhere after the default was dropped.
     */
    @Override
    public String defaultDatabase() {
        if (databases.containsKey(defaultDatabase) || databases.isEmpty()) {
            return defaultDatabase;
        }
        return databases.keySet().iterator().next();
    }

    @Override
    public List<String> listDatabases() {
        return new ArrayList<>(new TreeSet<>(databases.keySet()));
    }

    @Override
    public boolean databaseExists(String database) {
        return databases.containsKey(database);
    }

    @Override
    public void createDatabase(String database) {
        databases.put(database, new Database());
    }

    @Override
    public Map<String, String> databaseProperties(String database) {
        return db(database).properties;
    }

    @Override
    public void setDatabaseProperties(String database, Map<String, String> properties) {
        db(database).properties = Map.copyOf(properties);
    }

    @Override
    public void dropDatabase(String database) {
        databases.remove(database);
    }

    @Override
    public List<String> listTables(String database) {
        return new ArrayList<>(new TreeSet<>(db(database).tables.keySet()));
    }

    @Override
    public Optional<CatalogBaseTable> getTable(String database, String name) {
        Database db = databases.get(database);
        return db == null ? Optional.empty() : Optional.ofNullable(db.tables.get(name));
    }

    @Override
    public void createTable(String database, String name, CatalogBaseTable table) {
        db(database).tables.put(name, table);
    }

    @Override
    public void alterTable(String database, String name, CatalogBaseTable table) {
        db(database).tables.put(name, table);
    }

    @Override
    public void dropTable(String database, String name) {
        db(database).tables.remove(name);
    }

    @Override
    public void renameTable(String database, String name, String newDatabase, String newName) {
        CatalogBaseTable table = db(database).tables.remove(name);
        db(newDatabase).tables.put(newName, table);
    }

    @Override
    public List<String> listFunctions(String database) {
        return new ArrayList<>(new TreeSet<>(db(database).functions.keySet()));
    }

    @Override
    public Optional<CatalogFunction> getFunction(String database, String name) {
        Database db = databases.get(database);
        return db == null ? Optional.empty() : Optional.ofNullable(db.functions.get(name));
    }

    @Override
    public void createFunction(String database, String name, CatalogFunction function) {
        db(database).functions.put(name, function);
    }

    @Override
    public void dropFunction(String database, String name) {
        db(database).functions.remove(name);
    }

    @Override
    public boolean isPersistent() {
        return false;
    }

    private Database db(String database) {
        Database db = databases.get(database);
        if (db == null) {
            throw new CatalogException("Database " + database + " does not exist.");
        }
        return db;
    }
}
