package io.sluice.table.api.late;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.ValidationException;
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
 * {@code 'sluice.late-rows.table'}: the rows window aggregates and event-time OVER aggregates find behind the
 * watermark land in the named table, in the same job, instead of being dropped; without the option they are dropped
 * and counted as before; a missing or mis-shaped late table is refused when the job is planned.
 *
 * <p>The input is read in batches of two rows and the watermark is emitted once, after the first batch
 * ({@code pipeline.auto-watermark-interval} of an hour), so which rows are late does not depend on timing: the first
 * batch moves the watermark to 10:00:06, and the rows of 10:00:02 and 10:00:03 that follow are late for the
 * 5-second window [10:00:00, 10:00:05).
 */
class LateRowsTableTest {
    static final String LATE_TABLE_COLUMNS = "operator STRING, operator_watermark TIMESTAMP_LTZ(3), "
            + "row_time TIMESTAMP_LTZ(3), arrived_at TIMESTAMP_LTZ(3), late_row STRING";

    @TempDir
    Path dir;

    private TableEnvironment streaming() throws Exception {
        Path in = dir.resolve("orders.csv");
        Files.writeString(in, String.join("\n",
                "1,2024-01-01 10:00:01,2.50",
                "2,2024-01-01 10:00:07,4.00",
                "3,2024-01-01 10:00:02,1.25",
                "4,2024-01-01 10:00:08,3.00",
                "5,2024-01-01 10:00:03,9.99",
                "6,2024-01-01 10:00:11,1.00") + "\n", StandardCharsets.UTF_8);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'table.exec.batch-size' = '2'");
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '1 h'");
        env.executeSql("CREATE TABLE orders (id INT, ts TIMESTAMP(3), amount DECIMAL(10, 2),"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE late_orders (" + LATE_TABLE_COLUMNS + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("late") + "', 'format' = 'csv')");
        return env;
    }

    private static List<String> rows(TableEnvironment env, String sql) {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
        out.sort(null);
        return out;
    }

    /** The late table read back in batch mode: every column but {@code arrived_at}, which is the wall clock. */
    private List<String> lateRows() {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql("CREATE TABLE late_orders (" + LATE_TABLE_COLUMNS + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("late") + "', 'format' = 'csv')");
        return rows(batch, "SELECT SUBSTRING(operator FROM 1 FOR POSITION('(' IN operator) - 1), operator_watermark,"
                + " row_time, late_row, arrived_at IS NOT NULL FROM late_orders");
    }

    private static final String TUMBLE_QUERY = "SELECT window_start, window_end, COUNT(*) AS n, SUM(amount) AS total"
            + " FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end";

    @Test
    @Timeout(60)
    void lateRowsOfATumbleWindowAggregateLandInTheLateTable() throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("SET 'sluice.late-rows.table' = 'late_orders'");
        assertEquals(List.of(
                "+I[2024-01-01T10:00, 2024-01-01T10:00:05, 1, 2.50]",
                "+I[2024-01-01T10:00:05, 2024-01-01T10:00:10, 2, 7.00]",
                "+I[2024-01-01T10:00:10, 2024-01-01T10:00:15, 1, 1.00]"), rows(env, TUMBLE_QUERY));
        assertEquals(List.of(
                "+I[WindowAggregate, 2024-01-01T10:00:06Z, 2024-01-01T10:00:04.999Z, {\"ts\":\"2024-01-01 10:00:02.000\","
                        + "\"amount\":1.25,\"window_start\":\"2024-01-01 10:00:00.000\",\"window_end\":\"2024-01-01"
                        + " 10:00:05.000\",\"window_time\":\"2024-01-01 10:00:04.999\"}, true]",
                "+I[WindowAggregate, 2024-01-01T10:00:06Z, 2024-01-01T10:00:04.999Z, {\"ts\":\"2024-01-01 10:00:03.000\","
                        + "\"amount\":9.99,\"window_start\":\"2024-01-01 10:00:00.000\",\"window_end\":\"2024-01-01"
                        + " 10:00:05.000\",\"window_time\":\"2024-01-01 10:00:04.999\"}, true]"),
                lateRows());
    }

    @Test
    @Timeout(60)
    void anInsertAndItsLateRowsAreOneJob() throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("CREATE TABLE totals (window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT,"
                + " total DECIMAL(10, 2)) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("totals")
                + "', 'format' = 'csv')");
        env.executeSql("SET 'sluice.late-rows.table' = 'late_orders'");
        TableResult result = env.executeSql("INSERT INTO totals " + TUMBLE_QUERY);
        result.await();
        assertEquals(List.of("default_catalog.default_database.totals"),
                result.getResolvedSchema().getColumnNames());
        assertEquals(2, lateRows().size());
        assertEquals(3, rows(env, "SELECT * FROM totals").size());
    }

