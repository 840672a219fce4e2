package io.sluice.table.api.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.execution.JobStatus;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * STOP JOB ... WITH SAVEPOINT at parallelism 2 and 4, then the same INSERT restored from the savepoint with
 * {@code execution.savepoint.path}: the filesystem sink ends with exactly the rows of an uninterrupted run. And
 * STOP JOB ... WITH SAVEPOINT WITH DRAIN: every window fires before the savepoint.
 */
class ParallelStopWithSavepointTest {
    @TempDir
    Path tmp;

    private static List<String> lines(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                all.addAll(Files.readAllLines(f));
            }
        }
        Collections.sort(all);
        return all;
    }

    private static TableEnvironment env(int parallelism) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '5 ms'");
        return env;
    }

    /** Stops {@code insert} with a savepoint after a while, then runs it again from the savepoint to its end. */
    private void stopAndResume(TableEnvironment env, String insert, Path sinkDir, int total) throws Exception {
        TableResult first = env.executeSql(insert);
        Thread.sleep(500); // the source needs about 2 s for all rows: the job is stopped well before its end
        String savepoint = first.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        assertTrue(first.getJobClient().orElseThrow().getJobExecutionResult().handle((v, e) -> e == null)
                .get(30, TimeUnit.SECONDS), "the first job ends without failure");
        assertEquals(JobStatus.FINISHED, first.getJobClient().orElseThrow().getJobStatus());
        int before = lines(sinkDir).size();
        assertTrue(before < total, "the first run stopped part way: " + before + " rows");

        env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        env.executeSql(insert).await();
        env.executeSql("RESET 'execution.savepoint.path'");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    @Timeout(120)
    void aStatelessJobResumedFromItsSavepointWritesEveryRowOnce(int parallelism) throws Exception {
        Path sinkDir = tmp.resolve("sink");
        TableEnvironment env = env(parallelism);
        env.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4000')");
        env.executeSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + sinkDir
                + "', 'format' = 'csv')");
        stopAndResume(env, "INSERT INTO sink SELECT id FROM src", sinkDir, 4000);
        List<String> all = lines(sinkDir);
        assertEquals(4000, all.size());
        assertEquals(4000, new HashSet<>(all).size(), "no row twice");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    @Timeout(120)
    void aWindowAggregationResumedFromItsSavepointEqualsAnUninterruptedRun(int parallelism) throws Exception {
        Path expectedDir = tmp.resolve("expected");
        Path actualDir = tmp.resolve("actual");
        TableEnvironment env = env(parallelism);
        env.executeSql("CREATE TABLE events (id BIGINT, v INT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3),"
                + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'rows-per-second' = '2000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4000',"
                + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '4000')");
        String query = "SELECT window_start, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end";
        env.executeSql("CREATE TABLE expected_windows (ws TIMESTAMP(3), c BIGINT, s INT) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + expectedDir + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE actual_windows (ws TIMESTAMP(3), c BIGINT, s INT) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + actualDir + "', 'format' = 'csv')");
        env.executeSql("INSERT INTO expected_windows " + query).await();
        List<String> expected = lines(expectedDir);
        assertEquals(401, expected.size());

        stopAndResume(env, "INSERT INTO actual_windows " + query, actualDir, 401);
        assertEquals(expected, lines(actualDir));
    }

    /**
     * Stop with savepoint and drain (Flink's {@code stopWithSavepoint(true, ...)}): the watermark lags an hour behind
     * the rows, so no window could fire before the stop; draining sends the final watermark through the job, so every
     * window of the rows read so far reaches the sink before the savepoint is taken, and the job finishes.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    @Timeout(120)
    void drainingFiresEveryWindowBeforeTheSavepoint(int parallelism) throws Exception {
        Path sinkDir = tmp.resolve("drained");
        TableEnvironment env = env(parallelism);
        env.executeSql("CREATE TABLE events (id BIGINT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3),"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' HOUR) WITH ('connector' = 'datagen',"
                + " 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
                + " 'fields.id.end' = '1000000')");
        env.executeSql("CREATE TABLE windows (ws TIMESTAMP(3), c BIGINT, s BIGINT, hi BIGINT) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + sinkDir + "', 'format' = 'csv')");
        TableResult job = env.executeSql("INSERT INTO windows SELECT window_start, COUNT(*), SUM(id), MAX(id)"
                + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
                + " GROUP BY window_start, window_end");
        Thread.sleep(500); // about a thousand rows: a quarter of an hour of event time, less than the watermark's lag
        String savepoint = job.getJobClient().orElseThrow()
                .stopWithSavepoint(true, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        job.getJobClient().orElseThrow().getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.FINISHED, job.getJobClient().orElseThrow().getJobStatus());
        assertTrue(Files.isDirectory(Path.of(savepoint)), savepoint);
        List<String> windows = lines(sinkDir);
        assertTrue(!windows.isEmpty(), "the drained job emitted its windows");
        long count = 0;
        long sum = 0;
        long highest = 0;
        for (String w : windows) {
            String[] f = w.split(",");
            count += Long.parseLong(f[1]);
            sum += Long.parseLong(f[2]);
            highest = Math.max(highest, Long.parseLong(f[3]));
        }
        assertEquals(windows.size(), new HashSet<>(windows.stream().map(w -> w.split(",")[0]).toList()).size(),
                "one row per window");
        if (parallelism == 1) { // one reader: the rows read are ids 1..n, all in the windows emitted
            assertEquals(highest, count);
            assertEquals(count * (count + 1) / 2, sum);
        }
    }
}
