package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lookup joins against PostgreSQL: {@code JOIN dim FOR SYSTEM_TIME AS OF o.proc_time}, inner and left, with a
 * residual condition, and with and without the partial cache (the dimension row changes in PostgreSQL between
 * two lookups of one job, see {@link GatedKeySourceFactory}).
 */
@ExtendWith(PostgresCluster.class)
class LookupJoinTest {
    private final PostgresCluster.Server pg = PostgresCluster.get();

    @BeforeEach
    void createDimension() throws Exception {
        pg.execute("DROP TABLE IF EXISTS dim", "CREATE TABLE dim (id INT PRIMARY KEY, name TEXT, weight DOUBLE PRECISION)",
                "INSERT INTO dim VALUES (1, 'one', 1.0), (2, 'two', 2.0), (3, 'three', 3.0)");
    }

    private TableEnvironment env(String... dimOptions) {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE dim_t (id INT, name STRING, weight DOUBLE, PRIMARY KEY (id) NOT ENFORCED) "
                + with("dim", dimOptions));
        return env;
    }

    private static List<String> sorted(List<String> rows) {
        Collections.sort(rows);
        return rows;
    }

    @Test
    void innerAndLeftLookupJoins() throws Exception {
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE orders_t (order_id INT, k INT, proc_time AS PROCTIME()) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '5', 'fields.order_id.kind' = 'sequence',"
                + " 'fields.order_id.start' = '10', 'fields.order_id.end' = '14', 'fields.k.kind' = 'sequence',"
                + " 'fields.k.start' = '0', 'fields.k.end' = '4')");
        assertEquals(List.of("+I[11, 1, one]", "+I[12, 2, two]", "+I[13, 3, three]"),
                sorted(JdbcTestSupport.rows(env.executeSql("SELECT o.order_id, o.k, d.name FROM orders_t AS o"
                        + " JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.id"))));
        assertEquals(List.of("+I[10, 0, null]", "+I[11, 1, one]", "+I[12, 2, two]", "+I[13, 3, three]",
                "+I[14, 4, null]"), sorted(JdbcTestSupport.rows(env.executeSql("SELECT o.order_id, o.k, d.name"
                        + " FROM orders_t AS o LEFT JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.id"))));
    }

    /** A key computed from the probe side is projected below the join, as Flink does. */
    @Test
    void aComputedProbeKeyIsLookedUp() throws Exception {
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE orders_t (order_id INT, k INT, proc_time AS PROCTIME()) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '5', 'fields.order_id.kind' = 'sequence',"
                + " 'fields.order_id.start' = '10', 'fields.order_id.end' = '14', 'fields.k.kind' = 'sequence',"
                + " 'fields.k.start' = '0', 'fields.k.end' = '4')");
        assertEquals(List.of("+I[10, 0, one]", "+I[11, 1, two]", "+I[12, 2, three]"),
                sorted(JdbcTestSupport.rows(env.executeSql("SELECT o.order_id, o.k, d.name FROM orders_t AS o"
                        + " JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k + 1 = d.id"))));
    }

    @Test
    void residualConditionFiltersPairs() throws Exception {
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE orders_t (order_id INT, k INT, proc_time AS PROCTIME()) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '4', 'fields.order_id.kind' = 'sequence',"
                + " 'fields.order_id.start' = '1', 'fields.order_id.end' = '4', 'fields.k.kind' = 'sequence',"
                + " 'fields.k.start' = '1', 'fields.k.end' = '4')");
        assertEquals(List.of("+I[1, null]", "+I[2, 2.0]", "+I[3, 3.0]", "+I[4, null]"),
                sorted(JdbcTestSupport.rows(env.executeSql("SELECT o.order_id, d.weight FROM orders_t AS o"
                        + " LEFT JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.id AND d.weight > 1.5"))));
    }

    @Test
    void filtersOnTheTableAfterTheJoinAndCompositeKeys() throws Exception {
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE orders_t (order_id INT, k INT, label STRING, proc_time AS PROCTIME()) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '4', 'fields.order_id.kind' = 'sequence',"
                + " 'fields.order_id.start' = '1', 'fields.order_id.end' = '4', 'fields.k.kind' = 'sequence',"
                + " 'fields.k.start' = '1', 'fields.k.end' = '4', 'fields.label.length' = '3')");
        assertEquals(List.of("+I[2, two]", "+I[3, three]"),
                sorted(JdbcTestSupport.rows(env.executeSql("SELECT o.order_id, d.name FROM orders_t AS o"
                        + " JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.id WHERE d.weight > 1.5"))));
        assertEquals(List.of("+I[1, one]", "+I[2, two]", "+I[3, three]"),
                sorted(JdbcTestSupport.rows(env.executeSql("SELECT o.order_id, d.name FROM orders_t AS o"
                        + " JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d"
                        + " ON o.k = d.id AND CAST(o.order_id AS DOUBLE) = d.weight"))));
    }

    @Test
    void keysOfDifferentIntegerTypes() throws Exception {
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE orders_t (order_id INT, k BIGINT, proc_time AS PROCTIME()) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '3', 'fields.order_id.kind' = 'sequence',"
                + " 'fields.order_id.start' = '1', 'fields.order_id.end' = '3', 'fields.k.kind' = 'sequence',"
                + " 'fields.k.start' = '4294967297', 'fields.k.end' = '4294967299')");
        env.executeSql("CREATE TEMPORARY VIEW shifted AS SELECT order_id, CASE WHEN order_id = 3 THEN k ELSE"
                + " k - 4294967296 END AS k, proc_time FROM orders_t");
        // keys 1, 2 and 4294967299 (which does not fit the INT column id and so matches nothing)
        assertEquals(List.of("+I[1, one]", "+I[2, two]", "+I[3, null]"),
                sorted(JdbcTestSupport.rows(env.executeSql("SELECT o.order_id, d.name FROM shifted AS o"
                        + " LEFT JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.id"))));
    }

    @Test
    void lookupJoinInBatchMode() throws Exception {
        TableEnvironment env = JdbcTestSupport.batch();
        env.executeSql("CREATE TABLE dim_t (id INT, name STRING, weight DOUBLE, PRIMARY KEY (id) NOT ENFORCED) "
                + with("dim"));
        env.executeSql("CREATE TABLE orders_t (order_id INT, k INT, proc_time AS PROCTIME()) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '3', 'fields.order_id.kind' = 'sequence',"
                + " 'fields.order_id.start' = '1', 'fields.order_id.end' = '3', 'fields.k.kind' = 'sequence',"
                + " 'fields.k.start' = '2', 'fields.k.end' = '4')");
        assertEquals(List.of("+I[1, two]", "+I[2, three]", "+I[3, null]"),
                sorted(JdbcTestSupport.rows(env.executeSql("SELECT o.order_id, d.name FROM orders_t AS o"
                        + " LEFT JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.id"))));
    }

    @Test
    void explainShowsTheLookupJoin() {
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE orders_t (order_id INT, k INT, proc_time AS PROCTIME()) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '4')");
        String plan = env.explainSql("SELECT o.order_id, d.name FROM orders_t AS o"
                + " JOIN dim_t FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.id");
        assertTrue(plan.contains("LookupJoin(table=[default_catalog.default_database.dim_t], joinType=[InnerJoin],"
                + " lookup=[id=k], select=[order_id, k, proc_time, id, name, weight])"), plan);
    }

    @Test
    void withoutCacheEveryLookupSeesTheCurrentRow() throws Exception {
        assertEquals(List.of("+I[1, one]", "+I[1, uno]"), twoLookupsAroundAnUpdate(env()));
    }

    @Test
    void partialCacheKeepsTheFirstLookupsRow() throws Exception {
        assertEquals(List.of("+I[1, one]", "+I[1, one]"), twoLookupsAroundAnUpdate(env("'lookup.cache' = 'PARTIAL'",
                "'lookup.partial-cache.max-rows' = '100'", "'lookup.partial-cache.expire-after-write' = '1 h'")));
    }

    @Test
    void expiredCacheEntriesAreLookedUpAgain() throws Exception {
        assertEquals(List.of("+I[1, one]", "+I[1, uno]"), twoLookupsAroundAnUpdate(env("'lookup.cache' = 'PARTIAL'",
                "'lookup.partial-cache.expire-after-write' = '1 ms'")));
    }

    /** Looks key 1 up, renames it in PostgreSQL, looks it up again in the same job. */
    private List<String> twoLookupsAroundAnUpdate(TableEnvironment env) throws Exception {
        GatedKeySourceFactory.gate = new java.util.concurrent.CountDownLatch(1);
        env.executeSql("CREATE TABLE keys_t (k INT, proc_time AS PROCTIME()) WITH ('connector' = 'gated-keys')");
        List<String> rows = new java.util.ArrayList<>();
        try (var it = env.executeSql("SELECT o.k, d.name FROM keys_t AS o JOIN dim_t FOR SYSTEM_TIME AS OF"
                + " o.proc_time AS d ON o.k = d.id").collect()) {
            rows.add(it.next().toString());
            pg.execute("UPDATE dim SET name = 'uno' WHERE id = 1");
            Thread.sleep(5); // lets a 1 ms expiry pass
            GatedKeySourceFactory.gate.countDown();
            while (it.hasNext()) {
                rows.add(it.next().toString());
            }
        }
        return rows;
    }
}
