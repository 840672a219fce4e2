package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TRUNCATE TABLE, DELETE and UPDATE on a PostgreSQL table in batch mode, and Flink's errors elsewhere. */
@ExtendWith(PostgresCluster.class)
class JdbcRowLevelModificationTest {
    private final PostgresCluster.Server pg = PostgresCluster.get();

    private TableEnvironment batchTable(String pgTable) throws Exception {
        pg.execute("CREATE TABLE " + pgTable + " (a INT PRIMARY KEY, b TEXT, c DOUBLE PRECISION)",
                "INSERT INTO " + pgTable + " SELECT i, 'b_' || i, i * 2.0 FROM generate_series(0, 4) AS i");
        TableEnvironment env = JdbcTestSupport.batch();
        env.executeSql("CREATE TABLE t (a INT, b STRING, c DOUBLE, PRIMARY KEY (a) NOT ENFORCED) " + with(pgTable));
        return env;
    }

    @Test
    void truncateEmptiesTheTable() throws Exception {
        TableEnvironment env = batchTable("rl_truncate");
        assertEquals(List.of("+I[OK]"), JdbcTestSupport.rows(env.executeSql("TRUNCATE TABLE t")));
        assertEquals(List.of(), pg.query("SELECT * FROM rl_truncate"));
    }

    @Test
    void deleteWithoutConditionIsPushedDownAndReportsTheRows() throws Exception {
        TableEnvironment env = batchTable("rl_delete_all");
        var result = env.executeSql("DELETE FROM t");
        assertEquals("rows affected", result.getResolvedSchema().getColumnNames().get(0));
        assertEquals(List.of("+I[5]"), JdbcTestSupport.rows(result));
        assertEquals(List.of(), pg.query("SELECT * FROM rl_delete_all"));
    }

    @Test
    void deleteWithASubqueryConditionDeletesTheSelectedRows() throws Exception {
        TableEnvironment env = batchTable("rl_delete_where");
        env.executeSql("DELETE FROM t WHERE a >= (SELECT COUNT(1) FROM t WHERE c > 2)").await();
        assertEquals(List.of("0, b_0, 0", "1, b_1, 2", "2, b_2, 4"),
                pg.query("SELECT * FROM rl_delete_where ORDER BY a"));
        assertEquals(List.of("+I[0, b_0, 0.0]", "+I[1, b_1, 2.0]", "+I[2, b_2, 4.0]"),
                JdbcTestSupport.sortedRows(env, "SELECT * FROM t"));
    }

    @Test
    void updateSetsTheNewValuesOfTheSelectedRows() throws Exception {
        TableEnvironment env = batchTable("rl_update");
        env.executeSql("UPDATE t SET b = UPPER(b), c = c * c WHERE a >= 3 AND b <> 'b_4'").await();
        env.executeSql("UPDATE t SET b = CONCAT(b, '!')").await();
        assertEquals(List.of("0, b_0!, 0", "1, b_1!, 2", "2, b_2!, 4", "3, B_3!, 36", "4, b_4!, 8"),
                pg.query("SELECT * FROM rl_update ORDER BY a"));
    }

    @Test
    void updateOfTheKeyAndTablesWithoutKeyAreRejected() throws Exception {
        TableEnvironment env = batchTable("rl_update_key");
        var e = assertThrows(RuntimeException.class, () -> env.executeSql("UPDATE t SET a = a + 10"));
        assertTrue(e.getMessage().contains("sets primary key column 'a'"), e.getMessage());
        pg.execute("CREATE TABLE rl_no_key (a INT, b TEXT)");
        env.executeSql("CREATE TABLE nk (a INT, b STRING) " + with("rl_no_key"));
        e = assertThrows(RuntimeException.class, () -> env.executeSql("DELETE FROM nk WHERE a = 1"));
        assertTrue(e.getMessage().contains("needs a PRIMARY KEY"), e.getMessage());
        e = assertThrows(RuntimeException.class, () -> env.executeSql("UPDATE t SET nope = 1"));
        assertEquals("Unknown target column 'nope'", e.getMessage());
    }

    @Test
    void streamingModeGivesFlinksErrors() throws Exception {
        pg.execute("CREATE TABLE rl_streaming (a INT PRIMARY KEY, b TEXT)");
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE t (a INT, b STRING, PRIMARY KEY (a) NOT ENFORCED) " + with("rl_streaming"));
        assertEquals("TRUNCATE TABLE statement is not supported in streaming mode.",
                assertThrows(RuntimeException.class, () -> env.executeSql("TRUNCATE TABLE t")).getMessage());
        assertEquals("DELETE statement is not supported for streaming mode now.",
                assertThrows(RuntimeException.class, () -> env.executeSql("DELETE FROM t")).getMessage());
        assertEquals("UPDATE statement is not supported for streaming mode now.",
                assertThrows(RuntimeException.class, () -> env.executeSql("UPDATE t SET b = 'x'")).getMessage());
    }
}
