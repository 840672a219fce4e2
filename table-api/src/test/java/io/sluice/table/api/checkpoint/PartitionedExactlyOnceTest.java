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
 * A streaming job writing a partitioned filesystem table restarts from its latest checkpoint after a failure in
 * the sink, and every partition directory ends with exactly the rows of an uninterrupted run; every partition has
 * its success file.
 */
class PartitionedExactlyOnceTest {
    @TempDir
    Path tmp;

    /** "partition-dir/line" for every line of every visible file below {@code dir}, sorted. */
    private static List<String> lines(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith("_")) {
                    String partition = dir.relativize(f.getParent()).toString();
                    for (String line : Files.readAllLines(f)) {
                        all.add(partition + "/" + line);
                    }
                }
            }
        }
        Collections.sort(all);
        return all;
    }

    private static List<String> successFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().equals("_SUCCESS"))
                    .map(f -> dir.relativize(f.getParent()).toString()).sorted().toList();
        }
    }

    @Test
    @Timeout(60)
    void aFailedPartitionedWriteRestartsWithoutLossOrDuplicates() throws Exception {
        Path expectedDir = tmp.resolve("expected");
        Path actualDir = tmp.resolve("actual");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'execution.checkpointing.interval' = '40 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '8000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4000')");
        String columns = "(id BIGINT, p STRING, q INT) PARTITIONED BY (p, q) WITH (";
        String options = "'format' = 'csv', 'sink.partition-commit.policy.kind' = 'success-file'";
        env.executeSql("CREATE TABLE expected_sink " + columns + "'connector' = 'filesystem', 'path' = '" + expectedDir
                + "', " + options + ")");
        env.executeSql("CREATE TABLE failing_sink " + columns + "'connector' = 'failing-filesystem', 'path' = '"
                + actualDir + "', " + options + ", 'fail-after-rows' = '2500')");
        String query = " SELECT id, CASE WHEN id % 3 = 0 THEN 'a/b' ELSE CAST(id % 3 AS STRING) END,"
                + " CAST(id % 4 AS INT) FROM src";
        env.executeSql("INSERT INTO expected_sink" + query).await();

        FailingFileSystemSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql("INSERT INTO failing_sink" + query);
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertEquals(false, FailingFileSystemSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");
        List<String> expected = lines(expectedDir);
        assertEquals(4000, expected.size());
        assertTrue(expected.contains("p=a%2Fb/q=3/3"), expected.subList(0, 5).toString());
        assertEquals(expected, lines(actualDir));
        assertEquals(12, successFiles(actualDir).size());
        assertEquals(successFiles(expectedDir), successFiles(actualDir));
    }
}
