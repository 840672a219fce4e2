package io.sluice.table.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.planner.catalog.CatalogException;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.SluiceCatalog;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sluice} catalog: objects created in one session are read back by a new session over the same
 * directory (every table property, views, functions), temporary objects are never written, and broken files
 * are reported by name.
 */
class PersistentCatalogTest {
    @TempDir
    Path tmp;
    private Path catalogDir;
    private Path csv;

    @BeforeEach
    void data() throws Exception {
        catalogDir = tmp.resolve("catalog");
        csv = tmp.resolve("orders.csv");
        Files.writeString(csv, "1,alice,10,2024-01-01 10:00:00\n2,bob,20,2024-01-01 10:00:01\n3,alice,5,2024-01-01 10:00:02\n");
    }

    private TableEnvironment session() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE CATALOG c WITH ('type' = 'sluice', 'path' = '" + catalogDir + "')");
        env.executeSql("USE CATALOG c");
        return env;
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        }
        return out;
    }

    private void createObjects(TableEnvironment a) {
        a.executeSql("CREATE TABLE orders (id INT NOT NULL, name STRING COMMENT 'who', amount INT,"
                + " doubled AS amount * 2, ts TIMESTAMP(3),"
                + " CONSTRAINT orders_pk PRIMARY KEY (id) NOT ENFORCED,"
                + " WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) COMMENT 'all orders'"
                + " WITH ('connector' = 'filesystem', 'path' = '" + csv + "', 'format' = 'csv')");
        a.executeSql("CREATE TABLE parted (k STRING, v DECIMAL(10, 2), src STRING METADATA FROM 'file.path' VIRTUAL)"
                + " PARTITIONED BY (k) WITH ('connector' = 'filesystem', 'path' = '" + tmp + "/p', 'format' = 'csv')");
        a.executeSql("CREATE FUNCTION plus AS 'io.sluice.table.udf.ScalarUdfs$Plus' LANGUAGE JAVA");
        a.executeSql("CREATE VIEW totals (who, total) COMMENT 'per name' AS"
                + " SELECT name, plus(SUM(amount), 0) FROM orders GROUP BY name");
    }

    @Test
    void newSessionSeesTablesViewsAndFunctions() throws Exception {
        TableEnvironment a = session();
        createObjects(a);
        List<String> expected = List.of("+I[alice, 15]", "+I[bob, 20]");
        assertEquals(expected, rows(a, "SELECT * FROM totals ORDER BY who"));

        TableEnvironment b = session();
        assertEquals(expected, rows(b, "SELECT * FROM totals ORDER BY who"));
        assertEquals(List.of("+I[11]"), rows(b, "SELECT plus(id, 10) FROM orders WHERE id = 1"));
        for (String show : List.of("SHOW CREATE TABLE orders", "SHOW CREATE TABLE parted", "SHOW CREATE VIEW totals",
                "DESCRIBE orders", "DESCRIBE parted", "DESCRIBE totals", "SHOW TABLES", "SHOW VIEWS",
                "SHOW USER FUNCTIONS", "SHOW DATABASES")) {
            assertEquals(rows(a, show), rows(b, show), show);
        }
        assertTrue(rows(b, "SHOW CREATE TABLE orders").toString().contains("orders_pk"));
        assertEquals(List.of("+I[orders]", "+I[parted]", "+I[totals]"), rows(b, "SHOW TABLES"));
    }

    @Test
    void catalogIsReachableByQualifiedNamesWithoutUseCatalog() throws Exception {
        createObjects(session());
        TableEnvironment b = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        b.executeSql("CREATE CATALOG IF NOT EXISTS c WITH ('type' = 'sluice', 'path' = '" + catalogDir + "')");
        assertEquals(List.of("+I[2, bob, 20]"),
                rows(b, "SELECT id, name, amount FROM c.`default`.orders WHERE id = 2"));
        assertEquals(List.of("+I[default_catalog]"), rows(b, "SHOW CURRENT CATALOG"));
    }

    @Test
    void changesAndDropsPersist() throws Exception {
        TableEnvironment a = session();
        createObjects(a);
        a.executeSql("CREATE DATABASE sales");
        a.executeSql("ALTER TABLE orders RENAME TO sales.orders2");
        a.executeSql("ALTER TABLE sales.orders2 SET ('csv.ignore-parse-errors' = 'true')");
        a.executeSql("DROP VIEW totals");
        a.executeSql("DROP FUNCTION plus");

        TableEnvironment b = session();
        assertEquals(List.of("+I[parted]"), rows(b, "SHOW TABLES"));
        assertEquals(List.of(), rows(b, "SHOW USER FUNCTIONS"));
        assertEquals(List.of("+I[default]", "+I[sales]"), rows(b, "SHOW DATABASES"));
        assertEquals(rows(a, "SHOW CREATE TABLE sales.orders2"), rows(b, "SHOW CREATE TABLE sales.orders2"));
        assertTrue(rows(b, "SHOW CREATE TABLE sales.orders2").toString().contains("csv.ignore-parse-errors"));

        ValidationException notEmpty = assertThrows(ValidationException.class, () -> b.executeSql("DROP DATABASE sales"));
        assertTrue(notEmpty.getMessage().contains("is not empty"), notEmpty.getMessage());
        b.executeSql("DROP DATABASE sales CASCADE");
        assertEquals(List.of("+I[default]"), rows(session(), "SHOW DATABASES"));
        assertFalse(Files.exists(catalogDir.resolve("sales")));
    }

    @Test
    void temporaryObjectsAreNotPersisted() throws Exception {
        TableEnvironment a = session();
        a.executeSql("CREATE TEMPORARY TABLE tmp_t (x INT) WITH ('connector' = 'filesystem', 'path' = '" + csv
                + "', 'format' = 'csv')");
        a.executeSql("CREATE TEMPORARY VIEW tmp_v AS SELECT 1 AS x");
        a.executeSql("CREATE TEMPORARY FUNCTION tmp_f AS 'io.sluice.table.udf.ScalarUdfs$Plus'");
        assertEquals(List.of("+I[tmp_t]", "+I[tmp_v]"), rows(a, "SHOW TABLES"));
        assertEquals(List.of("+I[tmp_f]"), rows(a, "SHOW USER FUNCTIONS"));

        TableEnvironment b = session();
        assertEquals(List.of(), rows(b, "SHOW TABLES"));
        assertEquals(List.of(), rows(b, "SHOW USER FUNCTIONS"));
        try (Stream<Path> files = Files.walk(catalogDir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().contains("tmp_")).toList());
        }
    }

    @Test
    void namesThatAreNotFileNamesRoundTrip() throws Exception {
        TableEnvironment a = session();
        a.executeSql("CREATE DATABASE `My db`");
        a.executeSql("CREATE VIEW `My db`.`50% off` AS SELECT 42 AS answer");
        TableEnvironment b = session();
        assertEquals(List.of("+I[42]"), rows(b, "SELECT * FROM c.`My db`.`50% off`"));
        assertEquals(List.of("+I[50% off]"), rows(b, "SHOW VIEWS FROM `My db`"));

        SluiceCatalog direct = new SluiceCatalog("c", catalogDir, "default");
        direct.createDatabase("../up");
        direct.createTable("../up", "a.b/c", new CatalogView("SELECT 1", List.of(), null,
                new RowType(List.of("x"), List.of(LogicalType.integer().notNull()))));
        assertEquals(List.of("../up", "My db", "default"), direct.listDatabases());
        assertEquals(List.of("a.b/c"), direct.listTables("../up"));
        CatalogView v = (CatalogView) direct.getTable("../up", "a.b/c").orElseThrow();
        assertEquals("SELECT 1", v.query());
        assertEquals("INT NOT NULL", v.rowType().type(0).toString());
        assertFalse(Files.exists(tmp.resolve("up")));
        try (Stream<Path> files = Files.list(catalogDir)) {
            assertEquals(3, files.count());
        }
    }

    @Test
    void corruptAndUnknownVersionFilesAreNamed() throws Exception {
        TableEnvironment a = session();
        a.executeSql("CREATE VIEW v AS SELECT 1 AS x");
        Path file = catalogDir.resolve("default").resolve("tables").resolve("v.json");
        assertTrue(Files.isRegularFile(file));
        String json = Files.readString(file);
        assertTrue(json.contains("\"format-version\" : 1"), json);

        Files.writeString(file, json.replace("\"format-version\" : 1", "\"format-version\" : 99"));
        CatalogException version = assertThrows(CatalogException.class, () -> session().executeSql("SELECT * FROM v"));
        assertTrue(version.getMessage().contains(file.toString()) && version.getMessage().contains("format version 99"),
                version.getMessage());

        Files.writeString(file, json.substring(0, json.length() / 2), StandardCharsets.UTF_8);
        CatalogException corrupt = assertThrows(CatalogException.class, () -> session().executeSql("SELECT * FROM v"));
        assertTrue(corrupt.getMessage().contains(file.toString()) && corrupt.getMessage().contains("is corrupt"),
                corrupt.getMessage());

        Files.writeString(file, json.replace("\"query\"", "\"no-query\""), StandardCharsets.UTF_8);
        CatalogException missing = assertThrows(CatalogException.class, () -> session().executeSql("SELECT * FROM v"));
        assertTrue(missing.getMessage().contains("missing field \"query\""), missing.getMessage());
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws Exception {
        TableEnvironment a = session();
        createObjects(a);
        a.executeSql("ALTER TABLE orders SET ('csv.ignore-parse-errors' = 'true')");
        try (Stream<Path> files = Files.walk(catalogDir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void catalogOptionsAreChecked() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        UnsupportedFeatureException type = assertThrows(UnsupportedFeatureException.class,
                () -> env.executeSql("CREATE CATALOG h WITH ('type' = 'hive')"));
        assertEquals("not supported yet: catalog type 'hive' (supported: 'generic_in_memory', 'sluice')",
                type.getMessage());
        ValidationException path = assertThrows(ValidationException.class,
                () -> env.executeSql("CREATE CATALOG s WITH ('type' = 'sluice')"));
        assertTrue(path.getMessage().contains("needs a 'path' option"), path.getMessage());
        ValidationException option = assertThrows(ValidationException.class,
                () -> env.executeSql("CREATE CATALOG s WITH ('type' = 'sluice', 'path' = '" + catalogDir
                        + "', 'pth' = 'x')"));
        assertEquals("Unsupported option 'pth' for catalog type 'sluice'; it takes 'type', 'path',"
                + " 'default-database'.", option.getMessage());
        assertFalse(Files.exists(catalogDir));
    }

    @Test
    void defaultDatabaseOptionIsUsedByUseCatalog() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE CATALOG s WITH ('type' = 'sluice', 'path' = '" + catalogDir
                + "', 'default-database' = 'main')");
        env.executeSql("CREATE CATALOG m WITH ('type' = 'generic_in_memory', 'default-database' = 'mem_db')");
        env.executeSql("USE CATALOG s");
        assertEquals(List.of("+I[main]"), rows(env, "SHOW CURRENT DATABASE"));
        env.executeSql("USE CATALOG m");
        assertEquals(List.of("+I[mem_db]"), rows(env, "SHOW CURRENT DATABASE"));
        assertTrue(Files.isRegularFile(catalogDir.resolve("main").resolve("database.json")));
    }

    @Test
    void storageFailureIsACatalogError() throws Exception {
        Files.writeString(catalogDir, "not a directory");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        TableException e = assertThrows(TableException.class,
                () -> env.executeSql("CREATE CATALOG s WITH ('type' = 'sluice', 'path' = '" + catalogDir + "')"));
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }
}
