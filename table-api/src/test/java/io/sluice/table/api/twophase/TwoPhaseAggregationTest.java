package io.sluice.table.api.twophase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two-phase (local-global) aggregation gives the results of one-phase aggregation: each query runs over a skewed
 * bounded datagen stream (70% of the rows on one hot key, NULLs, negative values, decimals) in streaming mode with
 * one phase and with two phases (mini-batches of 50 rows over batches of 64, so mini-batches end inside batches), at
 * parallelism 1 and 2, and in batch mode; every changelog folded into its final table is the same. The EXPLAIN of the
 * two-phase run shows whether the local and global phases were planned.
 */
class TwoPhaseAggregationTest {
    private static final int ROWS = 3000;

    private static final String SOURCE = "CREATE TABLE src (id BIGINT,"
            + " k AS CAST(CASE WHEN MOD(id, 10) < 7 THEN 0 ELSE MOD(id, 13) END AS INT),"
            + " v AS CASE WHEN MOD(id, 11) = 0 THEN CAST(NULL AS INT) ELSE CAST(MOD(id * 7, 101) - 50 AS INT) END,"
            + " d AS CAST(MOD(id, 97) AS DECIMAL(10, 2)) / 4,"
            + " s AS CAST(MOD(id, 5) AS VARCHAR)"
            + ") WITH ('connector' = 'datagen', 'rows-per-second' = '1000000', 'fields.id.kind' = 'sequence',"
            + " 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "')";

    private static TableEnvironment env(boolean streaming, String strategy, int parallelism) {
        return env(streaming, strategy, parallelism, false);
    }

    private static TableEnvironment env(boolean streaming, String strategy, int parallelism, boolean split) {
        TableEnvironment env = TableEnvironment.create(streaming ? EnvironmentSettings.inStreamingMode()
                : EnvironmentSettings.inBatchMode());
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("SET 'table.exec.mini-batch.enabled' = 'true'");
        env.executeSql("SET 'table.exec.mini-batch.allow-latency' = '1 h'");
        env.executeSql("SET 'table.exec.mini-batch.size' = '50'");
        env.executeSql("SET 'table.optimizer.agg-phase-strategy' = '" + strategy + "'");
        env.executeSql("SET 'table.optimizer.distinct-agg.split.enabled' = '" + split + "'");
        env.executeSql("SET 'table.optimizer.distinct-agg.split.bucket-num' = '8'");
        env.executeSql(SOURCE);
        return env;
    }

