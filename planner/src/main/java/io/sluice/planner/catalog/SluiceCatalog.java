package io.sluice.planner.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A persistent catalog ({@code CREATE CATALOG c WITH ('type' = 'sluice', 'path' = '/dir')}) that keeps its
 * objects as JSON files, so a new session over the same directory sees them:
 *
 * <pre>
 *   /dir/&lt;database&gt;/database.json
 *   /dir/&lt;database&gt;/tables/&lt;table or view&gt;.json
 *   /dir/&lt;database&gt;/functions/&lt;function&gt;.json
 * </pre>
 *
 * <p>Names are encoded by {@link CatalogFileNames}; the documents are described in {@link CatalogJson}. Every
 * write goes to a hidden temporary file in the target directory that is then renamed over the target, so a
 * reader sees the old or the new file, never a partial one. Nothing is cached: every call reads the files,
 * so changes made by other sessions are seen on the next statement. A database is a directory holding
 * {@code database.json}; other files and directories are ignored. Dropping a database first renames its
 * directory away, so a crash never leaves a half-dropped database visible.
 */
public final class SluiceCatalog implements Catalog {
    private static final String DATABASE_FILE = "database.json";
    private static final String TABLES = "tables";
    private static final String FUNCTIONS = "functions";
    private static final String SUFFIX = ".json";

    private final String name;
    private final Path root;
    private final String defaultDatabase;

    /**
     * Opens (creating if needed) the catalog stored under {@code root}; the default database is created when
     * missing.
     *
     * @param name the catalog's name in the session, used in error messages
     */
    public SluiceCatalog(String name, Path root, String defaultDatabase) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.defaultDatabase = defaultDatabase;
        if (Files.exists(this.root) && !Files.isDirectory(this.root)) {
            throw new CatalogException("Catalog " + name + ": path " + this.root + " is not a directory.");
        }
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new CatalogException("Catalog " + name + ": cannot create directory " + this.root + ": " + e, e);
        }
        if (!databaseExists(defaultDatabase)) {
            createDatabase(defaultDatabase);
        }
    }

    /** The catalog's directory. */
    public Path root() {
        return root;
    }

    @Override
    public String defaultDatabase() {
        return defaultDatabase;
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    // ------------------------------------------------------------------ databases

    @Override
    public List<String> listDatabases() {
        List<String> names = new ArrayList<>();
        for (Path dir : list(root)) {
            String db = CatalogFileNames.decode(dir.getFileName().toString());
            if (db != null && Files.isRegularFile(dir.resolve(DATABASE_FILE))) {
                names.add(db);
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public boolean databaseExists(String database) {
        return Files.isRegularFile(databaseDir(database).resolve(DATABASE_FILE));
    }

    @Override
    public void createDatabase(String database) {
        Path dir = databaseDir(database);
        try {
            Files.createDirectories(dir.resolve(TABLES));
            Files.createDirectories(dir.resolve(FUNCTIONS));
        } catch (IOException e) {
            throw new CatalogException("Catalog " + name + ": cannot create directory " + dir + ": " + e, e);
        }
        writeAtomically(dir.resolve(DATABASE_FILE), CatalogJson.database(database));
    }

    @Override
    public void dropDatabase(String database) {
        Path dir = databaseDir(database);
        Path trash = root.resolve(".dropped-" + UUID.randomUUID());
        try {
            Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> files = Files.walk(trash)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new CatalogException("Catalog " + name + ": cannot drop database directory " + dir + ": " + e, e);
        }
    }

    // ------------------------------------------------------------------ tables and views

    @Override
    public List<String> listTables(String database) {
        return listNames(databaseDir(database).resolve(TABLES));
    }

    @Override
    public Optional<CatalogBaseTable> getTable(String database, String table) {
        Path file = tableFile(database, table);
        byte[] bytes = readIfExists(file);
        if (bytes == null) {
            return Optional.empty();
        }
        JsonNode n = CatalogJson.read(bytes, file.toString(), "TABLE", "VIEW");
        return Optional.of(CatalogJson.readTable(n, file.toString()));
    }

    @Override
    public void createTable(String database, String table, CatalogBaseTable object) {
        writeAtomically(tableFile(database, table), CatalogJson.table(table, object));
    }

    @Override
    public void alterTable(String database, String table, CatalogBaseTable object) {
        writeAtomically(tableFile(database, table), CatalogJson.table(table, object));
    }

    @Override
    public void dropTable(String database, String table) {
        delete(tableFile(database, table));
    }

    /** Writes the new file, then deletes the old one: a crash in between leaves a copy, never a loss. */
    @Override
    public void renameTable(String database, String table, String newDatabase, String newName) {
        CatalogBaseTable object = getTable(database, table).orElseThrow(() -> new CatalogException("Catalog "
                + name + ": table " + database + "." + table + " vanished during rename."));
        writeAtomically(tableFile(newDatabase, newName), CatalogJson.table(newName, object));
        delete(tableFile(database, table));
    }

    // ------------------------------------------------------------------ functions

    @Override
    public List<String> listFunctions(String database) {
        return listNames(databaseDir(database).resolve(FUNCTIONS));
    }

    @Override
    public Optional<CatalogFunction> getFunction(String database, String function) {
        Path file = functionFile(database, function);
        byte[] bytes = readIfExists(file);
        if (bytes == null) {
            return Optional.empty();
        }
        JsonNode n = CatalogJson.read(bytes, file.toString(), "FUNCTION");
        return Optional.of(CatalogJson.readFunction(n, file.toString()));
    }

    @Override
    public void createFunction(String database, String function, CatalogFunction definition) {
        writeAtomically(functionFile(database, function), CatalogJson.function(function, definition));
    }

    @Override
    public void dropFunction(String database, String function) {
        delete(functionFile(database, function));
    }

    // ------------------------------------------------------------------ files

    private Path databaseDir(String database) {
        return root.resolve(CatalogFileNames.encode(database));
    }

    private Path tableFile(String database, String table) {
        return databaseDir(database).resolve(TABLES).resolve(CatalogFileNames.encode(table) + SUFFIX);
    }

    private Path functionFile(String database, String function) {
        return databaseDir(database).resolve(FUNCTIONS).resolve(CatalogFileNames.encode(function) + SUFFIX);
    }

    private List<String> listNames(Path dir) {
        List<String> names = new ArrayList<>();
        for (Path p : list(dir)) {
            String file = p.getFileName().toString();
            if (file.endsWith(SUFFIX) && !file.startsWith(".")) {
                String decoded = CatalogFileNames.decode(file.substring(0, file.length() - SUFFIX.length()));
                if (decoded != null) {
                    names.add(decoded);
                }
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new CatalogException("Catalog " + name + ": cannot list directory " + dir + ": " + e, e);
        }
        return entries;
    }

    private byte[] readIfExists(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new CatalogException("Catalog " + name + ": cannot read " + file + ": " + e, e);
        }
    }

    private void writeAtomically(Path target, ObjectNode document) {
        byte[] bytes = CatalogJson.write(document);
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new CatalogException("Catalog " + name + ": cannot write " + target + ": " + e, e);
        }
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CatalogException("Catalog " + name + ": cannot delete " + file + ": " + e, e);
        }
    }
}
