package io.sluice.table.api.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records routed to a table ({@code 'sluice.bad-records.table'}) go through the ordinary sink path and the
 * source's checkpoint position counts them: when the job fails between two checkpoints and restarts from its latest
 * checkpoint, the bad-records table holds every bad line exactly once, and the main table every good line once.
 */
class BadRecordsExactlyOnceTest {
    private static final int LINES = 30_000;

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void aFailedJobRestartsFromTheCheckpointWithoutLostOrDuplicatedBadRecords() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            text.append(i % 50 == 0 ? "bad" + i : i + ",p" + i).append('\n');
        }
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, text, StandardCharsets.UTF_8);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'execution.checkpointing.interval' = '20 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("CREATE TABLE lines (id BIGINT, payload STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'csv', 'sluice.bad-records.table' = 'bad_lines')");
        env.executeSql("CREATE TABLE bad_lines (table_name STRING, source STRING, source_partition INT,"
                + " source_offset BIGINT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3))"
                + " WITH ('connector' = 'filesystem', 'path' = '" + tmp.resolve("bad") + "', 'format' = 'json')");
        env.executeSql("CREATE TABLE good (id BIGINT, payload STRING) WITH ('connector' = 'failing-filesystem',"
                + " 'path' = '" + tmp.resolve("good") + "', 'format' = 'csv', 'fail-after-rows' = '15000')");

        FailingFileSystemSinkFactory.ARMED.set(true);
        TableResult result = env.executeSql("INSERT INTO good SELECT * FROM lines");
        result.await();
        var job = ((io.sluice.table.api.internal.JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertEquals(false, FailingFileSystemSinkFactory.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");

        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql("CREATE TABLE bad_lines (table_name STRING, source STRING, source_partition INT,"
                + " source_offset BIGINT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3))"
                + " WITH ('connector' = 'filesystem', 'path' = '" + tmp.resolve("bad") + "', 'format' = 'json')");
        batch.executeSql("CREATE TABLE good (id BIGINT, payload STRING) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + tmp.resolve("good") + "', 'format' = 'csv')");
        List<Long> badLines = new ArrayList<>();
        try (CloseableIterator<Row> it = batch.executeSql("SELECT source_offset, raw_text FROM bad_lines").collect()) {
            while (it.hasNext()) {
                Row r = it.next();
                assertEquals("bad" + r.getField(0), r.getField(1));
                badLines.add((Long) r.getField(0));
            }
        }
        badLines.sort(null);
        assertEquals(LongStream.rangeClosed(1, LINES / 50).map(i -> i * 50).boxed().toList(), badLines);
        List<Long> ids = new ArrayList<>();
        try (CloseableIterator<Row> it = batch.executeSql("SELECT id FROM good").collect()) {
            while (it.hasNext()) {
                ids.add((Long) it.next().getField(0));
            }
        }
        ids.sort(null);
        assertEquals(LongStream.rangeClosed(1, LINES).filter(i -> i % 50 != 0).boxed().toList(), ids);
    }
}
