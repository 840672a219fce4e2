package io.sluice.planner.catalog;

import io.sluice.runtime.connector.ExternalCatalog;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Presents an {@link ExternalCatalog} (from a {@link io.sluice.runtime.connector.ExternalCatalogFactory}) as a
 * {@link Catalog}: its tables are connector tables with the external catalog's columns, primary key and
 * options. Read-only: creating, changing or dropping objects fails with "not supported yet".
 */
final class ExternalCatalogAdapter implements Catalog {
    private final String name;
    private final String type;
    private final ExternalCatalog external;

    ExternalCatalogAdapter(String name, String type, ExternalCatalog external) {
        this.name = name;
        this.type = type;
        this.external = external;
    }

    @Override
    public String defaultDatabase() {
        return external.defaultDatabase();
    }

    @Override
    public List<String> listDatabases() {
        return external.listDatabases();
    }

    @Override
    public boolean databaseExists(String database) {
        return external.listDatabases().contains(database);
    }

    @Override
    public List<String> listTables(String database) {
        return external.listTables(database);
    }

    @Override
    public Optional<CatalogBaseTable> getTable(String database, String table) {
        return external.getTable(database, table).map(t -> {
            List<CatalogColumn> columns = new ArrayList<>();
            for (int i = 0; i < t.physicalRowType().size(); i++) {
                columns.add(CatalogColumn.physical(t.physicalRowType().name(i), t.physicalRowType().type(i)));
            }
            return new CatalogTable(columns, t.options(), t.primaryKey(), null, null, null);
        });
    }

    private UnsupportedFeatureException readOnly(String what) {
        return new UnsupportedFeatureException(what + " in catalog " + name + " of type '" + type
                + "' (it is read-only)");
    }

    @Override
    public void createDatabase(String database) {
        throw readOnly("creating a database");
    }

    @Override
    public void dropDatabase(String database) {
        throw readOnly("dropping a database");
    }

    @Override
    public void createTable(String database, String table, CatalogBaseTable object) {
        throw readOnly("creating a table or view");
    }

    @Override
    public void alterTable(String database, String table, CatalogBaseTable object) {
        throw readOnly("altering a table or view");
    }

    @Override
    public void dropTable(String database, String table) {
        throw readOnly("dropping a table or view");
    }

    @Override
    public void renameTable(String database, String table, String newDatabase, String newName) {
        throw readOnly("renaming a table or view");
    }

    @Override
    public List<String> listFunctions(String database) {
        return List.of();
    }

    @Override
    public Optional<CatalogFunction> getFunction(String database, String function) {
        return Optional.empty();
    }

    @Override
    public void createFunction(String database, String function, CatalogFunction object) {
        throw readOnly("creating a function");
    }

    @Override
    public void dropFunction(String database, String function) {
        throw readOnly("dropping a function");
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    @Override
    public void close() {
        external.close();
    }
}