    @Test
    @Timeout(60)
    void lateRowsOfAnEventTimeOverAggregateLandInTheLateTable() throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("SET 'sluice.late-rows.table' = 'late_orders'");
        List<String> result = rows(env, "SELECT id, SUM(amount) OVER (ORDER BY ts"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM orders");
        assertEquals(4, result.size(), result.toString());
        List<String> late = lateRows();
        assertEquals(2, late.size(), late.toString());
        assertTrue(late.get(0).startsWith("+I[OverAggregate, 2024-01-01T10:00:06Z, 2024-01-01T10:00:02Z, {\"id\":3,"),
                late.toString());
        assertTrue(late.get(1).startsWith("+I[OverAggregate, 2024-01-01T10:00:06Z, 2024-01-01T10:00:03Z, {\"id\":5,"),
                late.toString());
    }

    @Test
    @Timeout(60)
    void withoutTheOptionLateRowsAreDroppedAndCounted() throws Exception {
        TableEnvironment env = streaming();
        assertEquals(3, rows(env, TUMBLE_QUERY).size());
        assertTrue(!Files.exists(dir.resolve("late")) || lateRows().isEmpty());
        String plan = text(env.executeSql("EXPLAIN ANALYZE " + TUMBLE_QUERY));
        assertTrue(plan.contains("late rows dropped=2]"), plan);
        assertTrue(!plan.contains("LateRows"), plan);
    }

