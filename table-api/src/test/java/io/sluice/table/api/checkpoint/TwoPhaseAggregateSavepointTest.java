package io.sluice.table.api.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The global phase of a two-phase aggregation ({@code table.optimizer.agg-phase-strategy} = TWO_PHASE with
 * mini-batch) checkpoints its merged accumulators: STOP WITH SAVEPOINT part way through a skewed bounded stream, then
 * the same aggregation restored from the savepoint (at the same or another parallelism) ends with the results of an
 * uninterrupted run. The local phase emits its mini-batch before the barrier, so nothing it buffered is lost.
 */
class TwoPhaseAggregateSavepointTest {
    @TempDir
    Path tmp;

    private static final String DDL = "CREATE TABLE src (id BIGINT, k INT) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '4000', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1',"
            + " 'fields.k.end' = '4000');"
            + "CREATE TABLE snk (g BIGINT, c BIGINT, s BIGINT, m INT, a BIGINT, PRIMARY KEY (g) NOT ENFORCED) WITH ("
            + "'connector' = 'blackhole')";

    /** A hot group (g = 0 for 3 rows of 4) and 37 cold ones. */
    private static final String QUERY = "SELECT CASE WHEN MOD(id, 4) = 0 THEN MOD(id, 37) + 1 ELSE 0 END AS g,"
            + " COUNT(*) AS c, SUM(id) AS s, MAX(k) AS m, AVG(id) AS a FROM src"
            + " GROUP BY CASE WHEN MOD(id, 4) = 0 THEN MOD(id, 37) + 1 ELSE 0 END";

    private static TableEnvironment env(int parallelism, String savepoint) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("SET 'table.exec.mini-batch.enabled' = 'true'");
        env.executeSql("SET 'table.exec.mini-batch.allow-latency' = '50 ms'");
        env.executeSql("SET 'table.exec.mini-batch.size' = '200'");
        env.executeSql("SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE'");
        for (String d : DDL.split(";")) {
            env.executeSql(d);
        }
        if (savepoint != null) {
            env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        }
        return env;
    }

    /** The final table of a changelog: +I/+U rows by their key column 0, -U/-D remove. */
    private static Map<Object, String> materialize(TableResult result) throws Exception {
        Map<Object, String> table = new TreeMap<>();
        try (CloseableIterator<Row> rows = result.collect()) {
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                    table.put(r.getField(0), r.toString().substring(3));
                } else {
                    table.remove(r.getField(0));
                }
            }
        }
        return table;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 2", "1, 1", "2, 1", "1, 2"})
    @Timeout(120)
    void theGlobalPhaseRestoresFromASavepoint(int from, int to) throws Exception {
        TableEnvironment first = env(from, null);
        String plan = String.valueOf(first.executeSql("EXPLAIN INSERT INTO snk " + QUERY).collect().next()
                .getField(0));
        assertTrue(plan.contains("GlobalGroupAggregate") && plan.contains("LocalGroupAggregate"), plan);
        Map<Object, String> expected = materialize(env(to, null).executeSql(QUERY));
        assertEquals(38, expected.size());

        TableResult running = first.executeSql("INSERT INTO snk " + QUERY);
        Thread.sleep(600); // the source needs about 2 s for all rows: the job is stopped well before its end
        String savepoint = running.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        assertTrue(running.getJobClient().orElseThrow().getJobExecutionResult().handle((v, e) -> e == null)
                .get(30, TimeUnit.SECONDS), "the first job ends without failure");

        Map<Object, String> actual = materialize(env(to, savepoint).executeSql(QUERY));
        assertEquals(expected, actual, "counts and sums go on from the savepoint's: no row lost or counted twice");
    }
}
