package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job writing into a keyed PostgreSQL table fails inside the sink between checkpoints, restarts from its
 * latest checkpoint and replays rows the table already has: the upserts leave the table exactly as an
 * uninterrupted run would (no lost rows, no double-counted aggregates).
 */
@ExtendWith(PostgresCluster.class)
class JdbcRecoveryTest {
    private final PostgresCluster.Server pg = PostgresCluster.get();

    @TempDir
    Path tmp;

    private TableEnvironment env() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("SET 'execution.checkpointing.interval' = '40 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("CREATE TABLE src (id BIGINT, v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '8000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4000',"
                + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '4000')");
        return env;
    }

    private static void runFailingOnce(TableEnvironment env, String insert) throws Exception {
        FailingJdbcSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql(insert);
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertFalse(FailingJdbcSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");
    }

    @Test
    @Timeout(60)
    void keyedRowsAreWrittenOnceAfterARestore() throws Exception {
        pg.execute("CREATE TABLE recovered_rows (id BIGINT PRIMARY KEY, w BIGINT)");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE sink_t (id BIGINT, w BIGINT, PRIMARY KEY (id) NOT ENFORCED) "
                + with("recovered_rows", "'connector' = 'failing-jdbc'", "'fail-after-rows' = '2500'",
                        "'sink.buffer-flush.max-rows' = '100'").replace("'connector' = 'jdbc', ", ""));
        runFailingOnce(env, "INSERT INTO sink_t SELECT id, CAST(v AS BIGINT) * 2 FROM src WHERE id % 7 <> 0");
        assertEquals(List.of(String.valueOf(4000 - 4000 / 7) + ", 0, " + (4000 - 4000 / 7)),
                pg.query("SELECT COUNT(*), COUNT(*) FILTER (WHERE w <> id * 2), COUNT(DISTINCT id) FROM recovered_rows"));
    }

    @Test
    @Timeout(60)
    void aggregatesAreNotCountedTwiceAfterARestore() throws Exception {
        pg.execute("CREATE TABLE recovered_counts (bucket INT PRIMARY KEY, c BIGINT, s BIGINT)");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE sink_t (bucket INT, c BIGINT, s BIGINT, PRIMARY KEY (bucket) NOT ENFORCED) "
                + with("recovered_counts", "'connector' = 'failing-jdbc'", "'fail-after-rows' = '300'")
                        .replace("'connector' = 'jdbc', ", ""));
        runFailingOnce(env, "INSERT INTO sink_t SELECT CAST(id % 10 AS INT), COUNT(*), SUM(CAST(v AS BIGINT))"
                + " FROM src GROUP BY CAST(id % 10 AS INT)");
        List<String> rows = pg.query("SELECT * FROM recovered_counts ORDER BY bucket");
        assertEquals(10, rows.size(), rows.toString());
        for (int b = 0; b < 10; b++) {
            long sum = 0;
            for (int i = b == 0 ? 10 : b; i <= 4000; i += 10) {
                sum += i;
            }
            assertEquals(b + ", 400, " + sum, rows.get(b));
        }
    }
}
