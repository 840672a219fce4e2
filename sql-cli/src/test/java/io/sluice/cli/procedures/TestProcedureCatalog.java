package io.sluice.cli.procedures;

import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogBaseTable;
import io.sluice.planner.catalog.CatalogFunction;
import io.sluice.planner.catalog.InMemoryCatalog;
import io.sluice.table.api.ValidationException;
import io.sluice.table.procedures.Procedure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory catalog with procedures in database {@code system} (which a script creates like any other database;
 * CALL finds the procedures before it exists): {@code generate_n(n)} (the numbers 0 to n - 1),
 * {@code generate_user(name, age)} (one row of a class with public fields), {@code describe_args(a, b, c)} (named and
 * optional arguments), {@code pairs(n)} (rows typed by a ROW output hint) and {@code config_value(key)} (the
 * session's configuration).
 */
final class TestProcedureCatalog implements Catalog {
    static final String DATABASE = "system";
    private static final Map<String, Procedure> PROCEDURES = Map.of(
            "generate_n", new TestProcedures.GenerateSequence(),
            "generate_user", new TestProcedures.GenerateUser(),
            "describe_args", new TestProcedures.DescribeArgs(),
            "pairs", new TestProcedures.Pairs(),
            "config_value", new TestProcedures.ConfigValue());

    private final InMemoryCatalog tables = new InMemoryCatalog("default");

    @Override
    public List<String> listProcedures(String database) {
        if (!databaseExists(database)) {
            throw new ValidationException("Database " + database + " does not exist in Catalog"
                    + " test_procedure_catalog.");
        }
        return database.equals(DATABASE) ? new ArrayList<>(PROCEDURES.keySet()) : List.of();
    }

    @Override
    public Optional<Procedure> getProcedure(String database, String name) {
        return database.equals(DATABASE) ? Optional.ofNullable(PROCEDURES.get(name)) : Optional.empty();
    }

    // ---------------------------------------------------------------- the rest: an in-memory catalog

    @Override
    public String defaultDatabase() {
        return tables.defaultDatabase();
    }

    @Override
    public List<String> listDatabases() {
        return tables.listDatabases();
    }

    @Override
    public boolean databaseExists(String database) {
        return tables.databaseExists(database);
    }

    @Override
    public void createDatabase(String database) {
        tables.createDatabase(database);
    }

    @Override
    public void dropDatabase(String database) {
        tables.dropDatabase(database);
    }

    @Override
    public List<String> listTables(String database) {
        return tables.listTables(database);
    }

    @Override
    public Optional<CatalogBaseTable> getTable(String database, String name) {
        return tables.getTable(database, name);
    }

    @Override
    public void createTable(String database, String name, CatalogBaseTable table) {
        tables.createTable(database, name, table);
    }

    @Override
    public void alterTable(String database, String name, CatalogBaseTable table) {
        tables.alterTable(database, name, table);
    }

    @Override
    public void dropTable(String database, String name) {
        tables.dropTable(database, name);
    }

    @Override
    public void renameTable(String database, String name, String newDatabase, String newName) {
        tables.renameTable(database, name, newDatabase, newName);
    }

    @Override
    public List<String> listFunctions(String database) {
        return tables.listFunctions(database);
    }

    @Override
    public Optional<CatalogFunction> getFunction(String database, String name) {
        return tables.getFunction(database, name);
    }

    @Override
    public void createFunction(String database, String name, CatalogFunction function) {
        tables.createFunction(database, name, function);
    }

    @Override
    public void dropFunction(String database, String name) {
        tables.dropFunction(database, name);
    }

    @Override
    public boolean isPersistent() {
        return false;
    }
}
