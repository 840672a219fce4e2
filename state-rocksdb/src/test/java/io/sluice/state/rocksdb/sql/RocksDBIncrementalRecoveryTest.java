package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A streaming GROUP BY and a join with their state in RocksDB and incremental checkpoints fail once between two
 * checkpoints and restart from the latest: the changelog an exactly-once sink publishes folds into the same table as
 * an uninterrupted run's, and the checkpoints referenced shared files. Another job restores a failed job's
 * incremental checkpoint at another parallelism, and a savepoint of a job with incremental checkpoints is
 * self-contained.
 */
class RocksDBIncrementalRecoveryTest {
    private static final int ROWS = 6000;

    @TempDir
    Path tmp;

    private TableEnvironment env(int parallelism, Path checkpoints) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'state.backend.type' = 'rocksdb'");
        env.executeSql("SET 'state.backend.rocksdb.localdir' = '" + tmp.resolve("rocksdb") + "'");
        env.executeSql("SET 'execution.checkpointing.incremental' = 'true'");
        env.executeSql("SET 'execution.checkpointing.interval' = '50 ms'");
        env.executeSql("SET 'execution.checkpointing.num-retained' = '2'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("CREATE TABLE a (id BIGINT, v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "',"
                + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '" + ROWS + "')");
        env.executeSql("CREATE TABLE b (id BIGINT, w INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1200',"
                + " 'fields.w.kind' = 'sequence', 'fields.w.start' = '1', 'fields.w.end' = '1200')");
        return env;
    }

    /** Folds a changelog into its final rows: +I/+U add a row, -U/-D take an equal one out. */
    private static List<String> fold(List<String> changes) {
        List<String> table = new ArrayList<>();
        for (String change : changes) {
            String row = change.substring(2);
            if (change.startsWith("+I") || change.startsWith("+U")) {
                table.add(row);
            } else {
                assertTrue(table.remove(row), "a retraction of a row published before: " + change);
            }
        }
        Collections.sort(table);
        return table;
    }

    /** Runs {@code query} into a transactional sink, once cleanly and once with a failure; both folded tables. */
    private List<List<String>> runTwice(int parallelism, String columns, String query, long failAfter)
            throws Exception {
        String id = "run-" + System.nanoTime();
        TableEnvironment clean = env(parallelism, tmp.resolve("chk-clean"));
        clean.executeSql("CREATE TABLE expected (" + columns + ") WITH ('connector' = 'transactional-collect',"
                + " 'sink-id' = '" + id + "-expected')");
        clean.executeSql("INSERT INTO expected " + query).await();

        Path checkpoints = tmp.resolve("chk-failing");
        TableEnvironment failing = env(parallelism, checkpoints);
        failing.executeSql("CREATE TABLE actual (" + columns + ") WITH ('connector' = 'transactional-collect',"
                + " 'sink-id' = '" + id + "-actual', 'fail-after-rows' = '" + failAfter + "')");
        TransactionalCollectSinkFactory.ARMED.set(true);
        TableResult result = failing.executeSql("INSERT INTO actual " + query);
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertFalse(TransactionalCollectSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 1, "checkpoints were taken: " + job.completedCheckpoints());
        assertTrue(sharedFilesReferenced(checkpoints) > 0, "the checkpoints are incremental");
        return List.of(fold(TransactionalCollectSinkFactory.published(id + "-expected")),
                fold(TransactionalCollectSinkFactory.published(id + "-actual")));
    }

