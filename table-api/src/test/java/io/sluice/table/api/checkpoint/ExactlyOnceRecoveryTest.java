package io.sluice.table.api.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job killed by a failure inside an operator between checkpoints restarts from its latest checkpoint, and the
 * filesystem sink's final content equals an uninterrupted run's: nothing lost, nothing duplicated.
 */
class ExactlyOnceRecoveryTest {
    @TempDir
    Path tmp;

    private TableEnvironment env(Path checkpoints) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'execution.checkpointing.interval' = '40 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("CREATE TABLE src (id BIGINT, v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '8000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4000',"
                + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '4000')");
        return env;
    }

    private static List<String> lines(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                all.addAll(Files.readAllLines(f));
            }
        }
        Collections.sort(all);
        return all;
    }

    @Test
    @Timeout(60)
    void aFailedStatelessJobRestartsFromItsCheckpointWithoutLossOrDuplicates() throws Exception {
        Path expectedDir = tmp.resolve("expected");
        Path actualDir = tmp.resolve("actual");
        TableEnvironment env = env(tmp.resolve("chk"));
        env.executeSql("CREATE TABLE expected_sink (id BIGINT, w BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
                + expectedDir + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE failing_sink (id BIGINT, w BIGINT) WITH ('connector' = 'failing-filesystem',"
                + " 'path' = '" + actualDir + "', 'format' = 'csv', 'fail-after-rows' = '2500')");
        env.executeSql("INSERT INTO expected_sink SELECT id, CAST(v AS BIGINT) * 2 FROM src WHERE id % 7 <> 0").await();

        FailingFileSystemSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql(
                "INSERT INTO failing_sink SELECT id, CAST(v AS BIGINT) * 2 FROM src WHERE id % 7 <> 0");
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertEquals(false, FailingFileSystemSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");
        List<String> expected = lines(expectedDir);
        assertEquals(4000 - 4000 / 7, expected.size());
        assertEquals(expected, lines(actualDir));
    }

    @Test
    @Timeout(60)
    void aFailedWindowAggregationRestartsFromItsCheckpointWithoutLossOrDuplicates() throws Exception {
        windowAggregationRecovers(1);
    }

    @Test
    @Timeout(60)
    void aFailedParallelWindowAggregationRestartsFromItsAlignedCheckpoint() throws Exception {
        windowAggregationRecovers(2);
    }

    private void windowAggregationRecovers(int parallelism) throws Exception {
        Path expectedDir = tmp.resolve("expected-windows");
        Path actualDir = tmp.resolve("actual-windows");
        TableEnvironment env = env(tmp.resolve("chk-windows"));
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '5 ms'");
        env.executeSql("CREATE TABLE events (id BIGINT, v INT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3),"
                + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'rows-per-second' = '8000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4000',"
                + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '4000')");
        String query = "SELECT window_start, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end";
        env.executeSql("CREATE TABLE expected_windows (ws TIMESTAMP(3), c BIGINT, s INT) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + expectedDir + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE failing_windows (ws TIMESTAMP(3), c BIGINT, s INT) WITH ("
                + "'connector' = 'failing-filesystem', 'path' = '" + actualDir + "', 'format' = 'csv',"
                + " 'fail-after-rows' = '150')");
        env.executeSql("INSERT INTO expected_windows " + query).await();

        FailingFileSystemSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql("INSERT INTO failing_windows " + query);
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertEquals(false, FailingFileSystemSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");
        List<String> expected = lines(expectedDir);
        assertEquals(401, expected.size());
        assertEquals(expected, lines(actualDir));
    }

    @Test
    @Timeout(60)
    void stopWithSavepointAndResumeWritesEveryRowOnce() throws Exception {
        Path sinkDir = tmp.resolve("savepoint-sink");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '10000')");
        env.executeSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + sinkDir
                + "', 'format' = 'csv')");
        TableResult first = env.executeSql("INSERT INTO sink SELECT id FROM src");
        Thread.sleep(500); // the source needs 5 s for all rows: the job is stopped well before its end
        String savepoint = first.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, java.util.concurrent.TimeUnit.SECONDS);
        first.await();
        assertEquals(io.sluice.runtime.execution.JobStatus.FINISHED, first.getJobClient().orElseThrow().getJobStatus());
        int before = lines(sinkDir).size();
        assertTrue(before < 10000, "the first run stopped part way: " + before + " rows");

        env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        env.executeSql("INSERT INTO sink SELECT id FROM src").await();
        List<String> all = lines(sinkDir);
        assertEquals(10000, all.size());
        assertEquals(10000, new java.util.HashSet<>(all).size(), "no row twice");
    }
}
