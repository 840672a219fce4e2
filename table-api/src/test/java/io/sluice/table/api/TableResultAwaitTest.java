package io.sluice.table.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code TableResult.await(timeout, unit)} as in Flink: returns when the job ended, times out, or reports failure. */
class TableResultAwaitTest {
    @Test
    @Timeout(60)
    void awaitWithATimeout() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE bounded (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        env.executeSql("CREATE TABLE endless (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10')");
        env.executeSql("CREATE TABLE sink (a INT) WITH ('connector' = 'blackhole')");
        env.executeSql("INSERT INTO sink SELECT a FROM bounded").await(30, TimeUnit.SECONDS);

        TableResult running = env.executeSql("INSERT INTO sink SELECT a FROM endless");
        assertThrows(TimeoutException.class, () -> running.await(200, TimeUnit.MILLISECONDS));
        running.getJobClient().orElseThrow().cancel().get(10, TimeUnit.SECONDS);

        TableResult failing = env.executeSql("INSERT INTO sink SELECT 10 / (a - a) FROM bounded");
        ExecutionException e = assertThrows(ExecutionException.class, () -> failing.await(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() != null, String.valueOf(e));
    }
}
