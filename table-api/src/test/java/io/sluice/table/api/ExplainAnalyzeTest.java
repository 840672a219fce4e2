package io.sluice.table.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code EXPLAIN ANALYZE} runs the statement and prints the physical plan with what each operator did: rows in and
 * out per operator (summed over parallel instances), and, for a streaming query over unbounded input, the job is
 * stopped after {@code table.explain.analyze.max-duration}.
 */
class ExplainAnalyzeTest {
    private static String text(TableResult result) {
        try (CloseableIterator<Row> rows = result.collect()) {
            return String.valueOf(rows.next().getField(0));
        }
    }

    @Test
    @Timeout(60)
    void aBatchQueryShowsRowsPerOperator() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE nums (n INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1000',"
                + " 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '1000')");
        String plan = text(env.executeSql("EXPLAIN ANALYZE SELECT n % 10 AS k, COUNT(*) FROM nums WHERE n > 100"
                + " GROUP BY n % 10"));
        assertTrue(plan.startsWith("== Analyzed Physical Plan ==\nDiscardSink [rows in=10, rows out=0"), plan);
        assertTrue(plan.contains("HashAggregate("), plan);
        assertTrue(plan.contains("[rows in=900, rows out=10"), plan);
        assertTrue(plan.contains("[rows in=1000, rows out=900"), plan);
        assertTrue(plan.contains("fields=[n]) [rows out=1000"), plan);
        assertTrue(plan.contains("The job finished in "), plan);
    }

    @Test
    @Timeout(60)
    void anUnboundedStreamingQueryIsStoppedAfterTheMaximumDuration() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("SET 'table.explain.analyze.max-duration' = '1 s'");
        env.executeSql("CREATE TABLE endless (k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '200',"
                + " 'fields.k.min' = '1', 'fields.k.max' = '5')");
        String plan = text(env.executeSql("EXPLAIN ANALYZE SELECT k, COUNT(*) FROM endless GROUP BY k"));
        assertTrue(plan.contains("GroupAggregate("), plan);
        assertTrue(plan.contains("parallelism=2"), plan);
        assertTrue(plan.contains("The job was stopped after "), plan);
        assertTrue(plan.contains("(table.explain.analyze.max-duration = PT1S)"), plan);
    }
}
