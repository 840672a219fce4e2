package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcTestSupport.sortedRows;
import static io.sluice.connector.jdbc.JdbcTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reading PostgreSQL tables with SQL: whole-table scans, projections, filters and parallel range reads. */
@ExtendWith(PostgresCluster.class)
class JdbcScanTest {
    @BeforeAll
    static void createTables() throws Exception {
        PostgresCluster.get().execute(
                "CREATE TABLE scan_items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(10, 2))",
                "INSERT INTO scan_items VALUES (1, 'apple', 1.50), (2, 'pear', 2.25), (3, NULL, NULL)",
                "CREATE TABLE scan_many (id INT PRIMARY KEY, v BIGINT)",
                "INSERT INTO scan_many SELECT g, g * 10 FROM generate_series(1, 1000) g");
    }

    @Test
    void scansATable() throws Exception {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE items (id BIGINT, name STRING, price DECIMAL(10, 2)) " + with("scan_items"));
        assertEquals(List.of("+I[1, apple, 1.50]", "+I[2, pear, 2.25]", "+I[3, null, null]"),
                sortedRows(env, "SELECT * FROM items"));
        assertEquals(List.of("+I[pear]"), sortedRows(env, "SELECT name FROM items WHERE price > 2"));
    }

    @Test
    void batchModeScansAndAggregates() throws Exception {
        TableEnvironment env = JdbcTestSupport.batch();
        env.executeSql("CREATE TABLE many (id INT, v BIGINT) " + with("scan_many", "'scan.fetch-size' = '100'"));
        assertEquals(List.of("+I[1000, 5005000]"), sortedRows(env, "SELECT COUNT(*), SUM(v) FROM many"));
    }

    @Test
    void partitionedScanAtParallelismTwoReadsEveryRowOnce() throws Exception {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("CREATE TABLE many (id INT, v BIGINT) " + with("scan_many",
                "'scan.partition.column' = 'id'", "'scan.partition.num' = '5'",
                "'scan.partition.lower-bound' = '1'", "'scan.partition.upper-bound' = '1000'",
                "'scan.auto-commit' = 'false'", "'scan.fetch-size' = '50'"));
        List<String> rows = sortedRows(env, "SELECT id, v FROM many");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            expected.add("+I[" + i + ", " + i * 10L + "]");
        }
        expected.sort(null);
        assertEquals(expected, rows);
    }

    @Test
    void partitionBoundsLimitTheRowsRead() throws Exception {
        TableEnvironment env = JdbcTestSupport.batch();
        env.executeSql("CREATE TABLE many (id INT, v BIGINT) " + with("scan_many",
                "'scan.partition.column' = 'id'", "'scan.partition.num' = '3'",
                "'scan.partition.lower-bound' = '11'", "'scan.partition.upper-bound' = '20'"));
        assertEquals(List.of("+I[10, 11, 20]"), sortedRows(env, "SELECT COUNT(*), MIN(id), MAX(id) FROM many"));
    }
}
