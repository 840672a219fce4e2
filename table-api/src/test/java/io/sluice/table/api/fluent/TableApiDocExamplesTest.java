package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.CURRENT_RANGE;
import static io.sluice.table.api.Expressions.UNBOUNDED_RANGE;
import static io.sluice.table.api.Expressions.and;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.concat;
import static io.sluice.table.api.Expressions.lit;
import static io.sluice.table.api.Expressions.rowInterval;
import static io.sluice.table.api.fluent.FluentTestSupport.rows;
import static io.sluice.table.api.fluent.FluentTestSupport.unsorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.Over;
import io.sluice.table.api.Session;
import io.sluice.table.api.Slide;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.Tumble;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of Flink's "Table API" documentation page with {@code org.apache.flink} replaced by {@code io.sluice},
 * run on a small "Orders" table (a STRING, b INT, c STRING, rowtime TIMESTAMP(3) with a watermark).
 */
class TableApiDocExamplesTest {
    @TempDir
    Path dir;

    @Test
    void scanProjectionAndFilter() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.batch(dir);
        Table orders = tableEnv.from("Orders");
        assertEquals(List.of("+I[alice, red apple]", "+I[alice, red wine]", "+I[bob, blue sky]", "+I[bob, red car]",
                "+I[carol, green tea]"), rows(orders.select($("a"), $("c").as("d"))));
        assertEquals(List.of("a", "d"), orders.select($("a"), $("c").as("d")).getResolvedSchema().getColumnNames());
        assertEquals(List.of("a", "_c1", "_c2"), orders.select($("a"), $("b").plus(1), lit(1))
                .getResolvedSchema().getColumnNames());
        assertEquals(5, rows(orders.select($("*"))).size());
        assertEquals(List.of("x", "y", "z", "t"), orders.as("x", "y", "z", "t").getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[alice, 10, red apple, 2024-01-01T10:01]"),
                rows(orders.where($("c").isEqual("red apple"))));
        assertEquals(List.of("+I[alice, 10]", "+I[alice, 30]", "+I[bob, 20]", "+I[bob, 50]", "+I[carol, 40]"),
                rows(orders.filter($("b").mod(2).isEqual(0)).select($("a"), $("b"))));
    }

    @Test
    void columnOperations() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.batch(dir);
        Table orders = tableEnv.from("Orders").filter($("b").isEqual(10));
        assertEquals(List.of("+I[alice, 10, red apple, 2024-01-01T10:01, red applesunny]"),
                rows(orders.addColumns(concat($("c"), "sunny"))));
        Table replaced = orders.addOrReplaceColumns(concat($("c"), "sunny").as("desc"));
        assertEquals(List.of("a", "b", "c", "rowtime", "desc"), replaced.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[alice, 10, red apple, 2024-01-01T10:01, red applesunny]"), rows(replaced));
        assertEquals(List.of("+I[alice, 10, RED APPLE, 2024-01-01T10:01]"),
                rows(orders.addOrReplaceColumns($("c").upperCase().as("c"))));
        assertEquals(List.of("+I[alice, 2024-01-01T10:01]"), rows(orders.dropColumns($("b"), $("c"))));
        Table renamed = orders.renameColumns($("b").as("b2"), $("c").as("c2"));
        assertEquals(List.of("a", "b2", "c2", "rowtime"), renamed.getResolvedSchema().getColumnNames());
    }

    @Test
    void groupByAggregationAndDistinct() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.batch(dir);
        Table orders = tableEnv.from("Orders");
        assertEquals(List.of("+I[alice, 40]", "+I[bob, 70]", "+I[carol, 40]"),
                rows(orders.groupBy($("a")).select($("a"), $("b").sum().as("d"))));
        Table twice = orders.unionAll(orders);
        assertEquals(List.of("+I[alice, 40]", "+I[bob, 70]", "+I[carol, 40]"),
                rows(twice.groupBy($("a")).select($("a"), $("b").sum().distinct().as("d"))));
        assertEquals(5, rows(twice.distinct()).size());
        assertEquals(List.of("+I[alice, 2, 20]", "+I[bob, 2, 35]", "+I[carol, 1, 40]"),
                rows(orders.groupBy($("a")).select($("a"), $("b").count().as("cnt"), $("b").avg().as("avg"))));
    }

    @Test
    void groupWindowAggregations() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.streaming(dir);
        Table orders = tableEnv.from("Orders");
        Table tumbling = orders
                .window(Tumble.over(lit(10).minutes()).on($("rowtime")).as("w"))
                .groupBy($("a"), $("w"))
                .select($("a"), $("w").start(), $("w").end(), $("w").rowtime(), $("b").sum().as("d"));
        assertEquals(List.of(
                "+I[alice, 2024-01-01T10:00, 2024-01-01T10:10, 2024-01-01T10:09:59.999, 10]",
                "+I[alice, 2024-01-01T10:10, 2024-01-01T10:20, 2024-01-01T10:19:59.999, 30]",
                "+I[bob, 2024-01-01T10:00, 2024-01-01T10:10, 2024-01-01T10:09:59.999, 20]",
                "+I[bob, 2024-01-01T10:20, 2024-01-01T10:30, 2024-01-01T10:29:59.999, 50]",
                "+I[carol, 2024-01-01T10:10, 2024-01-01T10:20, 2024-01-01T10:19:59.999, 40]"), rows(tumbling));

        Table sliding = orders
                .window(Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("rowtime")).as("w"))
                .groupBy($("w"))
                .select($("w").start().as("s"), $("b").sum().as("total"));
        assertEquals(List.of("+I[2024-01-01T09:55, 10]", "+I[2024-01-01T10:00, 30]", "+I[2024-01-01T10:05, 90]",
                "+I[2024-01-01T10:10, 70]", "+I[2024-01-01T10:15, 50]", "+I[2024-01-01T10:20, 50]"), rows(sliding));

        Table sessions = orders
                .window(Session.withGap(lit(6).minutes()).on($("rowtime")).as("w"))
                .groupBy($("a"), $("w"))
                .select($("a"), $("w").start(), $("w").end(), $("b").count().as("n"));
        assertEquals(List.of(
                "+I[alice, 2024-01-01T10:01, 2024-01-01T10:07, 1]",
                "+I[alice, 2024-01-01T10:12, 2024-01-01T10:18, 1]",
                "+I[bob, 2024-01-01T10:07, 2024-01-01T10:13, 1]",
                "+I[bob, 2024-01-01T10:21, 2024-01-01T10:27, 1]",
                "+I[carol, 2024-01-01T10:14, 2024-01-01T10:20, 1]"), rows(sessions));
    }

    @Test
    void overviewExampleWindowOverAFilteredProjection() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.streaming(dir);
        Table orders = tableEnv.from("Orders");
        Table result = orders
                .filter(and($("a").isNotNull(), $("b").isNotNull(), $("c").isNotNull()))
                .select($("a").lowerCase().as("a"), $("b"), $("rowtime"))
                .window(Tumble.over(lit(1).hours()).on($("rowtime")).as("hourlyWindow"))
                .groupBy($("hourlyWindow"), $("a"))
                .select($("a"), $("hourlyWindow").end().as("hour"), $("b").avg().as("avgBillingAmount"));
        assertEquals(List.of("+I[alice, 2024-01-01T11:00, 20]", "+I[bob, 2024-01-01T11:00, 35]",
                "+I[carol, 2024-01-01T11:00, 40]"), rows(result));
    }

    @Test
    void overWindowAggregation() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.streaming(dir);
        Table orders = tableEnv.from("Orders");
        Table result = orders
                .window(Over.partitionBy($("a")).orderBy($("rowtime")).preceding(UNBOUNDED_RANGE)
                        .following(CURRENT_RANGE).as("w"))
                .select($("a"), $("b").avg().over($("w")), $("b").max().over($("w")), $("b").min().over($("w")));
        assertEquals(List.of("+I[alice, 10, 10, 10]", "+I[alice, 20, 30, 10]", "+I[bob, 20, 20, 20]",
                "+I[bob, 35, 50, 20]", "+I[carol, 40, 40, 40]"), rows(result));
        Table lastTwo = orders
                .window(Over.orderBy($("rowtime")).preceding(rowInterval(1L)).as("w"))
                .select($("c"), $("b").sum().over($("w")).as("s"));
        assertEquals(List.of("+I[blue sky, 30]", "+I[green tea, 70]", "+I[red apple, 10]", "+I[red car, 90]",
                "+I[red wine, 50]"), rows(lastTwo));
    }

    @Test
    void joins() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.batch(dir);
        Table left = tableEnv.from("Orders").select($("a"), $("b"), $("c"));
        Table right = tableEnv.fromValues(call("UPPER", "x")).as("e")
                .addColumns(lit("alice").as("d"));
        assertEquals(List.of("+I[alice, 10, X]", "+I[alice, 30, X]"),
                rows(left.join(right).where($("a").isEqual($("d"))).select($("a"), $("b"), $("e"))));
        assertEquals(List.of("+I[alice, 10, X]", "+I[alice, 30, X]", "+I[bob, 20, null]", "+I[bob, 50, null]",
                "+I[carol, 40, null]"),
                rows(left.leftOuterJoin(right, $("a").isEqual($("d"))).select($("a"), $("b"), $("e"))));
        assertEquals(List.of("+I[alice, 10, X]", "+I[alice, 30, X]"),
                rows(left.join(right, $("a").isEqual($("d"))).select($("a"), $("b"), $("e"))));
        assertEquals(6, rows(left.fullOuterJoin(right.filter($("e").isEqual("none")).addColumns(lit(1).as("z")),
                $("a").isEqual($("d"))).select($("a"), $("e"))).size() + 1);
    }

    @Test
    void setOperations() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.batch(dir);
        Table left = tableEnv.from("Orders").select($("a"));
        Table right = tableEnv.fromValues("alice", "dave").as("a");
        assertEquals(List.of("+I[alice]", "+I[bob]", "+I[carol]", "+I[dave]"), rows(left.union(right)));
        assertEquals(7, rows(left.unionAll(right)).size());
        assertEquals(List.of("+I[alice]"), rows(left.intersect(right)));
        assertEquals(List.of("+I[alice]"), rows(left.intersectAll(right)));
        assertEquals(List.of("+I[bob]", "+I[carol]"), rows(left.minus(right)));
        assertEquals(List.of("+I[alice]", "+I[bob]", "+I[bob]", "+I[carol]"), rows(left.minusAll(right)));
        Table orders = tableEnv.from("Orders");
        assertEquals(List.of("+I[alice, 10, red apple]", "+I[alice, 30, red wine]"),
                rows(orders.select($("a"), $("b"), $("c")).where($("a").in(right))));
    }

    @Test
    void orderByOffsetFetch() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.batch(dir);
        Table in = tableEnv.from("Orders").select($("b"));
        assertEquals(List.of("+I[10]", "+I[20]", "+I[30]", "+I[40]", "+I[50]"), unsorted(in.orderBy($("b").asc())));
        assertEquals(List.of("+I[50]", "+I[40]"), unsorted(in.orderBy($("b").desc()).fetch(2)));
        assertEquals(List.of("+I[40]", "+I[50]"), unsorted(in.orderBy($("b").asc()).offset(3)));
        assertEquals(List.of("+I[20]", "+I[30]"), unsorted(in.orderBy($("b").asc()).offset(1).fetch(2)));
        assertEquals(List.of("+I[20]", "+I[30]"), unsorted(in.orderBy($("b").asc()).limit(1, 2)));
        Table orders = tableEnv.from("Orders");
        assertEquals(List.of("+I[bob]", "+I[carol]", "+I[alice]", "+I[bob]", "+I[alice]"),
                unsorted(orders.orderBy($("b").desc()).select($("a"))));
        assertEquals(List.of("+I[bob, 50]", "+I[carol, 40]"),
                unsorted(orders.orderBy($("b").desc()).filter($("b").isGreater(30)).select($("a"), $("b"))));
        assertEquals(List.of("+I[50, bob]", "+I[40, carol]"),
                unsorted(orders.orderBy($("b").desc()).fetch(2).select($("b").as("a"), $("a").as("b"))));
    }

    @Test
    void insertInto() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.batch(dir);
        tableEnv.executeSql("CREATE TABLE OutOrders (a STRING, b INT) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("out") + "', 'format' = 'csv')");
        Table orders = tableEnv.from("Orders").filter($("b").isGreater(30)).select($("a"), $("b"));
        orders.insertInto("OutOrders").execute().await();
        assertEquals(List.of("+I[bob, 50]", "+I[carol, 40]"), rows(tableEnv.from("OutOrders")));
        tableEnv.from("Orders").filter($("b").isLess(20)).select($("a"), $("b")).executeInsert("OutOrders").await();
        assertEquals(List.of("+I[alice, 10]", "+I[bob, 50]", "+I[carol, 40]"), rows(tableEnv.from("OutOrders")));
    }

    @Test
    void mixingSqlAndTableApi() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.batch(dir);
        Table big = tableEnv.sqlQuery("SELECT a, b FROM Orders WHERE b > 20").filter($("a").isNotEqual("bob"));
        assertEquals(List.of("+I[alice, 30]", "+I[carol, 40]"), rows(big));
        assertEquals(List.of("+I[2]"), rows(tableEnv.sqlQuery("SELECT COUNT(*) FROM " + big)));
        tableEnv.createTemporaryView("Big", big);
        assertEquals(List.of("+I[70]"), rows(tableEnv.sqlQuery("SELECT SUM(b) FROM Big")));
        assertEquals(List.of("+I[70]"), rows(tableEnv.from("Big").select($("b").sum())));
    }

    @Test
    void streamingAggregationEmitsAChangelog() throws Exception {
        TableEnvironment tableEnv = FluentTestSupport.streaming(dir);
        Table counts = tableEnv.from("Orders").groupBy($("a")).select($("a"), $("b").count().as("cnt"));
        List<String> changelog = unsorted(counts);
        assertEquals(List.of("+I[alice, 1]", "+I[bob, 1]", "-U[alice, 1]", "+U[alice, 2]", "+I[carol, 1]",
                "-U[bob, 1]", "+U[bob, 2]"), changelog);
    }
}
