package io.sluice.table.api.windowagg;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Session;
import io.sluice.table.api.Slide;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.Tumble;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.windowagg.WindowUdfs.MyMinMax;
import io.sluice.table.api.windowagg.WindowUdfs.Top2;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's documented {@code window(..).groupBy(key, w).aggregate(..)} and {@code .flatAggregate(..)}, in batch and
 * streaming mode. The streaming input is read two rows per batch and the watermark (row time minus one second) is
 * emitted after the first batch only, so which rows are late is deterministic: after the first batch (10:01, 10:12)
 * the watermark is 10:11:59, and the row of 10:05 that follows is late for the window [10:00, 10:10).
 */
@Timeout(60)
class WindowAggregateTest {
    @TempDir
    Path dir;

    static final String ROWS = "alice,10,2024-01-01 10:01:00\n"
            + "alice,30,2024-01-01 10:12:00\n"
            + "alice,99,2024-01-01 10:05:00\n"
            + "bob,20,2024-01-01 10:13:00\n"
            + "alice,40,2024-01-01 10:14:00\n"
            + "bob,50,2024-01-01 10:21:00\n"
            + "alice,35,2024-01-01 10:16:00\n";

    static TableEnvironment env(Path dir, boolean streaming) throws Exception {
        Path in = dir.resolve("t.csv");
        Files.writeString(in, ROWS, StandardCharsets.UTF_8);
        TableEnvironment env = TableEnvironment.create(streaming ? EnvironmentSettings.inStreamingMode()
                : EnvironmentSettings.inBatchMode());
        env.executeSql("SET 'parallelism.default' = '1'");
        env.executeSql("SET 'table.exec.batch-size' = '2'");
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '1 h'");
        env.executeSql("CREATE TABLE MyTable (key STRING, a INT, rowtime TIMESTAMP(3),"
                + " WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    static List<String> rows(Table table) throws Exception {
        List<String> out = unsorted(table);
        out.sort(null);
        return out;
    }

    static List<String> unsorted(Table table) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        }
        return out;
    }

    private static Table minMax(TableEnvironment tableEnv) {
        Table table = tableEnv.from("MyTable");
        return table
                .window(Tumble.over(lit(10).minutes()).on($("rowtime")).as("w"))
                .groupBy($("key"), $("w"))
                .aggregate(call(MyMinMax.class, $("a")).as("x", "y"))
                .select($("key"), $("x"), $("y"), $("w").start());
    }

    @Test
    void aggregateWithATwoColumnResultInBatchMode() throws Exception {
        assertEquals(List.of(
                "+I[alice, 10, 99, 2024-01-01T10:00]",
                "+I[alice, 30, 40, 2024-01-01T10:10]",
                "+I[bob, 20, 20, 2024-01-01T10:10]",
                "+I[bob, 50, 50, 2024-01-01T10:20]"), rows(minMax(env(dir, false))));
    }

    @Test
    void aggregateInStreamingModeDropsLateRows() throws Exception {
        Table result = minMax(env(dir, true));
        assertEquals(List.of("key", "x", "y"), result.getResolvedSchema().getColumnNames().subList(0, 3));
        assertEquals(List.of(
                "+I[alice, 10, 10, 2024-01-01T10:00]",
                "+I[alice, 30, 40, 2024-01-01T10:10]",
                "+I[bob, 20, 20, 2024-01-01T10:10]",
                "+I[bob, 50, 50, 2024-01-01T10:20]"), rows(result));
    }

    @Test
    void aggregateWithoutAliasesUsesTheRowFieldNamesAndOtherWindows() throws Exception {
        TableEnvironment tableEnv = env(dir, false);
        Table table = tableEnv.from("MyTable");
        Table named = table
                .window(Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("rowtime")).as("w"))
                .groupBy($("w"), $("key"))
                .aggregate(call(MyMinMax.class, $("a")))
                .select($("key"), $("w").end(), $("w").rowtime(), $("mn"), $("mx"));
        assertEquals(List.of(
                "+I[alice, 2024-01-01T10:05, 2024-01-01T10:04:59.999, 10, 10]",
                "+I[alice, 2024-01-01T10:10, 2024-01-01T10:09:59.999, 10, 99]",
                "+I[alice, 2024-01-01T10:15, 2024-01-01T10:14:59.999, 30, 99]",
                "+I[alice, 2024-01-01T10:20, 2024-01-01T10:19:59.999, 30, 40]",
                "+I[alice, 2024-01-01T10:25, 2024-01-01T10:24:59.999, 35, 35]",
                "+I[bob, 2024-01-01T10:15, 2024-01-01T10:14:59.999, 20, 20]",
                "+I[bob, 2024-01-01T10:20, 2024-01-01T10:19:59.999, 20, 20]",
                "+I[bob, 2024-01-01T10:25, 2024-01-01T10:24:59.999, 50, 50]",
                "+I[bob, 2024-01-01T10:30, 2024-01-01T10:29:59.999, 50, 50]"), rows(named));

        Table sessions = table
                .window(Session.withGap(lit(5).minutes()).on($("rowtime")).as("w"))
                .groupBy($("key"), $("w"))
                .aggregate($("a").sum().as("total"))
                .select($("key"), $("w").start(), $("total"));
        assertEquals(List.of(
                "+I[alice, 2024-01-01T10:01, 109]",
                "+I[alice, 2024-01-01T10:12, 105]",
                "+I[bob, 2024-01-01T10:13, 20]",
                "+I[bob, 2024-01-01T10:21, 50]"), rows(sessions));
    }

    private static Table top2(TableEnvironment tableEnv) {
        Table table = tableEnv.from("MyTable");
        return table
                .window(Tumble.over(lit(10).minutes()).on($("rowtime")).as("w"))
                .groupBy($("key"), $("w"))
                .flatAggregate(call(Top2.class, $("a")).as("v", "rank"))
                .select($("key"), $("w").start(), $("v"), $("rank"));
    }

    @Test
    void flatAggregateInBatchMode() throws Exception {
        assertEquals(List.of(
                "+I[alice, 2024-01-01T10:00, 10, 2]",
                "+I[alice, 2024-01-01T10:00, 99, 1]",
                "+I[alice, 2024-01-01T10:10, 35, 2]",
                "+I[alice, 2024-01-01T10:10, 40, 1]",
                "+I[bob, 2024-01-01T10:10, 20, 1]",
                "+I[bob, 2024-01-01T10:20, 50, 1]"), rows(top2(env(dir, false))));
    }

    @Test
    void flatAggregateInStreamingModeEmitsEachWindowOnceAndDropsLateRows() throws Exception {
        Table result = top2(env(dir, true));
        assertEquals(List.of(
                "+I[alice, 2024-01-01T10:00, 10, 1]",
                "+I[alice, 2024-01-01T10:10, 35, 2]",
                "+I[alice, 2024-01-01T10:10, 40, 1]",
                "+I[bob, 2024-01-01T10:10, 20, 1]",
                "+I[bob, 2024-01-01T10:20, 50, 1]"), rows(result));
        String plan = result.explain();
        assertTrue(plan.contains("WindowTableAggregate(groupBy=[key, window_start, window_end, window_time], "
                + "select=[key, window_start, window_end, window_time, "), plan);
    }

    @Test
    void explainAndErrors() throws Exception {
        TableEnvironment tableEnv = env(dir, false);
        String plan = minMax(tableEnv).explain();
        assertTrue(plan.contains("MyMinMax"), plan);
        String flat = top2(tableEnv).explain();
        assertTrue(flat.contains("GroupTableAggregate"), flat);
        Table table = tableEnv.from("MyTable");
        ValidationException e = assertThrows(ValidationException.class, () -> table
                .window(Tumble.over(lit(10).minutes()).on($("rowtime")).as("w"))
                .groupBy($("key"), $("w"))
                .aggregate(call(MyMinMax.class, $("a")).as("x", "y", "z"))
                .select($("key")));
        assertTrue(e.getMessage().contains("3 columns"), e.getMessage());
    }
}
