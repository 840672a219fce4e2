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
 * A MATCH_RECOGNIZE job killed by a failure in its sink restarts from its latest checkpoint (buffered rows, partial
 * matches and held-back matches restored), and the sink ends with exactly the matches of an uninterrupted run, with
 * one instance and with two (input hash-partitioned on the PARTITION BY key).
 */
class MatchRecognizeRecoveryTest {
    @TempDir
    Path tmp;

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
    void aFailedMatchRecognizeRestartsFromItsCheckpoint() throws Exception {
        recovers(1);
    }

    @Test
    @Timeout(60)
    void aFailedParallelMatchRecognizeRestartsFromItsAlignedCheckpoint() throws Exception {
        recovers(2);
    }

    private void recovers(int parallelism) throws Exception {
        Path expectedDir = tmp.resolve("expected");
        Path actualDir = tmp.resolve("actual");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'execution.checkpointing.interval' = '40 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '5 ms'");
        // Per key k the values p cycle 0, 8, 6, 4, 2 (shifted per key): one match every five rows.
        env.executeSql("CREATE TABLE events (id BIGINT, k AS id % 4, p AS (id * 7) % 10,"
                + " ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts - INTERVAL '3' SECOND) WITH ("
                + "'connector' = 'datagen', 'rows-per-second' = '8000', 'fields.id.kind' = 'sequence',"
                + " 'fields.id.start' = '1', 'fields.id.end' = '4000')");
        String query = "SELECT * FROM events MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts"
                + " MEASURES FIRST(A.id) AS first_id, LAST(C.id) AS last_id, SUM(B.p) AS b_sum, COUNT(B.p) AS b_count"
                + " AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+? C) WITHIN INTERVAL '1' MINUTE"
                + " DEFINE A AS A.p < 3, B AS B.p >= 3, C AS C.p < 3)";
        String columns = "(k BIGINT, first_id BIGINT, last_id BIGINT, b_sum BIGINT, b_count BIGINT)";
        env.executeSql("CREATE TABLE expected_matches " + columns + " WITH ('connector' = 'filesystem', 'path' = '"
                + expectedDir + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE failing_matches " + columns + " WITH ('connector' = 'failing-filesystem',"
                + " 'path' = '" + actualDir + "', 'format' = 'csv', 'fail-after-rows' = '300')");
        env.executeSql("INSERT INTO expected_matches " + query).await();

        FailingFileSystemSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql("INSERT INTO failing_matches " + query);
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertEquals(false, FailingFileSystemSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");
        List<String> expected = lines(expectedDir);
        assertEquals(598, expected.size(), "matches");
        assertEquals(expected, lines(actualDir));
    }
}
