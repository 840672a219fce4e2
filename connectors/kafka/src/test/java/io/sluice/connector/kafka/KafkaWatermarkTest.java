package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watermarks per Kafka partition driving event-time windows: a partition that is ahead does not fire windows
 * early, an idle partition times out, a partition added while running is read and holds the watermark.
 */
class KafkaWatermarkTest extends KafkaTestBase {
    @TempDir
    Path tmp;

    /** One record per second of event time, {@code from}..{@code to} seconds after 2024-01-01 00:00:00. */
    private static List<String[]> seconds(int from, int to) {
        List<String[]> records = new ArrayList<>();
        for (int s = from; s <= to; s++) {
            records.add(new String[] {null, String.format("2024-01-01 00:%02d:%02d", s / 60, s % 60)});
        }
        return records;
    }

    private static List<String> firstWindows(TableEnvironment env, String sql, int n, Runnable afterStart)
            throws Exception {
        List<String> rows = new ArrayList<>();
        TableResult result = env.executeSql(sql);
        afterStart.run();
        try (CloseableIterator<Row> it = result.collect()) {
            while (rows.size() < n && it.hasNext()) {
                rows.add(it.next().toString());
            }
        }
        return rows;
    }

    /** Keeps a partition active: one record a second of event time from {@code from} on, every 50 ms. */
    private static Thread feeder(String topic, int partition, int from) {
        return new Thread(() -> {
            for (int s = from; s < from + 200; s++) {
                try {
                    kafka.produce(topic, partition, null, seconds(s, s));
                    Thread.sleep(50);
                } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
                    return;
                }
            }
        });
    }

    private static final String WINDOWS = "SELECT window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE ev,"
            + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end";

    @Test
    @Timeout(60)
    void aPartitionAheadOfAnotherDoesNotFireWindowsEarly() throws Exception {
        kafka.createTopic("skew", 2);
        // partition 1 is a minute ahead before partition 0 has any record
        kafka.produce("skew", 1, null, seconds(0, 59));
        TableEnvironment env = streamingEnv();
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '10 ms'");
        env.executeSql("SET 'execution.checkpointing.interval' = '100 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("CREATE TABLE ev (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
                + with("skew", "'format' = 'csv', 'scan.startup.mode' = 'earliest-offset',"
                + " 'properties.group.id' = 'skew-test'"));
        List<String> windows = firstWindows(env, WINDOWS, 5, () -> {
            try {
                // the reader has read all of partition 1 (its offset is committed with a checkpoint) ...
                kafka.awaitCommittedOffset("skew-test", "skew", 1, 60);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            // ... and only then partition 0 catches up: none of its rows is late
            kafka.produce("skew", 0, null, seconds(0, 59));
        });
        // Flink: the watermark is min(partition 0, partition 1) - 1 s, so every window counts both partitions
        assertEquals(List.of("+I[2024-01-01T00:00, 20]", "+I[2024-01-01T00:00:10, 20]",
                "+I[2024-01-01T00:00:20, 20]", "+I[2024-01-01T00:00:30, 20]", "+I[2024-01-01T00:00:40, 20]"),
                windows);
    }

    @Test
    @Timeout(60)
    void anIdlePartitionStopsHoldingBackTheWatermark() throws Exception {
        kafka.createTopic("idle", 2);
        kafka.produce("idle", 0, null, seconds(0, 29));
        kafka.produce("idle", 1, null, seconds(0, 4)); // then nothing more
        TableEnvironment env = streamingEnv();
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '10 ms'");
        env.executeSql("CREATE TABLE ev (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
                + with("idle", "'format' = 'csv', 'scan.startup.mode' = 'earliest-offset',"
                + " 'scan.watermark.idle-timeout' = '300 ms'"));
        // partition 0 stays active (a record every 50 ms); without idleness partition 1 would hold the watermark
        // at 00:00:03 and no window would ever fire. (When every partition is idle the watermark holds, as in Flink.)
        Thread feeder = feeder("idle", 0, 30);
        List<String> windows = firstWindows(env, WINDOWS, 2, feeder::start);
        feeder.interrupt();
        feeder.join();
        assertEquals(List.of("+I[2024-01-01T00:00, 15]", "+I[2024-01-01T00:00:10, 10]"), windows);
    }

    @Test
    @Timeout(60)
    void aReaderWhosePartitionsAreAllIdleStopsHoldingBackTheOtherReaders() throws Exception {
        // at parallelism 2 each reader owns one partition; the reader of the quiet one becomes idle through the
        // table's option alone (no 'table.exec.source.idle-timeout'), so the windows of the other one fire
        kafka.createTopic("idle2", 2);
        kafka.produce("idle2", 0, null, seconds(0, 29));
        kafka.produce("idle2", 1, null, seconds(0, 0));
        TableEnvironment env = streamingEnv();
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '10 ms'");
        env.executeSql("CREATE TABLE ev (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
                + with("idle2", "'format' = 'csv', 'scan.startup.mode' = 'earliest-offset',"
                + " 'scan.watermark.idle-timeout' = '300 ms'"));
        // partition 0 stays active; when every input of an operator is idle its watermark holds, so the test keeps
        // the reader of partition 0 busy while the other one goes idle
        Thread feeder = feeder("idle2", 0, 30);
        List<String> windows = new ArrayList<>();
        TableResult result = env.executeSql(WINDOWS);
        feeder.start();
        try (CloseableIterator<Row> it = result.collect()) {
            // the two aggregate instances each fire their own windows: read until both early windows are there
            while (windows.size() < 2 && it.hasNext()) {
                String row = it.next().toString();
                if (row.contains("T00:00, ") || row.contains("T00:00:10, ")) {
                    windows.add(row);
                }
            }
        }
        feeder.interrupt();
        feeder.join();
        java.util.Collections.sort(windows);
        assertEquals(List.of("+I[2024-01-01T00:00, 11]", "+I[2024-01-01T00:00:10, 10]"), windows);
    }

    @Test
    @Timeout(60)
    void aPartitionAddedWhileRunningIsReadAndHoldsTheWatermarkUntilItHasRecords() throws Exception {
        kafka.createTopic("grow_wm", 1);
        kafka.produce("grow_wm", 0, null, seconds(0, 15));
        TableEnvironment env = streamingEnv();
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '10 ms'");
        env.executeSql("SET 'execution.checkpointing.interval' = '100 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("CREATE TABLE ev (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
                + with("grow_wm", "'format' = 'csv', 'scan.startup.mode' = 'earliest-offset',"
                + " 'scan.topic-partition-discovery.interval' = '50 ms', 'properties.group.id' = 'grow-test'"));
        List<String> rows = new ArrayList<>();
        TableResult result = env.executeSql(WINDOWS);
        try (CloseableIterator<Row> it = result.collect()) {
            rows.add(it.next().toString()); // [0, 10) fired by partition 0 alone: 10 rows
            kafka.addPartitions("grow_wm", 2);
            // the new partition is read from its start; its early rows still count in window [10, 20)
            kafka.produce("grow_wm", 1, null, seconds(12, 13));
            kafka.awaitCommittedOffset("grow-test", "grow_wm", 1, 2); // the reader has found and read it
            kafka.produce("grow_wm", 0, null, seconds(16, 25));
            kafka.produce("grow_wm", 1, null, seconds(14, 25));
            rows.add(it.next().toString());
        }
        assertEquals(List.of("+I[2024-01-01T00:00, 10]", "+I[2024-01-01T00:00:10, 18]"), rows);
    }
}
