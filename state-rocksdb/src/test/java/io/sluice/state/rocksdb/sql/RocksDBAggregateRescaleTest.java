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
 * SQL GROUP BY aggregates with their groups in RocksDB, stopped with a savepoint part way and restored at another
 * parallelism: the changelog continues where it stopped (the restored groups retract the results emitted before the
 * savepoint), and the final results count every row exactly once, also through a second aggregate that retracts.
 */
class RocksDBAggregateRescaleTest {
    private static final int ROWS = 3000;
    private static final int KEYS = 50;

    @TempDir
    Path tmp;

    private static final String SOURCE = "CREATE TABLE a (id BIGINT, x INT) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '" + ROWS + "', 'fields.x.kind' = 'sequence', 'fields.x.start' = '1',"
            + " 'fields.x.end' = '" + ROWS + "')";

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
    void groupResultsContinueAcrossRescaling(int from, int to) throws Exception {
        List<String> table = runRescaled("SELECT id % " + KEYS + " AS k, COUNT(*), SUM(x), MIN(x), MAX(x),"
                + " COUNT(DISTINCT x % 7) FROM a GROUP BY id % " + KEYS, from, to);
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            long sum = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            int count = 0;
            for (int id = 1; id <= ROWS; id++) {
                if (id % KEYS == k) {
                    sum += id;
                    min = Math.min(min, id);
                    max = Math.max(max, id);
                    count++;
                }
            }
            expected.add("[" + k + ", " + count + ", " + sum + ", " + min + ", " + max + ", 7]");
        }
        Collections.sort(expected);
        assertEquals(expected, table);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2"})
    @Timeout(120)
    void anAggregateOfARetractingAggregateContinuesAcrossRescaling(int from, int to) throws Exception {
        List<String> table = runRescaled("SELECT cnt, COUNT(*), SUM(total) FROM (SELECT id % " + KEYS
                + " AS k, COUNT(*) AS cnt, SUM(x) AS total FROM a GROUP BY id % " + KEYS + ") GROUP BY cnt", from, to);
        assertEquals(List.of("[" + ROWS / KEYS + ", " + KEYS + ", " + (long) ROWS * (ROWS + 1) / 2 + "]"), table);
    }
}
