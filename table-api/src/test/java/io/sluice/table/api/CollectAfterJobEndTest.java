package io.sluice.table.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Collecting a result whose job has already ended with the result queue full (8192 rows): the end marker could not
 * be queued then, and the iterator must still end after the last row instead of waiting forever.
 */
class CollectAfterJobEndTest {
    @Test
    @Timeout(60)
    void aResultThatFilledTheQueueEndsAfterItsLastRow() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE numbers (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '8192')");
        TableResult result = env.executeSql("SELECT a FROM numbers");
        result.await(30, TimeUnit.SECONDS); // the job ends: its 8192 rows fill the queue
        int rows = 0;
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                it.next();
                rows++;
            }
        }
        assertEquals(8192, rows);
    }
}
