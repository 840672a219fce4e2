package io.sluice.table.api.checkpoint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EXPLAIN UPGRADE FROM 'savepoint' <statement>} reports per stateful operator whether a savepoint's state
 * restores into the job a changed statement would run, and a job started from that savepoint does what the report
 * says: the unchanged query restores, a reworded-but-equal one too, a query whose aggregation changed its state is
 * refused (and starts that operator empty when told to ignore unclaimed state).
 */
class ExplainUpgradeTest {
    @TempDir
    Path tmp;

    private static final String GROUPED = "SELECT k, COUNT(*) AS c FROM src GROUP BY k";

    private TableEnvironment env() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE src (id BIGINT, k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '500',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3000',"
                + " 'fields.k.min' = '1', 'fields.k.max' = '5')");
        env.executeSql("CREATE TABLE snk (k INT, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' ="
                + " 'blackhole')");
        env.executeSql("CREATE TABLE snk2 (k INT, c BIGINT, s BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
                + "'connector' = 'blackhole')");
        return env;
    }

    private String savepoint(TableEnvironment env) throws Exception {
        TableResult job = env.executeSql("INSERT INTO snk " + GROUPED);
        Thread.sleep(400);
        return job.getJobClient().orElseThrow().stopWithSavepoint(false, tmp.resolve("sp").toString())
                .get(30, TimeUnit.SECONDS);
    }

    private static String text(TableResult result) {
        try (CloseableIterator<Row> rows = result.collect()) {
            return String.valueOf(rows.next().getField(0));
        }
    }

    @Test
    @Timeout(120)
    void theReportPredictsTheRestore() throws Exception {
        TableEnvironment env = env();
        String savepoint = savepoint(env);

        String same = text(env.executeSql("EXPLAIN UPGRADE FROM '" + savepoint + "' INSERT INTO snk " + GROUPED));
        assertTrue(same.startsWith("== Upgrade from "), same);
        assertTrue(same.contains("RESTORED: TableSourceScan(table=[[default_catalog, default_database, src]]"), same);
        assertTrue(same.contains("RESTORED: GroupAggregate("), same);
        assertTrue(same.contains("restores every RESTORED operator"), same);
        // reworded but equal: the same plan, so the same state
        String reworded = text(env.executeSql("EXPLAIN UPGRADE FROM '" + savepoint + "' INSERT INTO snk SELECT s.k,"
                + " COUNT(*) AS c FROM src AS s WHERE 1 = 1 GROUP BY s.k"));
        assertTrue(reworded.contains("RESTORED: GroupAggregate("), reworded);

        String changed = text(env.executeSql("EXPLAIN UPGRADE FROM '" + savepoint + "' INSERT INTO snk2 SELECT k,"
                + " COUNT(*), SUM(id) FROM src GROUP BY k"));
        assertTrue(changed.contains("INCOMPATIBLE: GroupAggregate("), changed);
        assertTrue(changed.contains("fails unless 'execution.savepoint.ignore-unclaimed-state' = 'true'"), changed);

        env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        TableException refused = assertThrows(TableException.class, () -> env.executeSql(
                "INSERT INTO snk2 SELECT k, COUNT(*), SUM(id) FROM src GROUP BY k").await());
        assertTrue(refused.getMessage().contains("has another shape"), refused.getMessage());
        env.executeSql("SET 'execution.savepoint.ignore-unclaimed-state' = 'true'");
        env.executeSql("INSERT INTO snk2 SELECT k, COUNT(*), SUM(id) FROM src GROUP BY k").await();
        env.executeSql("RESET 'execution.savepoint.ignore-unclaimed-state'");
        env.executeSql("INSERT INTO snk " + GROUPED).await(); // the unchanged query restores its state
    }

    @Test
    @Timeout(120)
    void aRunningJobIsComparedThroughItsNewestCheckpoint() throws Exception {
        TableEnvironment env = env();
        env.executeSql("SET 'execution.checkpointing.interval' = '100 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("cp") + "'");
        io.sluice.table.api.JobClient job = env.executeSql("INSERT INTO snk " + GROUPED).getJobClient().orElseThrow();
        try {
            io.sluice.runtime.execution.JobExecution running =
                    io.sluice.runtime.execution.JobExecution.running(job.getJobID()).orElseThrow();
            for (int i = 0; i < 300 && running.lastCheckpoint() == null; i++) {
                Thread.sleep(20);
            }
            String same = text(env.executeSql("EXPLAIN UPGRADE FROM JOB '" + job.getJobID() + "' INSERT INTO snk "
                    + GROUPED));
            assertTrue(same.startsWith("== Upgrade from job " + job.getJobID() + ", its state at "), same);
            assertTrue(same.contains("RESTORED: GroupAggregate("), same);
            String changed = text(env.executeSql("EXPLAIN UPGRADE FROM JOB '" + job.getJobID() + "' INSERT INTO snk2"
                    + " SELECT k, COUNT(*), SUM(id) FROM src GROUP BY k"));
            assertTrue(changed.contains("INCOMPATIBLE: GroupAggregate("), changed);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
        io.sluice.table.api.ValidationException unknown = assertThrows(io.sluice.table.api.ValidationException.class,
                () -> env.executeSql("EXPLAIN UPGRADE FROM JOB 'no-such-job' INSERT INTO snk " + GROUPED));
        assertTrue(unknown.getMessage().contains("No running job 'no-such-job'"), unknown.getMessage());
    }

    @Test
    @Timeout(120)
    void aRunningJobWithoutCheckpointsIsComparedThroughASavepointTakenNow() throws Exception {
        TableEnvironment env = env();
        io.sluice.table.api.JobClient job = env.executeSql("INSERT INTO snk " + GROUPED).getJobClient().orElseThrow();
        try {
            Thread.sleep(200);
            io.sluice.table.api.ValidationException noDir = assertThrows(io.sluice.table.api.ValidationException.class,
                    () -> env.executeSql("EXPLAIN UPGRADE FROM JOB '" + job.getJobID() + "' INSERT INTO snk "
                            + GROUPED));
            assertTrue(noDir.getMessage().contains("execution.checkpointing.savepoint-dir"), noDir.getMessage());
            env.executeSql("SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("sp") + "'");
            String same = text(env.executeSql("EXPLAIN UPGRADE FROM JOB '" + job.getJobID() + "' INSERT INTO snk "
                    + GROUPED));
            assertTrue(same.contains("RESTORED: GroupAggregate("), same);
            assertTrue(same.contains(tmp.resolve("sp").toString()), same);
            assertTrue(!job.getJobStatus().isTerminal(), "the job goes on after the savepoint");
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }
}
