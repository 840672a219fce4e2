package io.sluice.table.api.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late rows routed to a table ({@code 'sluice.late-rows.table'}) go through the ordinary sink path: when the late
 * table's writer fails between two checkpoints, the job restarts from its latest checkpoint and the table holds every
 * late row exactly once.
 */
class LateRowsExactlyOnceTest {
    private static final Pattern ID = Pattern.compile("\"id\"+:(\\d+)");

    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void aFailedLateTableWriterRestartsFromTheCheckpointWithoutLossOrDuplicates() throws Exception {
        Path lateDir = tmp.resolve("late");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'execution.checkpointing.interval' = '40 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '5 ms'");
        // every tenth row after the first thousand is stamped 1970-01-01: far behind the watermark, so late
        env.executeSql("CREATE TABLE events (id BIGINT, ts AS CASE WHEN MOD(id, 10) = 0 AND id > 1000"
                + " THEN TO_TIMESTAMP_LTZ(0, 3) ELSE TO_TIMESTAMP_LTZ(id * 1000, 3) END, WATERMARK FOR ts AS ts)"
                + " WITH ('connector' = 'datagen', 'rows-per-second' = '8000', 'fields.id.kind' = 'sequence',"
                + " 'fields.id.start' = '1', 'fields.id.end' = '4000')");
        env.executeSql("CREATE TABLE windows (ws TIMESTAMP_LTZ(3), n BIGINT, s BIGINT) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + tmp.resolve("windows") + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE late_events (operator STRING, operator_watermark TIMESTAMP_LTZ(3),"
                + " row_time TIMESTAMP_LTZ(3), arrived_at TIMESTAMP_LTZ(3), late_row STRING) WITH ("
                + " 'connector' = 'failing-filesystem', 'path' = '" + lateDir + "', 'format' = 'csv',"
                + " 'fail-after-rows' = '150')");
        env.executeSql("SET 'sluice.late-rows.table' = 'late_events'");

        FailingFileSystemSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql("INSERT INTO windows SELECT window_start, COUNT(*), SUM(id)"
                + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
                + " GROUP BY window_start, window_end");
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertEquals(false, FailingFileSystemSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");

        List<Long> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(lateDir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = ID.matcher(line);
                    assertTrue(m.find(), line);
                    assertTrue(line.startsWith("\"WindowAggregate("), line);
                    ids.add(Long.parseLong(m.group(1)));
                }
            }
        }
        ids.sort(null);
        assertEquals(LongStream.rangeClosed(101, 400).map(i -> i * 10).boxed().toList(), ids);
    }
}
