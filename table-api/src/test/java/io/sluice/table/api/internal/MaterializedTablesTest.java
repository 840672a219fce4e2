package io.sluice.table.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.MaterializedTableDefinition;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Materialized tables run in one process: their refresh jobs, what they write, suspend/resume and the errors. */
class MaterializedTablesTest {
    @TempDir
    Path dir;

    private TableEnvironmentImpl streaming() throws Exception {
        Path in = dir.resolve("orders");
        Files.createDirectories(in);
        Files.writeString(in.resolve("part-1.csv"), "1,east,10\n2,west,20\n3,east,5\n", StandardCharsets.UTF_8);
        TableEnvironmentImpl env = new TableEnvironmentImpl(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE orders (id INT, region STRING, amount INT) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    private static List<String> rows(TableEnvironmentImpl env, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static ObjectIdentifier id(String name) {
        return new ObjectIdentifier("default_catalog", "default_database", name);
    }

    private static RefreshPipelines.Pipeline pipeline(TableEnvironmentImpl env, String name) {
        return RefreshPipelines.get(env.catalogs().getCatalog("default_catalog").orElseThrow(), id(name));
    }

    private static MaterializedTableDefinition definition(TableEnvironmentImpl env, String name) {
        return ((CatalogTable) env.catalogs().getObjectOrThrow(id(name))).materialized();
    }

    /** The options of a csv filesystem table in a directory of its own (made now: reading it before the first
     * refresh finds no rows). */
    private String sinkOptions(String name) throws Exception {
        Files.createDirectories(dir.resolve(name));
        return "WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve(name) + "', 'format' = 'csv')";
    }

    @Test
    void aContinuousRefreshJobWritesTheQueryRowsIntoTheTable() throws Exception {
        TableEnvironmentImpl env = streaming();
        env.executeSql("CREATE MATERIALIZED TABLE east_orders " + sinkOptions("east") + " FRESHNESS = INTERVAL '1'"
                + " SECOND AS SELECT id, amount * 2 AS doubled FROM orders WHERE region = 'east'");
        MaterializedTableDefinition d = definition(env, "east_orders");
        assertEquals(MaterializedTableDefinition.RefreshMode.CONTINUOUS, d.refreshMode());
        assertEquals(MaterializedTableDefinition.RefreshStatus.ACTIVATED, d.refreshStatus());
        JobClient job = pipeline(env, "east_orders").job();
        job.getJobExecutionResult().get();
        assertEquals(List.of("+I[1, 20]", "+I[3, 10]"), rows(env, "SELECT * FROM east_orders"));
        assertEquals(List.of("+I[east_orders]"), rows(env, "SHOW MATERIALIZED TABLES"));
        String ddl = rows(env, "SHOW CREATE MATERIALIZED TABLE east_orders").get(0);
        assertTrue(ddl.contains("FRESHNESS = INTERVAL '1' SECOND\nREFRESH_MODE = CONTINUOUS\nAS SELECT `orders`.`id`,"),
                ddl);
        env.executeSql("DROP MATERIALIZED TABLE east_orders");
        assertTrue(env.catalogs().getObject(id("east_orders")).isEmpty());
        assertNull(pipeline(env, "east_orders"));
    }

    @Test
    void aFullRefreshOverwritesTheTableOrOnePartition() throws Exception {
        TableEnvironmentImpl env = streaming();
        env.executeSql("CREATE MATERIALIZED TABLE totals PARTITIONED BY (region) " + sinkOptions("totals")
                + " FRESHNESS = INTERVAL '1' HOUR AS SELECT region, SUM(amount) AS total FROM orders GROUP BY region");
        assertEquals(MaterializedTableDefinition.RefreshMode.FULL, definition(env, "totals").refreshMode());
        assertEquals(List.of(), rows(env, "SELECT * FROM totals")); // the first scheduled refresh is an hour away
        TableResult refresh = env.executeSql("ALTER MATERIALIZED TABLE totals REFRESH");
        assertEquals(List.of("job_id", "cluster_info"), refresh.getResolvedSchema().getColumnNames());
        refresh.await();
        assertEquals(List.of("+I[east, 15]", "+I[west, 20]"), rows(env, "SELECT * FROM totals"));

        Files.writeString(dir.resolve("orders").resolve("part-2.csv"), "4,east,100\n5,west,1\n",
                StandardCharsets.UTF_8);
        env.executeSql("ALTER MATERIALIZED TABLE totals REFRESH PARTITION (region = 'west')").await();
        assertEquals(List.of("+I[east, 15]", "+I[west, 21]"), rows(env, "SELECT * FROM totals"));
        env.executeSql("ALTER MATERIALIZED TABLE totals REFRESH").await();
        assertEquals(List.of("+I[east, 115]", "+I[west, 21]"), rows(env, "SELECT * FROM totals"));

        Exception unknown = assertThrows(Exception.class,
                () -> env.executeSql("ALTER MATERIALIZED TABLE totals REFRESH PARTITION (area = 'x')"));
        assertEquals("The partition spec contains unknown partition keys:\n\narea\n\nAll known partition keys are:"
                + "\n\nregion", unknown.getMessage());
        env.executeSql("ALTER MATERIALIZED TABLE totals SUSPEND");
        assertNull(pipeline(env, "totals"));
        Exception again = assertThrows(Exception.class, () -> env.executeSql("ALTER MATERIALIZED TABLE totals SUSPEND"));
        assertEquals("Materialized table `default_catalog`.`default_database`.`totals` refresh workflow has been"
                + " suspended.", again.getMessage());
        env.executeSql("ALTER MATERIALIZED TABLE totals RESUME");
        assertNotNull(pipeline(env, "totals").schedule());
        env.executeSql("DROP MATERIALIZED TABLE totals");
    }

    @Test
    void aScheduledFullRefreshRunsEveryFreshnessInterval() throws Exception {
        TableEnvironmentImpl env = streaming();
        env.executeSql("CREATE MATERIALIZED TABLE counted " + sinkOptions("counted") + " FRESHNESS = INTERVAL '1'"
                + " SECOND REFRESH_MODE = FULL AS SELECT COUNT(*) AS n FROM orders");
        // waits for the first scheduled refresh (one second after the CREATE) to have written its file
        List<String> rows = List.of();
        for (int i = 0; i < 600 && rows.isEmpty(); i++) {
            Thread.sleep(100);
            rows = rows(env, "SELECT * FROM counted");
        }
        assertEquals(List.of("+I[3]"), rows);
        env.executeSql("DROP MATERIALIZED TABLE counted");
    }

    @Test
    void suspendStopsTheContinuousJobAndResumeStartsItAgain() throws Exception {
        TableEnvironmentImpl env = streaming();
        env.executeSql("CREATE TABLE gen (k INT, v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')");
        env.executeSql("CREATE MATERIALIZED TABLE sums (PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' ="
                + " 'blackhole') AS SELECT k, SUM(v) AS s FROM gen GROUP BY k");
        JobClient first = pipeline(env, "sums").job();
        assertFalse(first.getJobStatus().isTerminal());
        env.executeSql("ALTER MATERIALIZED TABLE sums SUSPEND");
        assertTrue(first.getJobStatus().isTerminal(), first.getJobStatus().toString());
        assertEquals(MaterializedTableDefinition.RefreshStatus.SUSPENDED, definition(env, "sums").refreshStatus());
        assertNull(definition(env, "sums").restorePath()); // no savepoint directory: the job was cancelled
        Exception suspended = assertThrows(Exception.class,
                () -> env.executeSql("ALTER MATERIALIZED TABLE sums SUSPEND"));
        assertEquals("Materialized table `default_catalog`.`default_database`.`sums` continuous refresh job has been"
                + " suspended.", suspended.getMessage());

        env.executeSql("ALTER MATERIALIZED TABLE sums RESUME");
        JobClient second = pipeline(env, "sums").job();
        assertFalse(second.getJobStatus().isTerminal());
        Exception resumed = assertThrows(Exception.class, () -> env.executeSql("ALTER MATERIALIZED TABLE sums RESUME"));
        assertEquals("Materialized table `default_catalog`.`default_database`.`sums` continuous refresh job has been"
                + " resumed, jobId is " + second.getJobID() + ".", resumed.getMessage());

        env.executeSql("SET 'execution.checkpointing.savepoint-dir' = '" + dir.resolve("savepoints") + "'");
        env.executeSql("ALTER MATERIALIZED TABLE sums SUSPEND");
        String savepoint = definition(env, "sums").restorePath();
        assertNotNull(savepoint);
        assertTrue(Files.isDirectory(Path.of(savepoint)), savepoint);
        env.executeSql("ALTER MATERIALIZED TABLE sums RESUME");
        JobClient third = pipeline(env, "sums").job();
        assertFalse(third.getJobStatus().isTerminal());
        assertNull(definition(env, "sums").restorePath());

        String ddl = rows(env, "SHOW CREATE MATERIALIZED TABLE sums").get(0);
        assertTrue(ddl.startsWith("+I[CREATE MATERIALIZED TABLE `default_catalog`.`default_database`.`sums` (\n"
                + "  CONSTRAINT `PK_k` PRIMARY KEY (`k`) NOT ENFORCED\n)\nWITH (\n  'connector' = 'blackhole'\n)\n"
                + "FRESHNESS = INTERVAL '3' MINUTE\nREFRESH_MODE = CONTINUOUS\n"), ddl);
        env.executeSql("ALTER MATERIALIZED TABLE sums AS SELECT k, SUM(v) AS s, COUNT(*) AS c FROM gen GROUP BY k");
        JobClient fourth = pipeline(env, "sums").job();
        assertTrue(third.getJobStatus().isTerminal());
        assertFalse(fourth.getJobStatus().isTerminal());
        assertEquals(List.of("k", "s", "c"),
                ((CatalogTable) env.catalogs().getObjectOrThrow(id("sums"))).columnNames());
        Exception dropped = assertThrows(Exception.class,
                () -> env.executeSql("ALTER MATERIALIZED TABLE sums AS SELECT k FROM gen"));
        assertTrue(dropped.getMessage().startsWith("Failed to modify query because drop column is unsupported."),
                dropped.getMessage());
        env.executeSql("DROP MATERIALIZED TABLE sums");
        assertTrue(fourth.getJobStatus().isTerminal());
    }

    @Test
    void statementsAreCheckedAsFlinkChecksThem() throws Exception {
        TableEnvironmentImpl env = streaming();
        assertEquals("Materialized table freshness doesn't support negative value.", error(env,
                "CREATE MATERIALIZED TABLE m FRESHNESS = INTERVAL '-1' SECOND AS SELECT id FROM orders"));
        assertEquals("Materialized table freshness only support SECOND, MINUTE, HOUR, DAY as the time unit.",
                error(env, "CREATE MATERIALIZED TABLE m FRESHNESS = INTERVAL '1' MONTH AS SELECT id FROM orders"));
        assertEquals("In full refresh mode, only freshness that are factors of 24 are currently supported when the"
                + " time unit is HOUR.", error(env, "CREATE MATERIALIZED TABLE m FRESHNESS = INTERVAL '5' HOUR AS"
                + " SELECT id FROM orders"));
        assertEquals("Partition column 'ds' not defined in the query's schema. Available columns: ['id', 'region'].",
                error(env, "CREATE MATERIALIZED TABLE m PARTITIONED BY (ds) AS SELECT id, region FROM orders"));
        assertEquals("Materialized table with identifier `default_catalog`.`default_database`.`m` does not exist.",
                error(env, "DROP MATERIALIZED TABLE m"));
        env.executeSql("DROP MATERIALIZED TABLE IF EXISTS m");
        assertEquals("Table `default_catalog`.`default_database`.`orders` is not a materialized table, does not"
                + " support materialized table related operation.", error(env, "ALTER MATERIALIZED TABLE orders"
                + " SUSPEND"));
        env.executeSql("CREATE MATERIALIZED TABLE m WITH ('connector' = 'blackhole') REFRESH_MODE = FULL AS SELECT"
                + " id FROM orders");
        assertEquals(MaterializedTableDefinition.RefreshMode.FULL, definition(env, "m").refreshMode());
        assertEquals("1", definition(env, "m").freshnessInterval());
        assertEquals("HOUR", definition(env, "m").freshnessUnit());
        assertEquals("SHOW CREATE TABLE is only supported for tables, but `default_catalog`.`default_database`.`m`"
                + " is a materialized table. Please use SHOW CREATE MATERIALIZED TABLE instead.",
                error(env, "SHOW CREATE TABLE m"));
        assertTrue(error(env, "DROP TABLE m").contains("is a materialized table"));
        env.executeSql("CREATE MATERIALIZED TABLE IF NOT EXISTS m AS SELECT region FROM orders");
        assertEquals(List.of("id"), ((CatalogTable) env.catalogs().getObjectOrThrow(id("m"))).columnNames());
        env.executeSql("CREATE OR ALTER MATERIALIZED TABLE m AS SELECT id, region FROM orders");
        assertEquals(List.of("id", "region"), ((CatalogTable) env.catalogs().getObjectOrThrow(id("m"))).columnNames());
        env.executeSql("DROP MATERIALIZED TABLE m");
    }

    private static String error(TableEnvironmentImpl env, String sql) {
        return assertThrows(Exception.class, () -> env.executeSql(sql)).getMessage();
    }
}
