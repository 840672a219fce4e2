package io.sluice.table.api.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming filesystem source with {@code source.monitor-interval} reads files added while the job runs, and a
 * job restarted from a checkpoint or a savepoint reads each file exactly once: the set of files read is part of
 * the checkpoint.
 */
class MonitoredFileSourceRecoveryTest {
    @TempDir
    Path tmp;

    /** Adds a csv file of ids {@code from} to {@code to}: written under a hidden name, then renamed. */
    private static void addFile(Path dir, String name, int from, int to) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(i).append(",v").append(i).append('\n');
        }
        Path hidden = dir.resolve("." + name);
        Files.writeString(hidden, sb.toString());
        Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

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
        return all;
    }

    /** Waits until the committed output holds at least {@code n} lines. */
    private static List<String> awaitLines(Path dir, int n) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> all = lines(dir);
        while (all.size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            all = lines(dir);
        }
        return all;
    }

    private TableEnvironment env(Path in, Path checkpoints) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'execution.checkpointing.interval' = '40 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '16'");
        env.executeSql("CREATE TABLE src (id INT, v STRING) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv', 'source.monitor-interval' = '20 ms')");
        return env;
    }

    @Test
    @Timeout(60)
    void filesAddedWhileTheQueryRunsAppearInItsResult() throws Exception {
        Path in = tmp.resolve("in");
        addFile(in, "a.csv", 1, 2);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE src (id INT, v STRING) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv', 'source.monitor-interval' = '10 ms')");
        TableResult result = env.executeSql("SELECT id, UPPER(v) FROM src WHERE id <> 3");
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            while (rows.size() < 2) {
                rows.add(it.next().toString());
            }
            addFile(in, "b.csv", 3, 5);
            while (rows.size() < 4) {
                rows.add(it.next().toString());
            }
        }
        rows.sort(null);
        assertEquals(List.of("+I[1, V1]", "+I[2, V2]", "+I[4, V4]", "+I[5, V5]"), rows);
    }

    @Test
    @Timeout(90)
    void aJobRestartedFromItsCheckpointReadsEachFileOnce() throws Exception {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        for (int f = 0; f < 10; f++) {
            addFile(in, "f" + f + ".csv", f * 100 + 1, f * 100 + 100);
        }
        TableEnvironment env = env(in, tmp.resolve("chk"));
        env.executeSql("CREATE TABLE failing_sink (id INT, v STRING) WITH ('connector' = 'failing-filesystem',"
                + " 'path' = '" + out + "', 'format' = 'csv', 'fail-after-rows' = '500')");
        FailingFileSystemSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql("INSERT INTO failing_sink SELECT * FROM src");
        try {
            List<String> all = awaitLines(out, 1000);
            assertEquals(false, FailingFileSystemSinkFactory.ARMED.get(), "the failure was injected");
            addFile(in, "late.csv", 1001, 1050);
            all = awaitLines(out, 1050);
            Thread.sleep(200); // a few more checkpoints: nothing read twice shows up
            all = lines(out);
            assertEquals(1050, all.size(), "every row once");
            assertEquals(1050, new HashSet<>(all).size(), "no row twice");
            var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
            assertEquals(1, job.restarts(), "restarts");
        } finally {
            FailingFileSystemSinkFactory.ARMED.set(false);
            result.getJobClient().orElseThrow().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(90)
    void aJobResumedFromASavepointReadsOnlyTheNewFiles() throws Exception {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        addFile(in, "a.csv", 1, 300);
        addFile(in, "b.csv", 301, 600);
        TableEnvironment env = env(in, tmp.resolve("chk"));
        env.executeSql("CREATE TABLE sink (id INT, v STRING) WITH ('connector' = 'filesystem', 'path' = '" + out
                + "', 'format' = 'csv')");
        TableResult first = env.executeSql("INSERT INTO sink SELECT * FROM src");
        assertEquals(600, awaitLines(out, 600).size());
        String savepoint = first.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        first.await();
        addFile(in, "c.csv", 601, 650);

        env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        TableResult second = env.executeSql("INSERT INTO sink SELECT * FROM src");
        try {
            List<String> all = awaitLines(out, 650);
            Thread.sleep(200);
            all = lines(out);
            assertEquals(650, all.size(), "every row once");
            assertEquals(650, new HashSet<>(all).size(), "no row twice");
            assertTrue(all.contains("650,v650"));
        } finally {
            second.getJobClient().orElseThrow().cancel().get(30, TimeUnit.SECONDS);
        }
    }
}