    @Test
    @Timeout(60)
    void explainAnalyzeShowsRoutedLateRowsAndTheLateSink() throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("SET 'sluice.late-rows.table' = 'late_orders'");
        String plan = text(env.executeSql("EXPLAIN ANALYZE " + TUMBLE_QUERY));
        assertTrue(plan.contains("late rows routed=2]"), plan);
        assertTrue(!plan.contains("late rows dropped"), plan);
        assertTrue(plan.contains("Sink(table=[default_catalog.default_database.late_orders], fields=[operator,"
                + " operator_watermark, row_time, arrived_at, late_row]) [rows in=2"), plan);
        assertTrue(plan.contains("LateRows(operator=[WindowAggregate("), plan);
    }

    /** Runs {@code query} with late rows routed; returns the late rows, checking each names an operator of that kind. */
    private List<String> lateRowsOf(String query, String operatorKind) throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("SET 'sluice.late-rows.table' = 'late_orders'");
        rows(env, query);
        List<String> late = lateRows();
        for (String row : late) {
            assertTrue(row.startsWith("+I[" + operatorKind + ", 2024-01-01T10:00:06Z, "), row);
        }
        return late;
    }

    @Test
    @Timeout(60)
    void lateRowsOfASessionWindowLandInTheLateTable() throws Exception {
        List<String> late = lateRowsOf("SELECT window_start, window_end, COUNT(*) FROM TABLE(SESSION(TABLE orders,"
                + " DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY window_start, window_end", "WindowAggregate");
        assertEquals(2, late.size(), late.toString());
        assertTrue(late.get(0).contains(", 2024-01-01T10:00:02Z, {\"ts\":\"2024-01-01 10:00:02.000\"}, true]"),
                late.toString());
        assertTrue(late.get(1).contains(", 2024-01-01T10:00:03Z, {\"ts\":\"2024-01-01 10:00:03.000\"}, true]"),
                late.toString());
    }

    @Test
    @Timeout(60)
    void lateRowsOfATemporalSortLandInTheLateTable() throws Exception {
        List<String> late = lateRowsOf("SELECT id, ts FROM orders ORDER BY ts", "TemporalSort");
        assertEquals(2, late.size(), late.toString());
        assertTrue(late.get(0).contains(", 2024-01-01T10:00:02Z, {\"id\":3,"), late.toString());
        assertTrue(late.get(1).contains(", 2024-01-01T10:00:03Z, {\"id\":5,"), late.toString());
    }

    @Test
    @Timeout(60)
    void lateRowsOfMatchRecognizeLandInTheLateTable() throws Exception {
        List<String> late = lateRowsOf("SELECT * FROM orders MATCH_RECOGNIZE (ORDER BY ts MEASURES A.id AS aid"
                + " ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW PATTERN (A) DEFINE A AS A.amount > 0)", "Match");
        assertEquals(2, late.size(), late.toString());
        assertTrue(late.get(0).contains(", 2024-01-01T10:00:02Z, {\"id\":3,"), late.toString());
    }

    @Test
    @Timeout(60)
    void lateRowsOfAWindowTopNAndAWindowDeduplicationLandInTheLateTable() throws Exception {
        String topN = "SELECT * FROM (SELECT id, window_start, window_end, ROW_NUMBER() OVER (PARTITION BY"
                + " window_start, window_end ORDER BY amount DESC) AS rn FROM TABLE(TUMBLE(TABLE orders,"
                + " DESCRIPTOR(ts), INTERVAL '5' SECOND))) WHERE rn <= 2";
        assertEquals(2, lateRowsOf(topN, "WindowRank").size());
        String dedup = "SELECT * FROM (SELECT id, window_start, window_end, ROW_NUMBER() OVER (PARTITION BY"
                + " window_start, window_end ORDER BY ts) AS rn FROM TABLE(TUMBLE(TABLE orders,"
                + " DESCRIPTOR(ts), INTERVAL '5' SECOND))) WHERE rn = 1";
        org.junit.jupiter.api.Assertions.assertNotNull(dir.resolve("late").toFile().listFiles());
        for (java.io.File f : dir.resolve("late").toFile().listFiles()) {
            Files.delete(f.toPath());
        }
        assertEquals(2, lateRowsOf(dedup, "WindowDeduplicate").size());
    }

    @Test
    @Timeout(60)
    void withParallelInstancesEveryRowIsCountedInAWindowOrWrittenAsLate() throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("SET 'sluice.late-rows.table' = 'late_orders'");
        long counted = 0;
        try (CloseableIterator<Row> it = env.executeSql("SELECT id % 2 AS k, COUNT(*) AS n"
                + " FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND))"
                + " GROUP BY id % 2, window_start, window_end").collect()) {
            while (it.hasNext()) {
                counted += (Long) it.next().getField(1);
            }
        }
        List<String> late = lateRows();
        assertEquals(6, counted + late.size(), "counted " + counted + ", late " + late);
        for (String row : late) {
            assertTrue(row.startsWith("+I[WindowAggregate, "), row);
        }
    }

    @Test
    void anUnknownLateTableNamesTheNearestTableAndTheColumns() throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("SET 'sluice.late-rows.table' = 'late_order'");
        ValidationException e = assertThrows(ValidationException.class, () -> env.executeSql(TUMBLE_QUERY));
        assertTrue(e.getMessage().contains("The late-rows table default_catalog.default_database.late_order"
                + " (option 'sluice.late-rows.table') does not exist."), e.getMessage());
        assertTrue(e.getMessage().contains(" Did you mean 'late_orders'"), e.getMessage());
        assertTrue(e.getMessage().contains(LATE_TABLE_COLUMNS), e.getMessage());
    }

    @Test
    void aLateTableWithOtherColumnsIsRefusedWithTheExpectedColumns() throws Exception {
        TableEnvironment env = streaming();
        env.executeSql("CREATE TABLE wrong (operator STRING, row_time TIMESTAMP(3), late_row STRING, a INT, b INT)"
                + " WITH ('connector' = 'blackhole')");
        env.executeSql("SET 'sluice.late-rows.table' = 'wrong'");
        ValidationException e = assertThrows(ValidationException.class, () -> env.executeSql(TUMBLE_QUERY));
        assertEquals("The late-rows table default_catalog.default_database.wrong (option 'sluice.late-rows.table')"
                + " must have exactly the columns (" + LATE_TABLE_COLUMNS + "), in this order: column 2 is"
                + " 'row_time', not 'operator_watermark'.", e.getMessage());
    }

    private static String text(TableResult result) {
        try (CloseableIterator<Row> rows = result.collect()) {
            return String.valueOf(rows.next().getField(0));
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
