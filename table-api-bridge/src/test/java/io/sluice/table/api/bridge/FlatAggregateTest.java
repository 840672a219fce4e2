package io.sluice.table.api.bridge;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.bridge.TableAggregateUdfs.NoEmit;
import io.sluice.table.api.bridge.TableAggregateUdfs.RetractableTop2;
import io.sluice.table.api.bridge.TableAggregateUdfs.Top2;
import io.sluice.table.api.bridge.TableAggregateUdfs.Top2WithRetract;
import io.sluice.table.api.bridge.TableAggregateUdfs.WrongEmittedType;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code flatAggregate} with table aggregate functions, as Flink documents it: Top2 per group and over the whole
 * table, by class and by registered name, the streaming changelog (the group's previous rows retracted with
 * {@code -D} before its new rows), {@code emitUpdateWithRetract}, batch mode, updating input, EXPLAIN and the
 * errors of invalid functions and calls.
 */
@Timeout(60)
class FlatAggregateTest {

    /** A scalar function, which flatAggregate rejects. */
    public static class NotATableAggregate extends io.sluice.table.functions.ScalarFunction {
        public Integer eval(Integer v) {
            return v;
        }
    }

    /** The rows of a table, sorted, as {@code +I[..]} strings. */
    static List<String> rows(Table table) throws Exception {
        List<String> out = unsorted(table);
        out.sort(null);
        return out;
    }

