package io.sluice.table.api.windowagg;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.lit;
import static io.sluice.table.api.Expressions.row;
import static io.sluice.table.api.windowagg.WindowAggregateTest.env;
import static io.sluice.table.api.windowagg.WindowAggregateTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.FlatAggregateTable;
import io.sluice.table.api.Session;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.Tumble;
import io.sluice.table.api.windowagg.WindowUdfs.MyMinMax;
import io.sluice.table.api.windowagg.WindowUdfs.Top2;
import io.sluice.table.api.windowagg.WindowUdfs.Top2WithRetract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flatAggregate} over Session windows, {@code aggregate}/{@code flatAggregate} grouped by an expression (named
 * {@code TMP_0} as in Flink, or by its {@code .as(...)}) and {@code select($("*"))} on a {@link FlatAggregateTable}.
 * The input is {@link WindowAggregateTest}'s (in streaming mode the row of 10:05 arrives after the watermark 10:11:59).
 */
@Timeout(60)
class FlatAggregateGroupingTest {
    @TempDir
    Path dir;

    private static FlatAggregateTable sessionTop2(TableEnvironment tableEnv) {
        return tableEnv.from("MyTable")
                .window(Session.withGap(lit(5).minutes()).on($("rowtime")).as("w"))
                .groupBy($("key"), $("w"))
                .flatAggregate(call(Top2.class, $("a")).as("v", "rank"));
    }

    @Test
    void flatAggregateOverSessionWindowsInBatchMode() throws Exception {
        Table result = sessionTop2(env(dir, false)).select($("key"), $("w").start(), $("w").end(), $("v"), $("rank"));
        assertEquals(List.of(
                "+I[alice, 2024-01-01T10:01, 2024-01-01T10:10, 10, 2]",
                "+I[alice, 2024-01-01T10:01, 2024-01-01T10:10, 99, 1]",
                "+I[alice, 2024-01-01T10:12, 2024-01-01T10:21, 35, 2]",
                "+I[alice, 2024-01-01T10:12, 2024-01-01T10:21, 40, 1]",
                "+I[bob, 2024-01-01T10:13, 2024-01-01T10:18, 20, 1]",
                "+I[bob, 2024-01-01T10:21, 2024-01-01T10:26, 50, 1]"), rows(result));
    }

    @Test
    void flatAggregateOverSessionWindowsInStreamingModeEmitsEachSessionOnce() throws Exception {
        FlatAggregateTable top2 = sessionTop2(env(dir, true));
        Table result = top2.select($("key"), $("w").start(), $("w").rowtime(), $("v"), $("rank"));
        assertEquals(List.of(
                "+I[alice, 2024-01-01T10:01, 2024-01-01T10:05:59.999, 10, 1]",
                "+I[alice, 2024-01-01T10:12, 2024-01-01T10:20:59.999, 35, 2]",
                "+I[alice, 2024-01-01T10:12, 2024-01-01T10:20:59.999, 40, 1]",
                "+I[bob, 2024-01-01T10:13, 2024-01-01T10:17:59.999, 20, 1]",
                "+I[bob, 2024-01-01T10:21, 2024-01-01T10:25:59.999, 50, 1]"), rows(result));
        String plan = result.explain();
        assertTrue(plan.contains("WindowTableAggregate(groupBy=[key, window_start, window_end, window_time]"), plan);
        assertTrue(plan.contains("SESSION"), plan);
        assertEquals(List.of("key", "v", "rank"), top2.select($("*")).getResolvedSchema().getColumnNames());
    }

    @Test
    void aWindowEmitsItsRowsWithEmitValueAlsoWhenTheFunctionHasEmitUpdateWithRetract() throws Exception {
        Table result = env(dir, true).from("MyTable")
                .window(Session.withGap(lit(5).minutes()).on($("rowtime")).as("w"))
                .groupBy($("key"), $("w"))
                .flatAggregate(call(Top2WithRetract.class, $("a")).as("v", "rank"))
                .select($("key"), $("v"), $("rank"));
        assertEquals(List.of("+I[alice, 10, 1]", "+I[alice, 35, 2]", "+I[alice, 40, 1]", "+I[bob, 20, 1]",
                "+I[bob, 50, 1]"), rows(result));
    }

    private static TableEnvironment numbers() {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tableEnv.createTemporaryView("Numbers",
                tableEnv.fromValues(row(1, "x"), row(2, "y"), row(3, "z"), row(4, "w"), row(5, "v")).as("a", "b"));
        return tableEnv;
    }

    @Test
    void groupedByAnExpression() throws Exception {
        TableEnvironment tableEnv = numbers();
        Table numbers = tableEnv.from("Numbers");
        Table top2 = numbers.groupBy($("a").mod(2))
                .flatAggregate(call(Top2.class, $("a")).as("v", "rank"))
                .select($("*"));
        assertEquals(List.of("TMP_0", "v", "rank"), top2.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[0, 2, 2]", "+I[0, 4, 1]", "+I[1, 3, 2]", "+I[1, 5, 1]"), rows(top2));

        Table sums = numbers.groupBy($("a").mod(2).as("parity"), $("b").charLength())
                .aggregate($("a").sum().as("total"))
                .select($("parity"), $("TMP_0"), $("total"));
        assertEquals(List.of("+I[0, 1, 6]", "+I[1, 1, 9]"), rows(sums));
        Table plain = numbers.groupBy($("a").mod(2).as("parity")).aggregate($("a").sum().as("total"))
                .select($("parity"), $("total"));
        assertEquals(tableEnv.explainSql("SELECT parity, total FROM (SELECT parity, SUM(a) AS total FROM "
                + "(SELECT a, b, MOD(a, 2) AS parity FROM Numbers) GROUP BY parity)"), plain.explain());
    }

    @Test
    void groupWindowsGroupedByAnExpression() throws Exception {
        TableEnvironment tableEnv = env(dir, false);
        Table table = tableEnv.from("MyTable");
        Table minMax = table
                .window(Tumble.over(lit(10).minutes()).on($("rowtime")).as("w"))
                .groupBy($("w"), $("a").mod(2))
                .aggregate(call(MyMinMax.class, $("a")).as("x", "y"))
                .select($("TMP_0"), $("w").start(), $("x"), $("y"));
        assertEquals(List.of(
                "+I[0, 2024-01-01T10:00, 10, 10]",
                "+I[0, 2024-01-01T10:10, 20, 40]",
                "+I[0, 2024-01-01T10:20, 50, 50]",
                "+I[1, 2024-01-01T10:00, 99, 99]",
                "+I[1, 2024-01-01T10:10, 35, 35]"), rows(minMax));

        Table top2 = env(dir, true).from("MyTable")
                .window(Session.withGap(lit(5).minutes()).on($("rowtime")).as("w"))
                .groupBy($("w"), $("key").upperCase().as("k"))
                .flatAggregate(call(Top2.class, $("a")).as("v", "rank"))
                .select($("*"));
        assertEquals(List.of("k", "v", "rank"), top2.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[ALICE, 10, 1]", "+I[ALICE, 35, 2]", "+I[ALICE, 40, 1]", "+I[BOB, 20, 1]",
                "+I[BOB, 50, 1]"), rows(top2));
    }
}
