package io.sluice.table.api.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mini-batch group aggregation under checkpoints: every checkpoint processes the buffered rows before the state is
 * saved (a snapshot holding unprocessed rows would fail the job), and the changelog folds to the exact counts.
 */
class MiniBatchCheckpointTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    @Timeout(60)
    void checkpointsProcessTheBufferedMiniBatch(int parallelism) throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'execution.checkpointing.interval' = '20 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp + "'");
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("SET 'table.exec.mini-batch.enabled' = 'true'");
        env.executeSql("SET 'table.exec.mini-batch.allow-latency' = '1 h'");
        env.executeSql("SET 'table.exec.mini-batch.size' = '1000000'");
        env.executeSql("CREATE TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10000',"
                + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '3000')");
        Map<Object, Long> counts = new HashMap<>();
        int changes = 0;
        try (CloseableIterator<Row> rows = env.executeSql("SELECT v % 7, COUNT(*) FROM src GROUP BY v % 7").collect()) {
            while (rows.hasNext()) {
                Row r = rows.next();
                changes++;
                if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                    counts.put(r.getField(0), (Long) r.getField(1));
                } else {
                    assertEquals(counts.remove(r.getField(0)), r.getField(1), "retraction of " + r);
                }
            }
        }
        Map<Object, Long> expected = new HashMap<>();
        for (int v = 1; v <= 3000; v++) {
            expected.merge(v % 7, 1L, Long::sum);
        }
        assertEquals(expected, counts);
        // one change per group and mini-batch (a mini-batch ends at each checkpoint and at the end), far fewer than rows
        assertTrue(changes < 3000, "changes: " + changes);
    }
}