    /** The rows of a table (its changelog in streaming mode) in the order they arrive. */
    static List<String> unsorted(Table table) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        }
        return out;
    }

    private static TableEnvironment streaming() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'parallelism.default' = '1'");
        return env;
    }

    private static Table myTable(TableEnvironment env) {
        return env.fromValues(row("a", 1), row("a", 3), row("b", 2), row("a", 2)).as("myField", "value");
    }

    interface Action {
        void run() throws Exception;
    }

    private static String error(Action r) {
        Throwable t = assertThrows(Throwable.class, r::run);
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void top2PerGroupInStreamingModeRetractsTheGroupsPreviousRows() throws Exception {
        TableEnvironment env = streaming();
        Table result = myTable(env).groupBy($("myField"))
                .flatAggregate(call(Top2.class, $("value")).as("value", "rank"))
                .select($("myField"), $("value"), $("rank"));
        assertEquals(List.of("myField", "value", "rank"), result.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[a, 1, 1]",
                "-D[a, 1, 1]", "+I[a, 3, 1]", "+I[a, 1, 2]",
                "+I[b, 2, 1]",
                "-D[a, 3, 1]", "-D[a, 1, 2]", "+I[a, 3, 1]", "+I[a, 2, 2]"), unsorted(result));
    }

    @Test
    void registeredFunctionByNameWithDefaultColumnNames() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporarySystemFunction("Top2", Top2.class);
        Table result = myTable(env).groupBy($("myField")).flatAggregate(call("Top2", $("value")))
                .select($("myField"), $("f0"), $("f1"));
        assertEquals(List.of("+I[a, 2, 2]", "+I[a, 3, 1]", "+I[b, 2, 1]"), rows(result));
    }

    @Test
    void batchModeEmitsEachGroupsFinalRowsOnce() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        Table result = myTable(env).groupBy($("myField"))
                .flatAggregate(call(Top2.class, $("value")).as("value", "rank"))
                .select($("myField"), $("value"), $("rank"));
        assertEquals(List.of("+I[a, 2, 2]", "+I[a, 3, 1]", "+I[b, 2, 1]"), rows(result));
    }

    @Test
    void withoutGroupByTheWholeTableIsOneGroup() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        Table result = myTable(env).flatAggregate(call(Top2.class, $("value")).as("v", "r")).select($("v"), $("r"));
        assertEquals(List.of("+I[2, 2]", "+I[3, 1]"), rows(result));
        Table expression = myTable(env).flatAggregate(call(Top2.class, $("value").times(10))).select($("*"));
        assertEquals(List.of("f0", "f1"), expression.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[20, 2]", "+I[30, 1]"), rows(expression));
    }

    @Test
    void emitUpdateWithRetractEmitsOnlyTheChangedRanks() throws Exception {
        TableEnvironment env = streaming();
        Table result = myTable(env).groupBy($("myField"))
                .flatAggregate(call(Top2WithRetract.class, $("value")).as("value", "rank"))
                .select($("myField"), $("value"), $("rank"));
        assertEquals(List.of("+I[a, 1, 1]",
                "-D[a, 1, 1]", "+I[a, 3, 1]", "+I[a, 1, 2]",
                "+I[b, 2, 1]",
                "-D[a, 1, 2]", "+I[a, 2, 2]"), unsorted(result));
    }

    @Test
    void anUpdatingInputNeedsARetractMethod() throws Exception {
        TableEnvironment env = streaming();
        Table sums = env.fromValues(row("x", "a", 5L), row("x", "b", 7L), row("x", "a", 10L)).as("g", "k", "v")
                .groupBy($("g"), $("k")).select($("g"), $("k"), $("v").sum().as("s"));
        Table retracting = sums.groupBy($("g")).flatAggregate(call(RetractableTop2.class, $("s")))
                .select($("g"), $("v"), $("rank"));
        // a: 5, b: 7, then a becomes 15: its old sum 5 is retracted from the group's values
        assertEquals(List.of("+I[x, 5, 1]",
                "-D[x, 5, 1]", "+I[x, 7, 1]", "+I[x, 5, 2]",
                "-D[x, 7, 1]", "-D[x, 5, 2]", "+I[x, 7, 1]",
                "-D[x, 7, 1]", "+I[x, 15, 1]", "+I[x, 7, 2]"), unsorted(retracting));
        String message = error(() -> rows(env.fromValues(row("a", 1), row("a", 2)).as("k", "v")
                .groupBy($("k")).select($("k"), $("v").sum().as("s"))
                .flatAggregate(call(Top2.class, $("s"))).select($("*"))));
        assertTrue(message.contains("not supported yet: table aggregate function") && message.contains("Top2")
                && message.contains("over an updating input"), message);
    }

    @Test
    void flatAggregateOverGroupWindowsRunsFlinksTop2() throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("CREATE TABLE clicks (name STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) "
                + "WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
        io.sluice.table.api.FlatAggregateTable top2 = env.from("clicks")
                .window(io.sluice.table.api.Tumble.over(io.sluice.table.api.Expressions.lit(10).minutes())
                        .on($("ts")).as("w"))
                .groupBy($("w"), $("name"))
                .flatAggregate(call(Top2.class, $("v")).as("v", "rank"));
        assertEquals(List.of("name", "v", "rank"), top2.select($("*")).getResolvedSchema().getColumnNames());
        String plan = top2.select($("*")).explain();
        assertTrue(plan.contains("WindowTableAggregate(groupBy=[name, window_start, window_end, window_time]"), plan);
        List<String> rows = rows(top2.select($("name"), $("w").end(), $("rank")));
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("+I[") && rows.get(0).endsWith(", 1]"), rows.toString());
    }

    @Test
    void explainShowsTheGroupTableAggregate() {
        TableEnvironment env = streaming();
        env.createTemporarySystemFunction("Top2", Top2.class);
        env.executeSql("CREATE TABLE MyTable (myField STRING, `value` INT) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '10')");
        String plan = env.from("MyTable").groupBy($("myField")).flatAggregate(call("Top2", $("value")).as("v", "rank"))
                .select($("myField"), $("v"), $("rank")).explain();
        assertTrue(plan.contains("GroupTableAggregate(groupBy=[myField], select=[myField, Top2(value) AS (f0, f1)])"),
                plan);
    }

    @Test
    void invalidFunctionsAndCallsFailWithClearMessages() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        String noEmit = error(() -> env.createTemporarySystemFunction("NoEmit", NoEmit.class));
        assertTrue(noEmit.contains("has no public method 'emitValue(ACC accumulator, Collector<T> out)'"), noEmit);

        String wrongArgs = error(() -> myTable(env).groupBy($("value"))
                .flatAggregate(call(Top2.class, $("myField"))));
        assertTrue(wrongArgs.contains("No accumulate method of table aggregate function")
                && wrongArgs.contains("[VARCHAR"), wrongArgs);

        String wrongNames = error(() -> myTable(env).groupBy($("myField"))
                .flatAggregate(call(Top2.class, $("value")).as("only")));
        assertTrue(wrongNames.contains("flatAggregate's .as(...) gives 1 names [only] but the table aggregate"
                + " function") && wrongNames.contains("returns 2 columns [f0, f1]"), wrongNames);

        String ambiguous = error(() -> env.fromValues(row(1, 2)).as("f0", "v").groupBy($("f0"))
                .flatAggregate(call(Top2.class, $("v"))));
        assertTrue(ambiguous.contains("Ambiguous column name: f0 is both a group key and a result column"), ambiguous);

        String notATableAggregate = error(() -> myTable(env).flatAggregate(call(NotATableAggregate.class,
                $("value"))));
        assertTrue(notATableAggregate.contains("flatAggregate takes a table aggregate function (a subclass of "
                + "TableAggregateFunction), not " + NotATableAggregate.class.getName()), notATableAggregate);

        env.createTemporarySystemFunction("Top2", Top2.class);
        env.createTemporaryView("MyTable", myTable(env));
        String inSql = error(() -> env.sqlQuery("SELECT Top2(`value`) FROM MyTable"));
        assertTrue(inSql.contains("Table aggregate function 'Top2' (" + Top2.class.getName() + ") is used with the"
                + " Table API's flatAggregate") && inSql.contains("Flink SQL has no syntax for table aggregate"
                + " functions"), inSql);

        String notAFunctionCall = error(() -> myTable(env).flatAggregate($("value")));
        assertTrue(notAFunctionCall.contains("flatAggregate takes a table aggregate function call"), notAFunctionCall);

        String wrongEmitted = error(() -> rows(myTable(env).flatAggregate(call(WrongEmittedType.class,
                $("value"))).select($("*"))));
        assertTrue(wrongEmitted.contains("emitted not a number: 2 (java.lang.String) for column f0 of type INT"),
                wrongEmitted);
    }
}
