package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQL Top-N and deduplication with their state in RocksDB, stopped with a savepoint part way and restored at another
 * parallelism: the changelog continues where it stopped (restored partitions and keys retract what was emitted
 * before the savepoint, and a key seen before is not emitted again), so the rows left are those of one
 * uninterrupted run.
 */
class RocksDBRankRescaleTest {
    private static final int ROWS = 3000;
    private static final int KEYS = 50;

    @TempDir
    Path tmp;

    private static final String SOURCE = "CREATE TABLE a (id BIGINT, x INT, pt AS PROCTIME(),"
            + " ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '" + ROWS + "', 'fields.x.kind' = 'sequence', 'fields.x.start' = '1',"
            + " 'fields.x.end' = '" + ROWS + "')";
    private static final String KEYED = "SELECT id % " + KEYS + " AS k, id, x, pt, ts FROM a";

    private TableEnvironment env(int parallelism, String savepoint) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'state.backend.type' = 'rocksdb'");
        env.executeSql("SET 'state.backend.rocksdb.localdir' = '" + tmp.resolve("rocksdb") + "'");
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql(SOURCE);
        if (savepoint != null) {
            env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        }
        return env;
    }

    /** Applies a changelog to a multiset of rows: +I/+U add a row, -U/-D take an equal one out. */
    private static void apply(CloseableIterator<Row> rows, List<String> table) {
        while (rows.hasNext()) {
            Row r = rows.next();
            String row = r.toString().substring(2);
            if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                table.add(row);
            } else {
                assertTrue(table.remove(row), "a retraction of a row emitted before: " + r);
            }
        }
    }

    /** Runs {@code query} at {@code from} instances, stops it part way, continues at {@code to}; the rows left. */
    private List<String> runRescaled(String query, int from, int to) throws Exception {
        List<String> table = Collections.synchronizedList(new ArrayList<>());
        TableResult first = env(from, null).executeSql(query);
        Thread reader = new Thread(() -> {
            try (CloseableIterator<Row> rows = first.collect()) {
                apply(rows, table);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        FirstRows.await(table); // the source needs 1.5 s for all rows: the job is stopped well before its end
        String savepoint = first.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        assertTrue(first.getJobClient().orElseThrow().getJobExecutionResult().handle((v, e) -> e == null)
                .get(30, TimeUnit.SECONDS), "the first job ends without failure");
        reader.join(30_000);
        assertTrue(!table.isEmpty(), "the first run emitted rows before its savepoint");
        try (CloseableIterator<Row> rows = env(to, savepoint).executeSql(query).collect()) {
            apply(rows, table);
        }
        List<String> result = new ArrayList<>(table);
        Collections.sort(result);
        return result;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2"})
    @Timeout(120)
    void topNContinuesAcrossRescaling(int from, int to) throws Exception {
        List<String> table = runRescaled("SELECT k, x, rn FROM (SELECT k, x, ROW_NUMBER() OVER (PARTITION BY k"
                + " ORDER BY x DESC) AS rn FROM (" + KEYED + ")) WHERE rn <= 3", from, to);
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            int largest = ROWS - Math.floorMod(ROWS - k, KEYS);
            for (int rank = 1; rank <= 3; rank++) {
                expected.add("[" + k + ", " + (largest - (rank - 1) * KEYS) + ", " + rank + "]");
            }
        }
        Collections.sort(expected);
        assertEquals(expected, table);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2"})
    @Timeout(120)
    void keepLastOnRowtimeContinuesAcrossRescaling(int from, int to) throws Exception {
        List<String> table = runRescaled("SELECT k, id FROM (SELECT k, id, ROW_NUMBER() OVER (PARTITION BY k"
                + " ORDER BY ts DESC) AS rn FROM (" + KEYED + ")) WHERE rn = 1", from, to);
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            expected.add("[" + k + ", " + (ROWS - Math.floorMod(ROWS - k, KEYS)) + "]");
        }
        Collections.sort(expected);
        assertEquals(expected, table);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2"})
    @Timeout(120)
    void keepFirstOnProcessingTimeEmitsEachKeyOnceAcrossRescaling(int from, int to) throws Exception {
        List<String> table = runRescaled("SELECT k, id FROM (SELECT k, id, ROW_NUMBER() OVER (PARTITION BY k"
                + " ORDER BY pt ASC) AS rn FROM (" + KEYED + ")) WHERE rn = 1", from, to);
        assertEquals(KEYS, table.size(), "one row per key: " + table);
        List<Long> keys = new ArrayList<>();
        for (String row : table) {
            String[] values = row.substring(1, row.length() - 1).split(", ");
            long k = Long.parseLong(values[0]);
            assertEquals(k, Long.parseLong(values[1]) % KEYS, row);
            keys.add(k);
        }
        Collections.sort(keys);
        for (int k = 0; k < KEYS; k++) {
            assertEquals(k, keys.get(k));
        }
    }
}
