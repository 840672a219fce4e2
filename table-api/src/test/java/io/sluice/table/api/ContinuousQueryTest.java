package io.sluice.table.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.execution.JobStatus;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Unbounded streaming queries: rows arrive while the job runs, and closing or cancelling stops it. */
class ContinuousQueryTest {

    private static TableEnvironment envWithEndlessSource() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE ticks (id BIGINT, k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '200',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000000',"
                + " 'fields.k.min' = '1', 'fields.k.max' = '3')");
        return env;
    }

    @Test
    @Timeout(30)
    void collectStreamsRowsOfAnEndlessQueryAndCloseCancelsTheJob() throws Exception {
        TableEnvironment env = envWithEndlessSource();
        TableResult result = env.executeSql("SELECT id, k FROM ticks WHERE id <= 1000000");
        List<Long> ids = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            while (ids.size() < 50 && it.hasNext()) {
                ids.add((Long) it.next().getField(0));
            }
        }
        assertEquals(50, ids.size());
        assertEquals(1L, ids.get(0));
        assertEquals(50L, ids.get(49));
        JobClient job = result.getJobClient().orElseThrow();
        job.getJobExecutionResult().get(10, TimeUnit.SECONDS);
        assertEquals(JobStatus.CANCELED, job.getJobStatus());
    }

    @Test
    @Timeout(30)
    void anUpdatingAggregateOverAnEndlessSourceEmitsUpdatesUntilCancelled() throws Exception {
        TableEnvironment env = envWithEndlessSource();
        TableResult result = env.executeSql("SELECT k, COUNT(*) FROM ticks GROUP BY k");
        int updates = 0;
        CloseableIterator<Row> it = result.collect();
        while (updates < 20 && it.hasNext()) {
            if (it.next().getKind() == RowKind.UPDATE_AFTER) {
                updates++;
            }
        }
        JobClient job = result.getJobClient().orElseThrow();
        job.cancel().get(10, TimeUnit.SECONDS);
        assertEquals(20, updates);
        assertTrue(job.getJobStatus() == JobStatus.CANCELED, "status " + job.getJobStatus());
        it.close();
    }
}