    /** Shared files the retained checkpoints under {@code checkpoints} reference (all of them exist). */
    private static int sharedFilesReferenced(Path checkpoints) throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.walk(checkpoints)) {
            for (Path list : files.filter(p -> p.getFileName().toString().equals("_shared")).toList()) {
                Path chk = list.getParent();
                for (String name : CheckpointStorage.sharedFilesOf(chk)) {
                    assertTrue(Files.exists(chk.resolveSibling(CheckpointStorage.SHARED_DIRECTORY).resolve(name)),
                            "a retained checkpoint's shared file exists: " + name);
                    n++;
                }
            }
        }
        return n;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    @Timeout(120)
    void groupByRestartsFromAnIncrementalCheckpointWithExactResults(int parallelism) throws Exception {
        List<List<String>> runs = runTwice(parallelism, "k BIGINT, c BIGINT, s INT, mx INT",
                "SELECT id % 100, COUNT(*), SUM(v), MAX(v) FROM a GROUP BY id % 100", 3000);
        assertEquals(expectedGroups(), runs.get(0), "the uninterrupted run");
        assertEquals(runs.get(0), runs.get(1), "the run with a failure");
    }

    /** The newest complete checkpoint under {@code checkpoints} (one job directory). */
    private static Path latestCheckpoint(Path checkpoints) throws IOException {
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.filter(p -> p.getFileName().toString().matches("chk-\\d+")
                            && Files.exists(p.resolve("_metadata")))
                    .max(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString()
                            .substring(4))))
                    .orElseThrow();
        }
    }

    private static List<String> expectedGroups() {
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            int sum = 0;
            int max = 0;
            for (int id = 1; id <= ROWS; id++) {
                if (id % 100 == k) {
                    sum += id;
                    max = id;
                }
            }
            expected.add("[" + k + ", " + ROWS / 100 + ", " + sum + ", " + max + "]");
        }
        Collections.sort(expected);
        return expected;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2"})
    @Timeout(120)
    void aFailedJobsIncrementalCheckpointRestoresAtAnotherParallelism(int from, int to) throws Exception {
        String id = "rescale-" + System.nanoTime();
        String query = "SELECT id % 100, COUNT(*), SUM(v), MAX(v) FROM a GROUP BY id % 100";
        Path firstCheckpoints = tmp.resolve("chk-first");
        TableEnvironment first = env(from, firstCheckpoints);
        first.executeSql("SET 'restart-strategy.type' = 'none'");
        first.executeSql("CREATE TABLE groups (k BIGINT, c BIGINT, s INT, mx INT) WITH ('connector' ="
                + " 'transactional-collect', 'sink-id' = '" + id + "', 'fail-after-rows' = '3000')");
        TransactionalCollectSinkFactory.ARMED.set(true);
        TableResult failed = first.executeSql("INSERT INTO groups " + query);
        assertThrows(Exception.class, failed::await, "the job fails without restarting");
        assertFalse(TransactionalCollectSinkFactory.ARMED.get(), "the failure was injected");
        Path checkpoint = latestCheckpoint(firstCheckpoints);
        java.util.Set<String> shared = CheckpointStorage.sharedFilesOf(checkpoint);
        assertFalse(shared.isEmpty(), "an incremental checkpoint: " + checkpoint);

        TableEnvironment second = env(to, tmp.resolve("chk-second"));
        second.executeSql("SET 'execution.savepoint.path' = '" + checkpoint + "'");
        second.executeSql("CREATE TABLE groups (k BIGINT, c BIGINT, s INT, mx INT) WITH ('connector' ="
                + " 'transactional-collect', 'sink-id' = '" + id + "')");
        second.executeSql("INSERT INTO groups " + query).await();
        assertEquals(expectedGroups(), fold(TransactionalCollectSinkFactory.published(id)));
        for (String name : shared) {
            assertTrue(Files.exists(checkpoint.resolveSibling(CheckpointStorage.SHARED_DIRECTORY).resolve(name)),
                    "the second job leaves the first job's files alone: " + name);
        }
    }

    @Test
    @Timeout(120)
    void savepointsOfAJobWithIncrementalCheckpointsAreSelfContained() throws Exception {
        String id = "savepoint-" + System.nanoTime();
        String query = "SELECT id % 100, COUNT(*), SUM(v), MAX(v) FROM a GROUP BY id % 100";
        TableEnvironment first = env(2, tmp.resolve("chk-first"));
        first.executeSql("CREATE TABLE groups (k BIGINT, c BIGINT, s INT, mx INT) WITH ('connector' ="
                + " 'transactional-collect', 'sink-id' = '" + id + "')");
        TableResult running = first.executeSql("INSERT INTO groups " + query);
        Thread.sleep(500); // the source needs 1.2 s for all rows: the job is stopped well before its end
        String savepoint = running.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        running.await();
        assertTrue(CheckpointStorage.sharedFilesOf(Path.of(savepoint)).isEmpty(), "no shared files");
        CheckpointStorage.Checkpoint read = CheckpointStorage.read(Path.of(savepoint));
        assertTrue(read.states().stream().anyMatch(s -> s.data() != null && s.data().length > 0));
        // the first job's checkpoints and shared files may go: the savepoint does not need them
        try (Stream<Path> files = Files.walk(tmp.resolve("chk-first"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        TableEnvironment second = env(1, tmp.resolve("chk-second"));
        second.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        second.executeSql("CREATE TABLE groups (k BIGINT, c BIGINT, s INT, mx INT) WITH ('connector' ="
                + " 'transactional-collect', 'sink-id' = '" + id + "')");
        second.executeSql("INSERT INTO groups " + query).await();
        assertEquals(expectedGroups(), fold(TransactionalCollectSinkFactory.published(id)));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    @Timeout(120)
    void joinRestartsFromAnIncrementalCheckpointWithExactResults(int parallelism) throws Exception {
        List<List<String>> runs = runTwice(parallelism, "id BIGINT, v INT, w INT",
                "SELECT a.id, a.v, b.w FROM a JOIN b ON a.id % 600 = b.id % 600", 4000);
        assertEquals(2 * ROWS, runs.get(0).size(), "every row of a meets two rows of b");
        assertEquals(runs.get(0), runs.get(1), "the run with a failure");
    }
}
