package io.sluice.table.api.windowagg;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.Tumble;
import io.sluice.table.api.windowagg.WindowUdfs.Top2;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A streaming {@code window(Tumble).groupBy(k, w).flatAggregate(Top2)} at parallelism 2 stopped with a savepoint part
 * way and run again from it, at parallelism 2 and rescaled to 3 and 1: the rows of both runs together are those of an
 * uninterrupted run, each window's rows once (the open windows' accumulators move to the instances owning their keys).
 */
@Timeout(180)
class WindowFlatAggregateSavepointTest {
    private static final int ROWS = 3000;

    @TempDir
    Path tmp;

    private static TableEnvironment env() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("SET 'table.exec.batch-size' = '16'");
        env.executeSql("CREATE TABLE src (id INT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts)"
                + " WITH ('connector' = 'datagen', 'rows-per-second' = '3000', 'fields.id.kind' = 'sequence',"
                + " 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "')");
        return env;
    }

    private static Table top2(TableEnvironment env) {
        return env.from("src").select($("id").mod(7).as("k"), $("id").as("v"), $("ts"))
                .window(Tumble.over(lit(100).seconds()).on($("ts")).as("w"))
                .groupBy($("k"), $("w"))
                .flatAggregate(call(Top2.class, $("v")).as("v", "rank"))
                .select($("k"), $("w").start(), $("v"), $("rank"));
    }

    /** Adds an emitted row (window/k/rank to v), failing on a repeated row or a row kind other than +I. */
    private static void add(Map<String, Integer> table, Row r) {
        assertEquals(RowKind.INSERT, r.getKind(), r.toString());
        String key = r.getField(1) + "/" + r.getField(0) + "/" + r.getField(3);
        assertNull(table.put(key, (Integer) r.getField(2)), "a second row for " + key);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 1})
    void resumedFromASavepointEqualsAnUninterruptedRun(int resumeParallelism) throws Exception {
        Map<String, Integer> expected = new TreeMap<>();
        try (CloseableIterator<Row> it = top2(env()).execute().collect()) {
            it.forEachRemaining(r -> add(expected, r));
        }
        assertEquals(30 * 7 * 2 + 1, expected.size()); // 30 windows of 99 or 100 ids, then one of id 3000

        TableEnvironment env = env();
        Map<String, Integer> actual = new TreeMap<>();
        TableResult first = top2(env).execute();
        String savepoint;
        int firstRows = 0;
        try (CloseableIterator<Row> it = first.collect()) {
            while (firstRows < 100 && it.hasNext()) {
                add(actual, it.next());
                firstRows++;
            }
            savepoint = first.getJobClient().orElseThrow()
                    .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(60, TimeUnit.SECONDS);
            while (it.hasNext()) {
                add(actual, it.next());
                firstRows++;
            }
        }
        assertTrue(actual.size() < expected.size(), "the first run stopped before its end: " + firstRows + " rows");
        env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        env.executeSql("SET 'parallelism.default' = '" + resumeParallelism + "'");
        try (CloseableIterator<Row> it = top2(env).execute().collect()) {
            it.forEachRemaining(r -> add(actual, r));
        }
        assertEquals(expected, actual);
    }
}
