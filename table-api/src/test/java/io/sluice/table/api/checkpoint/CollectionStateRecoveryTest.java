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
 * ARRAY, MAP and ROW columns held in operator state (a streaming join's rows) survive a failure: the job restarts
 * from its checkpoint and the json sink holds exactly the rows of an uninterrupted run.
 */
class CollectionStateRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void joinStateWithCollectionColumnsRestoresFromCheckpoint() throws Exception {
        Path expectedDir = tmp.resolve("expected");
        Path actualDir = tmp.resolve("actual");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'execution.checkpointing.interval' = '40 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        for (String name : List.of("l", "r")) {
            env.executeSql("CREATE TABLE " + name + " (id BIGINT, v INT) WITH ('connector' = 'datagen',"
                    + " 'rows-per-second' = '8000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
                    + " 'fields.id.end' = '3000', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1',"
                    + " 'fields.v.end' = '3000')");
        }
        String columns = "(id BIGINT, arr ARRAY<BIGINT>, m MAP<STRING, INT>, r ROW<a BIGINT, b ARRAY<STRING>>)";
        String query = "SELECT a.id, a.arr, b.m, b.r FROM (SELECT id, ARRAY[id, id * 2] AS arr FROM l) a"
                + " JOIN (SELECT id, MAP['v', v] AS m, ROW(id, SPLIT(CAST(v AS STRING), '0')) AS r FROM r) b"
                + " ON a.id = b.id";
        env.executeSql("CREATE TABLE expected_sink " + columns + " WITH ('connector' = 'filesystem', 'path' = '"
                + expectedDir + "', 'format' = 'json')");
        env.executeSql("CREATE TABLE failing_sink " + columns + " WITH ('connector' = 'failing-filesystem',"
                + " 'path' = '" + actualDir + "', 'format' = 'json', 'fail-after-rows' = '2000')");
        env.executeSql("INSERT INTO expected_sink " + query).await();

        FailingFileSystemSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql("INSERT INTO failing_sink " + query);
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertEquals(false, FailingFileSystemSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");
        List<String> expected = lines(expectedDir);
        assertEquals(3000, expected.size());
        assertTrue(expected.contains("{\"id\":10,\"arr\":[10,20],\"m\":{\"v\":10},\"r\":{\"a\":10,\"b\":[\"1\",\"\"]}}"),
                expected.get(0));
        assertEquals(expected, lines(actualDir));
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
}
