package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.TableEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Writing into PostgreSQL with INSERT INTO: append mode and upsert mode on the primary key. */
@ExtendWith(PostgresCluster.class)
class JdbcSinkTest {
    private final PostgresCluster.Server pg = PostgresCluster.get();

    @Test
    void appendsRows() throws Exception {
        pg.execute("CREATE TABLE append_out (id INT, name VARCHAR(20))");
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE out_t (id INT, name STRING) " + with("append_out",
                "'sink.buffer-flush.max-rows' = '2'"));
        env.executeSql("INSERT INTO out_t VALUES (1, 'a'), (2, 'b'), (3, CAST(NULL AS STRING))").await();
        assertEquals(List.of("1, a", "2, b", "3, null"), pg.query("SELECT * FROM append_out ORDER BY id"));
    }

    @Test
    void appendSinkRejectsUpdates() throws Exception {
        pg.execute("CREATE TABLE append_counts (k INT, c BIGINT)");
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE counts (k INT, c BIGINT) " + with("append_counts"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> env.executeSql(
                "INSERT INTO counts SELECT k, COUNT(*) FROM (VALUES (1), (1), (2)) AS t(k) GROUP BY k"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("doesn't support consuming update changes"),
                e.getMessage());
    }

    @Test
    void upsertSinkFedByAGroupByWithRetractionsEndsWithTheFinalCounts() throws Exception {
        pg.execute("CREATE TABLE word_counts (word TEXT PRIMARY KEY, cnt BIGINT, total INT)",
                "INSERT INTO word_counts VALUES ('stale', 99, 0)");
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("SET 'table.exec.batch-size' = '3'");
        env.executeSql("CREATE TABLE words (word STRING, n INT) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '300', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1',"
                + " 'fields.n.end' = '300', 'fields.word.length' = '1')");
        env.executeSql("CREATE TABLE counts (word STRING, cnt BIGINT, total INT, PRIMARY KEY (word) NOT ENFORCED) "
                + with("word_counts", "'sink.buffer-flush.max-rows' = '7'", "'sink.buffer-flush.interval' = '0'"));
        // every batch of 3 rows updates counts already written: -U/+U pairs become upserts by key
        env.executeSql("CREATE TEMPORARY VIEW src AS SELECT CAST(MOD(n, 5) AS STRING) AS word, n FROM words");
        env.executeSql("INSERT INTO counts SELECT word, COUNT(*), SUM(n) FROM src GROUP BY word").await();
        assertEquals(List.of("0, 60, 9150", "1, 60, 8910", "2, 60, 8970", "3, 60, 9030", "4, 60, 9090",
                "stale, 99, 0"), pg.query("SELECT * FROM word_counts ORDER BY word"));
    }

    @Test
    void upsertSinkDeletesRowsThatLeaveTheResult() throws Exception {
        pg.execute("CREATE TABLE per_count (cnt BIGINT PRIMARY KEY, words BIGINT)");
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("SET 'table.exec.batch-size' = '1'");
        env.executeSql("CREATE TABLE sink_t (cnt BIGINT, words BIGINT, PRIMARY KEY (cnt) NOT ENFORCED) "
                + with("per_count", "'sink.buffer-flush.max-rows' = '1'"));
        // word counts: a=3, b=1; counts of counts go through 1 -> 2 -> 3 for a, so rows for cnt 2 get deleted
        env.executeSql("INSERT INTO sink_t SELECT cnt, COUNT(*) FROM (SELECT w, COUNT(*) AS cnt FROM"
                + " (VALUES ('a'), ('b'), ('a'), ('a')) AS t(w) GROUP BY w) GROUP BY cnt").await();
        assertEquals(List.of("1, 1", "3, 1"), pg.query("SELECT * FROM per_count ORDER BY cnt"));
    }

    @Test
    void parallelUpsertSinkOwnsKeysPerInstance() throws Exception {
        pg.execute("CREATE TABLE parallel_counts (cnt BIGINT PRIMARY KEY, words BIGINT)");
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("SET 'table.exec.batch-size' = '5'");
        env.executeSql("CREATE TABLE nums (n INT) WITH ('connector' = 'datagen', 'number-of-rows' = '200',"
                + " 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '200')");
        env.executeSql("CREATE TABLE sink_t (cnt BIGINT, words BIGINT, PRIMARY KEY (cnt) NOT ENFORCED) "
                + with("parallel_counts", "'sink.buffer-flush.max-rows' = '3'"));
        // 200 numbers in groups n % 30: groups 1..20 hold 7 numbers, the other 10 groups hold 6
        env.executeSql("INSERT INTO sink_t SELECT cnt, COUNT(*) FROM (SELECT MOD(n, 30) AS g, COUNT(*) AS cnt"
                + " FROM nums GROUP BY MOD(n, 30)) GROUP BY cnt").await();
        assertEquals(List.of("6, 10", "7, 20"), pg.query("SELECT * FROM parallel_counts ORDER BY cnt"));
    }
}
