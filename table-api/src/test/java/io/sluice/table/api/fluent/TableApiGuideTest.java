package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.UNBOUNDED_RANGE;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.lit;
import static io.sluice.table.api.Expressions.row;
import static io.sluice.table.api.fluent.FluentTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.DataTypes;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Over;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableDescriptor;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.Tumble;
import io.sluice.table.api.windowagg.WindowUdfs.MyMinMax;
import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.functions.TableAggregateFunction;
import io.sluice.types.Row;
import io.sluice.util.Collector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of {@code docs/table-api.md}: every ```java block of that page appears verbatim (up to indentation) in
 * this file ({@link TableApiDocPageTest} checks it), so the documented examples compile and run here.
 */
public class TableApiGuideTest {
    @TempDir
    Path dir;

    @Test
    void quickStart() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());

        tEnv.createTemporaryTable("Clicks", TableDescriptor.forConnector("datagen")
                .schema(Schema.newBuilder()
                        .column("user_id", DataTypes.INT())
                        .column("url", DataTypes.STRING())
                        .build())
                .option("number-of-rows", "100")
                .option("fields.user_id.min", "1")
                .option("fields.user_id.max", "3")
                .build());

        Table counts = tEnv.from("Clicks")
                .filter($("user_id").isNotNull())
                .groupBy($("user_id"))
                .select($("user_id"), $("url").count().as("clicks"));

        assertEquals(List.of("+I[100]"), rows(counts.select($("clicks").sum().as("total"))));
        assertEquals(3, rows(counts).size());
        assertEquals(List.of("user_id", "clicks"), counts.getResolvedSchema().getColumnNames());
    }

    @Test
    void valuesExpressionsAndFunctions() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());

        Table people = tEnv.fromValues(
                DataTypes.ROW(
                        DataTypes.FIELD("name", DataTypes.STRING()),
                        DataTypes.FIELD("age", DataTypes.INT())),
                row("Ann", 34),
                row("bob", 17),
                row("Cy", 52));

        Table result = people
                .filter($("age").isGreaterOrEqual(18))
                .select(
                        $("name").upperCase().as("name"),
                        $("age").plus(1).as("next_age"),
                        call("CONCAT", $("name"), "!").as("shout"))
                .orderBy($("next_age").desc());

        assertEquals(List.of("+I[CY, 53, Cy!]", "+I[ANN, 35, Ann!]"), FluentTestSupport.unsorted(result));
    }

    @Test
    void windowsAndJoins() throws Exception {
        TableEnvironment tEnv = FluentTestSupport.streaming(dir);

        Table orders = tEnv.from("Orders");

        Table perTenMinutes = orders
                .window(Tumble.over(lit(10).minutes()).on($("rowtime")).as("w"))
                .groupBy($("w"), $("a"))
                .select($("a"), $("w").start().as("window_start"), $("b").sum().as("total"));

        Table running = orders
                .window(Over.partitionBy($("a")).orderBy($("rowtime")).preceding(UNBOUNDED_RANGE).as("w"))
                .select($("a"), $("rowtime"), $("b").sum().over($("w")).as("running_total"));

        Table named = orders
                .join(tEnv.fromValues(row("alice", "Alice A."), row("bob", "Bob B.")).as("id", "full_name"),
                        $("a").isEqual($("id")))
                .select($("full_name"), $("b"));

        assertEquals(5, rows(perTenMinutes).size());
        assertEquals("+I[alice, 2024-01-01T10:12, 40]", rows(running).get(1));
        assertEquals(List.of("+I[Alice A., 10]", "+I[Alice A., 30]", "+I[Bob B., 20]", "+I[Bob B., 50]"),
                rows(named));
    }

    public static class Top2Accumulator {
        public Integer first = Integer.MIN_VALUE;
        public Integer second = Integer.MIN_VALUE;
    }

    @DataTypeHint("ROW<v INT, `rank` INT>")
    public static class Top2 extends TableAggregateFunction<Row, Top2Accumulator> {
        @Override
        public Top2Accumulator createAccumulator() {
            return new Top2Accumulator();
        }

        public void accumulate(Top2Accumulator acc, Integer value) {
            if (value > acc.first) {
                acc.second = acc.first;
                acc.first = value;
            } else if (value > acc.second) {
                acc.second = value;
            }
        }

        public void emitValue(Top2Accumulator acc, Collector<Row> out) {
            if (acc.first != Integer.MIN_VALUE) {
                out.collect(Row.of(acc.first, 1));
            }
            if (acc.second != Integer.MIN_VALUE) {
                out.collect(Row.of(acc.second, 2));
            }
        }
    }

    @Test
    void tableAggregateFunctions() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

        Table scores = tEnv.fromValues(row("a", 1), row("a", 3), row("b", 2), row("a", 2)).as("myField", "value");
        Table top2 = scores
                .groupBy($("myField"))
                .flatAggregate(call(Top2.class, $("value")).as("value", "rank"))
                .select($("myField"), $("value"), $("rank"));

        assertEquals(List.of("+I[a, 1, 1]", "-D[a, 1, 1]", "+I[a, 3, 1]", "+I[a, 1, 2]", "+I[b, 2, 1]",
                "-D[a, 3, 1]", "-D[a, 1, 2]", "+I[a, 3, 1]", "+I[a, 2, 2]"), FluentTestSupport.unsorted(top2));

        tEnv.createTemporarySystemFunction("Top2", Top2.class);
        Table overall = scores.flatAggregate(call("Top2", $("value"))).select($("*"));
        assertEquals(List.of("v", "rank"), overall.getResolvedSchema().getColumnNames());
    }

    @Test
    void explainAndInsert() throws Exception {
        TableEnvironment tEnv = FluentTestSupport.batch(dir);
        tEnv.executeSql("CREATE TABLE BigOrders (a STRING, b INT) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + dir.resolve("big") + "', 'format' = 'csv')");

        Table big = tEnv.from("Orders").filter($("b").isGreater(25)).select($("a"), $("b"));

        String plan = big.explain();
        assertEquals(tEnv.explainSql("SELECT a, b FROM Orders WHERE b > 25"), plan);

        big.insertInto("BigOrders").execute().await();

        assertEquals(List.of("+I[alice, 30]", "+I[bob, 50]", "+I[carol, 40]"), rows(tEnv.from("BigOrders")));
    }

    @Test
    void aggregateAndFlatAggregateOverGroupWindows() throws Exception {
        TableEnvironment tEnv = FluentTestSupport.batch(dir);
        Table table = tEnv.from("Orders").select($("a").as("key"), $("b").as("a"), $("rowtime"));

        Table result = table
                .window(Tumble.over(lit(5).minutes()).on($("rowtime")).as("w"))
                .groupBy($("key"), $("w"))
                .aggregate(call(MyMinMax.class, $("a")).as("x", "y"))
                .select($("key"), $("x"), $("y"), $("w").start());

        Table top2 = table
                .window(Tumble.over(lit(5).minutes()).on($("rowtime")).as("w"))
                .groupBy($("key"), $("w"))
                .flatAggregate(call(Top2.class, $("a")).as("v", "rank"))
                .select($("key"), $("w").start(), $("v"), $("rank"));

        assertEquals(List.of("+I[alice, 10, 10, 2024-01-01T10:00]", "+I[alice, 30, 30, 2024-01-01T10:10]",
                "+I[bob, 20, 20, 2024-01-01T10:05]", "+I[bob, 50, 50, 2024-01-01T10:20]",
                "+I[carol, 40, 40, 2024-01-01T10:10]"), rows(result));
        assertEquals(List.of("+I[alice, 2024-01-01T10:00, 10, 1]", "+I[alice, 2024-01-01T10:10, 30, 1]",
                "+I[bob, 2024-01-01T10:05, 20, 1]", "+I[bob, 2024-01-01T10:20, 50, 1]",
                "+I[carol, 2024-01-01T10:10, 40, 1]"), rows(top2));
    }
}
