package io.sluice.planner.catalog;

import io.sluice.runtime.util.NameSuggestions;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The catalogs of a session: catalogs hold databases, databases hold tables and views. Starts with
 * {@code default_catalog.default_database}, in memory. Each catalog is a {@link Catalog} implementation
 * (in memory, or file-backed {@link SluiceCatalog}); this class checks names and existence and produces the
 * error messages, the catalogs only store. Temporary objects live here, beside permanent ones, shadow them,
 * and never reach a catalog. Not thread-safe (one per session).
 */
public final class CatalogManager {
    public static final String DEFAULT_CATALOG = "default_catalog";
    public static final String DEFAULT_DATABASE = "default_database";

    private final Map<String, Catalog> catalogs;
    private final Map<String, CatalogDescriptor> descriptors;
    private final Map<ObjectIdentifier, Object> temporaryObjects = new LinkedHashMap<>();
    private String currentCatalog = DEFAULT_CATALOG;
    private String currentDatabase = DEFAULT_DATABASE;

    public CatalogManager() {
        this.catalogs = new LinkedHashMap<>();
        this.descriptors = new LinkedHashMap<>();
        catalogs.put(DEFAULT_CATALOG, new InMemoryCatalog(DEFAULT_DATABASE));
        descriptors.put(DEFAULT_CATALOG, new CatalogDescriptor(Map.of(CatalogFactory.TYPE, "generic_in_memory",
                CatalogFactory.DEFAULT_DATABASE, DEFAULT_DATABASE), null));
    }

    private CatalogManager(Map<String, Catalog> sharedCatalogs, Map<String, CatalogDescriptor> sharedDescriptors) {
        this.catalogs = sharedCatalogs;
        this.descriptors = sharedDescriptors;
    }

    /**
     * A manager for another session that shares this one's catalogs (creating or dropping a catalog, database or
     * permanent object is seen by both) but has its own temporary objects and its own current catalog and
     * database (starting at {@code default_catalog.default_database}). Callers that use the sharing managers from
     * several threads serialize their calls.
     */
    public CatalogManager newSessionSharingCatalogs() {
        return new CatalogManager(catalogs, descriptors);
    }

    public String currentCatalog() {
        return currentCatalog;
    }

    public String currentDatabase() {
        return currentDatabase;
    }

    public void setCurrentCatalog(String catalog) {
        if (!catalogs.containsKey(catalog)) {
            throw new ValidationException("A catalog with name [" + catalog + "] does not exist."
                    + NameSuggestions.didYouMean(catalog, catalogs.keySet()));
        }
        currentCatalog = catalog;
        currentDatabase = catalogs.get(catalog).defaultDatabase();
    }

    public void setCurrentDatabase(String database) {
        if (!catalogs.get(currentCatalog).databaseExists(database)) {
            throw new ValidationException("A database with name [" + database + "] does not exist in the catalog: ["
                    + currentCatalog + "]."
                    + NameSuggestions.didYouMean(database, catalogs.get(currentCatalog).listDatabases()));
        }
        currentDatabase = database;
    }

    public List<String> listCatalogs() {
        return new ArrayList<>(new TreeSet<>(catalogs.keySet()));
    }

    public List<String> listDatabases(String catalog) {
        return catalog(catalog).listDatabases();
    }

