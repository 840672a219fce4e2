package io.sluice.table.api.bridge;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.bridge.TableAggregateUdfs.Top2;
import io.sluice.types.Row;
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
 * A streaming {@code flatAggregate(Top2)} at parallelism 2 stopped with a savepoint part way and run again from it
 * (at parallelism 2, and rescaled to 3): the changelogs of both runs fold into the same final table as an
 * uninterrupted run (the restored accumulators retract the rows the first run emitted).
 */
@Timeout(120)
class FlatAggregateSavepointTest {
    private static final int ROWS = 3000;

    @TempDir
    Path tmp;

    private static TableEnvironment env() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("SET 'table.exec.batch-size' = '16'");
        env.executeSql("CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '3000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "')");
        return env;
    }

    private static Table top2(TableEnvironment env) {
        return env.from("src").select($("id").mod(7).as("k"), $("id").as("v")).groupBy($("k"))
                .flatAggregate(call(Top2.class, $("v")).as("v", "rank")).select($("k"), $("v"), $("rank"));
    }

    /** Applies a changelog row to the table (k/rank to v), failing on a lost or repeated row. */
    private static void apply(Map<String, Integer> table, Row r) {
        String key = r.getField(0) + "/" + r.getField(2);
        Integer v = (Integer) r.getField(1);
        switch (r.getKind()) {
            case INSERT:
                assertEquals(null, table.put(key, v), "a second row for " + key);
                break;
            case DELETE:
                assertEquals(v, table.remove(key), "retracting a row that is not there: " + r);
                break;
            default:
                throw new AssertionError("unexpected row kind: " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void resumedFromASavepointEqualsAnUninterruptedRun(int resumeParallelism) throws Exception {
        Map<String, Integer> expected = new TreeMap<>();
        try (CloseableIterator<Row> it = top2(env()).execute().collect()) {
            it.forEachRemaining(r -> apply(expected, r));
        }
        assertEquals(14, expected.size());
        assertEquals(Integer.valueOf(ROWS - ROWS % 7), expected.get("0/1"));

        TableEnvironment env = env();
        Map<String, Integer> actual = new TreeMap<>();
        TableResult first = top2(env).execute();
        String savepoint;
        int firstRows = 0;
        try (CloseableIterator<Row> it = first.collect()) {
            while (firstRows < 200 && it.hasNext()) {
                apply(actual, it.next());
                firstRows++;
            }
            savepoint = first.getJobClient().orElseThrow()
                    .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(60, TimeUnit.SECONDS);
            while (it.hasNext()) {
                apply(actual, it.next());
                firstRows++;
            }
        }
        assertTrue(actual.size() < expected.size() || !actual.equals(expected),
                "the first run stopped before its end: " + firstRows + " changelog rows");
        env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        env.executeSql("SET 'parallelism.default' = '" + resumeParallelism + "'");
        try (CloseableIterator<Row> it = top2(env).execute().collect()) {
            it.forEachRemaining(r -> apply(actual, r));
        }
        assertEquals(expected, actual);
    }
}