    /** The final table of the changelog: each row with how many times it is in the table. */
    private static Map<String, Integer> finalTable(TableEnvironment env, String query) throws Exception {
        Map<String, Integer> table = new TreeMap<>();
        try (CloseableIterator<Row> rows = env.executeSql(query).collect()) {
            while (rows.hasNext()) {
                Row r = rows.next();
                String text = r.toString().substring(3);
                if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                    table.merge(text, 1, Integer::sum);
                } else {
                    Integer n = table.get(text);
                    assertTrue(n != null, "retraction of a row not in the table: " + r);
                    if (n == 1) {
                        table.remove(text);
                    } else {
                        table.put(text, n - 1);
                    }
                }
            }
        }
        return table;
    }

    private static String plan(TableEnvironment env, String query) {
        try (CloseableIterator<Row> rows = env.executeSql("EXPLAIN " + query).collect()) {
            return String.valueOf(rows.next().getField(0));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first operator of the plan's {@code == Optimized Execution Plan ==} section: the query's last one. */
    private static String topOperator(String plan) {
        String section = plan.substring(plan.indexOf("== Optimized Execution Plan ==") + 31);
        return section.substring(0, section.indexOf('('));
    }

    /** {@code twoPhasePlanned}: whether the query's last aggregation runs in two phases under TWO_PHASE. */
    private static void check(String query, int parallelism, boolean twoPhasePlanned) throws Exception {
        Map<String, Integer> oneStream = finalTable(env(true, "ONE_PHASE", parallelism), query);
        TableEnvironment twoPhase = env(true, "TWO_PHASE", parallelism);
        String plan = plan(twoPhase, query);
        assertEquals(twoPhasePlanned ? "GlobalGroupAggregate" : "GroupAggregate", topOperator(plan), plan);
        String onePhasePlan = plan(env(true, "ONE_PHASE", parallelism), query);
        assertFalse(onePhasePlan.contains("LocalGroupAggregate"), onePhasePlan);
        Map<String, Integer> twoStream = finalTable(twoPhase, query);
        Map<String, Integer> batch = finalTable(env(false, "TWO_PHASE", parallelism), query);
        assertFalse(oneStream.isEmpty(), query);
        assertEquals(oneStream, twoStream, "one phase vs two phases: " + query);
        assertEquals(batch, twoStream, "batch vs streaming two phases: " + query);
    }

    @ParameterizedTest(name = "p={0}")
    @CsvSource({"1", "2"})
    @Timeout(120)
    void groupByOverAnInsertOnlyInput(int parallelism) throws Exception {
        check("SELECT k, COUNT(*), COUNT(v), SUM(v), SUM(d), AVG(v), AVG(d), MIN(v), MAX(s), MIN(d),"
                + " COUNT(*) FILTER (WHERE v > 0), SUM(v) FILTER (WHERE s <> '1') FROM src GROUP BY k",
                parallelism, true);
    }

    @ParameterizedTest(name = "p={0}")
    @CsvSource({"1", "2"})
    @Timeout(120)
    void aggregateWithoutGroupBy(int parallelism) throws Exception {
        check("SELECT COUNT(*), SUM(v), AVG(d), MIN(d), MAX(v), COUNT(DISTINCT k) FILTER (WHERE v IS NULL)"
                + " FROM src", parallelism, false);
        check("SELECT COUNT(*), SUM(v), AVG(d), MIN(d), MAX(v) FROM src", parallelism, true);
    }

    /** The outer aggregation's input updates: COUNT, SUM and AVG merge signed partials and groups are deleted. */
    @ParameterizedTest(name = "p={0}")
    @CsvSource({"1", "2"})
    @Timeout(120)
    void groupByOverAnUpdatingInput(int parallelism) throws Exception {
        check("SELECT c, COUNT(*), SUM(sv), AVG(sv), SUM(sd), COUNT(sv) FILTER (WHERE sv > 0) FROM ("
                + "SELECT k, MOD(id, 40) AS b, COUNT(*) AS c, SUM(v) AS sv, SUM(d) AS sd FROM src"
                + " GROUP BY k, MOD(id, 40)) GROUP BY c", parallelism, true);
    }

    /** DISTINCT and MIN/MAX under retraction cannot merge: the aggregation stays in one phase. */
    @ParameterizedTest(name = "p={0}")
    @CsvSource({"1", "2"})
    @Timeout(120)
    void callsThatCannotMergeKeepOnePhase(int parallelism) throws Exception {
        check("SELECT k, COUNT(DISTINCT v), SUM(v) FROM src GROUP BY k", parallelism, false);
        check("SELECT c, MAX(sv) FROM (SELECT k, MOD(id, 40) AS b, COUNT(*) AS c, SUM(v) AS sv FROM src"
                + " GROUP BY k, MOD(id, 40)) GROUP BY c", parallelism, false);
    }

    /**
     * Split distinct aggregation ({@code table.optimizer.distinct-agg.split.enabled}, 8 buckets): the PARTIAL level
     * groups by key and bucket, the FINAL level combines the buckets (in two phases under TWO_PHASE); the results equal
     * the unsplit aggregation's, also for a global aggregate, FILTER and an updating input.
     */
    @ParameterizedTest(name = "p={0}")
    @CsvSource({"1", "2"})
    @Timeout(120)
    void splitDistinctAggregation(int parallelism) throws Exception {
        for (String query : new String[] {
            "SELECT k, COUNT(DISTINCT v), COUNT(*), SUM(DISTINCT v), SUM(v), MIN(d), MAX(v),"
                    + " COUNT(DISTINCT v) FILTER (WHERE s <> '2') FROM src GROUP BY k",
            "SELECT COUNT(DISTINCT s), COUNT(*), MAX(v) FROM src",
            "SELECT c, COUNT(DISTINCT sv), COUNT(*) FROM (SELECT k, MOD(id, 40) AS b, COUNT(*) AS c, SUM(v) AS sv"
                    + " FROM src GROUP BY k, MOD(id, 40)) GROUP BY c"}) {
            Map<String, Integer> unsplit = finalTable(env(true, "ONE_PHASE", parallelism, false), query);
            TableEnvironment split = env(true, "ONE_PHASE", parallelism, true);
            String plan = plan(split, query);
            assertTrue(plan.contains("partialFinalType=[PARTIAL]") && plan.contains("partialFinalType=[FINAL]")
                    && plan.contains("MOD(HASH_CODE("), plan);
            assertEquals(unsplit, finalTable(split, query), "split distinct, one phase: " + query);
            TableEnvironment splitTwoPhase = env(true, "TWO_PHASE", parallelism, true);
            assertEquals(unsplit, finalTable(splitTwoPhase, query), "split distinct, two phases: " + query);
            assertEquals(unsplit, finalTable(env(false, "TWO_PHASE", parallelism, true), query), "batch: " + query);
        }
    }
}