    public void createDatabase(String catalog, String database, boolean ignoreIfExists) {
        Catalog cat = catalog(catalog);
        if (cat.databaseExists(database)) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Database " + catalog + "." + database + " already exists.");
        }
        cat.createDatabase(database);
    }

    /** Whether a catalog of this name exists. */
    public boolean hasCatalog(String name) {
        return catalogs.containsKey(name);
    }

    /** Whether this database exists. */
    public boolean hasDatabase(String catalog, String database) {
        return catalogs.containsKey(catalog) && catalogs.get(catalog).databaseExists(database);
    }

    /** Adds an in-memory catalog with an empty {@code default} database (Flink's {@code generic_in_memory}). */
    public void createCatalog(String name, boolean ignoreIfExists) {
        if (catalogs.containsKey(name) && ignoreIfExists) {
            return;
        }
        registerCatalog(name, new InMemoryCatalog("default"), ignoreIfExists);
    }

    /**
     * Adds a catalog under {@code name}. When the name is taken, does nothing if {@code ignoreIfExists}
     * (the given catalog is then closed) and fails otherwise.
     */
    public void registerCatalog(String name, Catalog catalog, boolean ignoreIfExists) {
        if (catalogs.containsKey(name)) {
            catalog.close();
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Catalog " + name + " already exists.");
        }
        catalogs.put(name, catalog);
    }

    /** Records how catalog {@code name} was created ({@code CREATE CATALOG}'s options and comment). */
    public void describeCatalog(String name, CatalogDescriptor descriptor) {
        catalog(name);
        descriptors.put(name, descriptor);
    }

    /** How catalog {@code name} was created; a catalog registered without a description has only its type. */
    public CatalogDescriptor catalogDescriptor(String name) {
        Catalog cat = catalog(name);
        CatalogDescriptor d = descriptors.get(name);
        return d != null ? d : new CatalogDescriptor(Map.of(CatalogFactory.TYPE,
                cat instanceof InMemoryCatalog ? "generic_in_memory" : cat.getClass().getSimpleName()), null);
    }

    /** The catalog of this name, or empty. */
    public Optional<Catalog> getCatalog(String name) {
        return Optional.ofNullable(catalogs.get(name));
    }

    /** Removes a catalog and its temporary objects; the current catalog cannot be dropped. */
    public void dropCatalog(String name, boolean ignoreIfNotExists) {
        if (!catalogs.containsKey(name)) {
            if (ignoreIfNotExists) {
                return;
            }
            throw new ValidationException("Catalog " + name + " does not exist."
                    + NameSuggestions.didYouMean(name, catalogs.keySet()));
        }
        if (name.equals(currentCatalog)) {
            throw new ValidationException("Cannot drop a catalog which is currently in use.");
        }
        catalogs.remove(name).close();
        descriptors.remove(name);
        temporaryObjects.keySet().removeIf(id -> id.catalog().equals(name));
    }

    /**
     * Removes a database; a database that still holds tables or views fails unless {@code cascade}. The current
     * database cannot be dropped.
     */
    public void dropDatabase(String catalog, String database, boolean ignoreIfNotExists, boolean cascade) {
        Catalog cat = catalog(catalog);
        if (!cat.databaseExists(database)) {
            if (ignoreIfNotExists) {
                return;
            }
            throw new ValidationException("Database " + catalog + "." + database + " does not exist."
                    + NameSuggestions.didYouMean(database, cat.listDatabases()));
        }
        if (catalog.equals(currentCatalog) && database.equals(currentDatabase)) {
            throw new ValidationException("Cannot drop a database which is currently in use.");
        }
        int tables = cat.listTables(database).size();
        int functions = cat.listFunctions(database).size();
        if (tables + functions > 0 && !cascade) {
            String what = tables > 0 ? tables + (tables == 1 ? " table or view" : " tables and views")
                    : functions + (functions == 1 ? " function" : " functions");
            throw new ValidationException("Database " + database + " in catalog " + catalog + " is not empty; use"
                    + " DROP DATABASE " + database + " CASCADE to drop it with its " + what + ".");
        }
        cat.dropDatabase(database);
        temporaryObjects.keySet().removeIf(id -> id.catalog().equals(catalog) && id.database().equals(database));
    }

    /**
     * Renames a table or view (ALTER ... RENAME TO). The new name must be in the same catalog and free; a
     * temporary object stays temporary.
     */
    public void renameObject(ObjectIdentifier id, ObjectIdentifier newId) {
        Object object = getObjectOrThrow(id);
        if (!newId.catalog().equals(id.catalog())) {
            throw new ValidationException("The catalog name of the new name must be the same as the old one: "
                    + newId.catalog() + " vs " + id.catalog() + ".");
        }
        boolean temporary = temporaryObjects.containsKey(id);
        if (getObject(newId).isPresent()) {
            String kind = object instanceof CatalogView ? "View" : "Table";
            throw new ValidationException(kind + " " + newId + " already exists.");
        }
        if (temporary) {
            temporaryObjects.remove(id);
            temporaryObjects.put(newId, object);
        } else {
            database(newId);
            database(id).renameTable(id.database(), id.object(), newId.database(), newId.object());
        }
    }

    /** Names of the tables and views of a database (which must exist), temporary ones included, sorted. */
    public List<String> listObjectsOrThrow(String catalog, String database) {
        if (!catalog(catalog).databaseExists(database)) {
            throw new ValidationException("Database " + catalog + "." + database + " does not exist."
                    + NameSuggestions.didYouMean(database, catalog(catalog).listDatabases()));
        }
        return listObjects(catalog, database);
    }

    /** Resolves a name of 1 to 3 parts against the current catalog and database. */
    public ObjectIdentifier qualify(List<String> names) {
        switch (names.size()) {
            case 1:
                return new ObjectIdentifier(currentCatalog, currentDatabase, names.get(0));
            case 2:
                return new ObjectIdentifier(currentCatalog, names.get(0), names.get(1));
            case 3:
                return new ObjectIdentifier(names.get(0), names.get(1), names.get(2));
            default:
                throw new ValidationException("Invalid object name '" + String.join(".", names)
                        + "': expected [catalog.][database.]name");
        }
    }

    /** The table or view with this identifier (temporary objects first). */
    public Optional<Object> getObject(ObjectIdentifier id) {
        Object temp = temporaryObjects.get(id);
        if (temp != null) {
            return Optional.of(temp);
        }
        Catalog cat = catalogs.get(id.catalog());
        if (cat == null || !cat.databaseExists(id.database())) {
            return Optional.empty();
        }
        return Optional.ofNullable(cat.getTable(id.database(), id.object()).orElse(null));
    }

    /** Like {@link #getObject} but fails with the nearest existing names. */
    public Object getObjectOrThrow(ObjectIdentifier id) {
        return getObject(id).orElseThrow(() -> new ValidationException("Table or view " + id
                + " does not exist." + NameSuggestions.didYouMean(id.object(), listObjects(id.catalog(), id.database()))));
    }

    /** Whether the catalog holds a (permanent) table or view with this identifier, whatever temporary one hides it. */
    public boolean permanentExists(ObjectIdentifier id) {
        Catalog cat = catalogs.get(id.catalog());
        return cat != null && cat.databaseExists(id.database()) && cat.getTable(id.database(), id.object()).isPresent();
    }

    public boolean isTemporary(ObjectIdentifier id) {
        return temporaryObjects.containsKey(id);
    }

    /** Adds a table or view. */
    public void createObject(ObjectIdentifier id, Object tableOrView, boolean ignoreIfExists, boolean temporary) {
        boolean exists = temporary ? temporaryObjects.containsKey(id)
                : database(id).getTable(id.database(), id.object()).isPresent();
        if (exists) {
            if (ignoreIfExists) {
                return;
            }
            // Flink's wording: a temporary view is a "temporary table" there too
            throw new ValidationException(temporary
                    ? "Temporary table '" + id.asSerializableString() + "' already exists"
                    : "Table (or view) " + id.database() + "." + id.object() + " already exists in Catalog "
                            + id.catalog() + ".");
        }
        if (temporary) {
            temporaryObjects.put(id, tableOrView);
        } else {
            database(id).createTable(id.database(), id.object(), (CatalogBaseTable) tableOrView);
        }
    }

    /** Replaces an existing table or view (ALTER). */
    public void alterObject(ObjectIdentifier id, Object tableOrView) {
        if (temporaryObjects.containsKey(id)) {
            temporaryObjects.put(id, tableOrView);
        } else {
            getObjectOrThrow(id);
            database(id).alterTable(id.database(), id.object(), (CatalogBaseTable) tableOrView);
        }
    }

    /**
     * Removes a table or view; {@code view} selects which kind may be dropped.
     *
     * @return whether something was dropped
     */
    public boolean dropObject(ObjectIdentifier id, boolean view, boolean ignoreIfNotExists) {
        Object existing = getObject(id).orElse(null);
        if (existing == null || (existing instanceof CatalogView) != view) {
            if (ignoreIfNotExists) {
                return false;
            }
            String kind = view ? "View" : "Table";
            if (existing != null) {
                throw new ValidationException(id + " is a " + (view ? "table" : "view") + ", not a "
                        + kind.toLowerCase() + "; use DROP " + (view ? "TABLE" : "VIEW") + ".");
            }
            throw new ValidationException(kind + " with identifier '" + id + "' does not exist."
                    + NameSuggestions.didYouMean(id.object(), listObjects(id.catalog(), id.database())));
        }
        if (temporaryObjects.remove(id) == null) {
            database(id).dropTable(id.database(), id.object());
        }
        return true;
    }

    /** Names of the tables and views of a database, temporary ones included, sorted. */
    public List<String> listObjects(String catalog, String database) {
        TreeSet<String> names = new TreeSet<>();
        Catalog cat = catalogs.get(catalog);
        if (cat != null && cat.databaseExists(database)) {
            names.addAll(cat.listTables(database));
        }
        for (ObjectIdentifier id : temporaryObjects.keySet()) {
            if (id.catalog().equals(catalog) && id.database().equals(database)) {
                names.add(id.object());
            }
        }
        return new ArrayList<>(names);
    }

    /** Names of the views of a database, sorted. */
    public List<String> listViews(String catalog, String database) {
        List<String> views = new ArrayList<>();
        for (String name : listObjects(catalog, database)) {
            if (getObject(new ObjectIdentifier(catalog, database, name)).orElse(null) instanceof CatalogView) {
                views.add(name);
            }
        }
        return views;
    }

    private Catalog catalog(String name) {
        Catalog cat = catalogs.get(name);
        if (cat == null) {
            throw new ValidationException("Catalog " + name + " does not exist."
                    + NameSuggestions.didYouMean(name, catalogs.keySet()));
        }
        return cat;
    }

    /** The catalog of {@code id} after checking that its database exists. */
    private Catalog database(ObjectIdentifier id) {
        Catalog cat = catalog(id.catalog());
        if (!cat.databaseExists(id.database())) {
            throw new ValidationException("Database " + id.catalog() + "." + id.database() + " does not exist.");
        }
        return cat;
    }
}
