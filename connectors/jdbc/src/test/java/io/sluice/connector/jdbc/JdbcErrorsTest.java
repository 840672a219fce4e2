package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad jdbc tables fail with messages that say what is wrong. */
@ExtendWith(PostgresCluster.class)
class JdbcErrorsTest {
    private static void assertFails(org.junit.jupiter.api.function.Executable r, String... fragments) {
        Throwable e = assertThrows(Throwable.class, r);
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        for (String f : fragments) {
            assertTrue(all.toString().contains(f), "expected '" + f + "' in:\n" + all);
        }
    }

    @Test
    void unknownOptionNamesTheNearestKeys() {
        TableEnvironment env = JdbcTestSupport.streaming();
        assertFails(() -> {
            env.executeSql("CREATE TABLE t (id INT) " + with("nowhere", "'scan.fetchsize' = '10'"));
            env.executeSql("SELECT * FROM t");
        },
                "Unsupported option 'scan.fetchsize'", "scan.fetch-size");
    }

    @Test
    void unknownTableIsNamed() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE t (id INT) " + with("no_such_table"));
        assertFails(() -> JdbcTestSupport.sortedRows(env, "SELECT * FROM t"), "default_catalog.default_database.t",
                "\"no_such_table\" does not exist");
    }

    @Test
    void unsupportedDatabaseIsNotSupportedYet() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE t (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://localhost/db',"
                + " 'table-name' = 't')");
        assertFails(() -> env.executeSql("SELECT * FROM t"), "not supported yet", "jdbc:mysql");
    }

    @Test
    void badUrlIsReported() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE t (id INT) WITH ('connector' = 'jdbc', 'url' = 'postgresql://localhost/db',"
                + " 'table-name' = 't')");
        assertFails(() -> env.executeSql("SELECT * FROM t"), "must be a JDBC URL");
    }

    @Test
    void unreachableServerIsReported() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE t (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1:1/x',"
                + " 'table-name' = 't')");
        assertFails(() -> JdbcTestSupport.sortedRows(env, "SELECT * FROM t"), "jdbc table",
                "Connection to 127.0.0.1:1 refused");
    }

    @Test
    void missingTableNameIsReported() {
        TableEnvironment env = JdbcTestSupport.streaming();
        assertFails(() -> {
            env.executeSql("CREATE TABLE t (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://h/db')");
            env.executeSql("SELECT * FROM t");
        }, "missing required option 'table-name'");
    }

    @Test
    void incompletePartitionOptionsAreReported() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE t (id INT) " + with("x", "'scan.partition.column' = 'id'"));
        assertFails(() -> env.executeSql("SELECT * FROM t"), "must all be set or all be left out");
    }

    @Test
    void lookupJoinNeedsALookupSource() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE dim (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '1')");
        env.executeSql("CREATE TABLE o (k INT, proc_time AS PROCTIME()) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '1')");
        assertFails(() -> env.executeSql("SELECT o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.proc_time AS d"
                + " ON o.k = d.id"), "not supported yet: processing-time temporal join with table"
                + " default_catalog.default_database.dim: its connector has no lookup source");
    }

    @Test
    void tooShortConnectionTimeoutIsRejected() {
        TableEnvironment env = JdbcTestSupport.streaming();
        assertFails(() -> {
            env.executeSql("CREATE TABLE t (id INT) " + with("x", "'connection.max-retry-timeout' = '500 ms'"));
            env.executeSql("SELECT * FROM t");
        }, "'connection.max-retry-timeout' of table default_catalog.default_database.t must be at least 1 s");
    }

    @Test
    void lookupKeysMustBeColumns() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE dim (id INT, name STRING) " + with("dim_for_errors"));
        env.executeSql("CREATE TABLE o (k INT, proc_time AS PROCTIME()) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '1')");
        assertFails(() -> env.executeSql("SELECT o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.proc_time AS d"
                + " ON o.k > d.id"), "Temporal table join requires an equality condition");
    }
}
