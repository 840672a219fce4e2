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
 * SQL SESSION window aggregates, OVER aggregates, window Top-N, window joins, event-time temporal joins and
 * MATCH_RECOGNIZE with their state in RocksDB, stopped with a savepoint part way and restored at another parallelism,
 * emit the rows of one uninterrupted run on the heap.
 */
class RocksDBWindowRescaleTest {
    private static final int ROWS = 3000;

    @TempDir
    Path tmp;

    /**
     * One row per second of event time, with a value x that every run computes alike; key k holds runs of 100
     * consecutive ids (sessions that close as it runs).
     */
    private static final String SOURCE = "CREATE TABLE a (id BIGINT, x AS CAST(id * 7919 % 1000 AS INT),"
            + " ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '" + ROWS + "')";
    private static final String VIEW = "CREATE TEMPORARY VIEW v AS SELECT (id / 100) % 7 AS k, id, x, ts FROM a";
    /** A versioned table: the version of key id is valid from half a second of event time per id on. */
    private static final String VERSIONS = "CREATE TABLE b (id BIGINT, rate AS CAST(id * 31 % 100 AS INT),"
            + " ts AS TO_TIMESTAMP_LTZ(id * 500, 3), WATERMARK FOR ts AS ts, PRIMARY KEY (id) NOT ENFORCED) WITH ("
            + "'connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence',"
            + " 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "')";

    private static final String SESSION = "SELECT k, window_start, window_end, COUNT(*), SUM(x), MAX(id)"
            + " FROM TABLE(SESSION(TABLE v PARTITION BY k, DESCRIPTOR(ts), INTERVAL '30' SECOND))"
            + " GROUP BY k, window_start, window_end";
    private static final String OVER = "SELECT k, id, SUM(x) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN"
            + " 2 PRECEDING AND CURRENT ROW), MAX(x) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN"
            + " 2 PRECEDING AND CURRENT ROW) FROM v";
    private static final String TOP_N = "SELECT k, window_start, id, x, rn FROM (SELECT k, window_start, id, x,"
            + " ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k ORDER BY x DESC, id) AS rn"
            + " FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(ts), INTERVAL '20' SECOND))) WHERE rn <= 2";
    private static final String JOIN = "SELECT l.k, l.window_start, l.id, r.id FROM"
            + " (SELECT * FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(ts), INTERVAL '20' SECOND))) l JOIN"
            + " (SELECT * FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(ts), INTERVAL '20' SECOND))) r"
            + " ON l.window_start = r.window_start AND l.window_end = r.window_end AND l.k = r.k AND l.x < r.x"
            + " AND r.id < l.id + 3";
    private static final String TEMPORAL = "SELECT a.id, b.rate, b.ts FROM a LEFT JOIN b FOR SYSTEM_TIME AS OF a.ts AS b"
            + " ON a.id = b.id";
    private static final String MATCH = "SELECT * FROM v MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES"
            + " A.id AS a_id, LAST(B.id) AS b_id, COUNT(B.id) AS bs ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW"
            + " PATTERN (A B+ C) DEFINE A AS A.x < 300, B AS B.x >= 300, C AS C.x < 300)";

    private TableEnvironment env(String backend, int parallelism, String savepoint) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'state.backend.type' = '" + backend + "'");
        env.executeSql("SET 'state.backend.rocksdb.localdir' = '" + tmp.resolve("rocksdb") + "'");
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql(SOURCE);
        env.executeSql(VIEW);
        env.executeSql(VERSIONS);
        if (savepoint != null) {
            env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        }
        return env;
    }

    private static void collect(CloseableIterator<Row> rows, List<String> table) {
        while (rows.hasNext()) {
            Row r = rows.next();
            assertEquals(RowKind.INSERT, r.getKind(), "an insert-only result: " + r);
            table.add(r.toString());
        }
    }

    private static String query(String name) {
        return switch (name) {
            case "session" -> SESSION;
            case "over" -> OVER;
            case "top-n" -> TOP_N;
            case "join" -> JOIN;
            case "temporal" -> TEMPORAL;
            case "match" -> MATCH;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The rows of one uninterrupted run at parallelism 1 on the heap. */
    private List<String> uninterrupted(String query) throws Exception {
        List<String> table = new ArrayList<>();
        try (CloseableIterator<Row> rows = env("hashmap", 1, null).executeSql(query).collect()) {
            collect(rows, table);
        }
        Collections.sort(table);
        return table;
    }

    /** Runs {@code query} on RocksDB at {@code from} instances, stops it part way, continues at {@code to}. */
    private List<String> runRescaled(String query, int from, int to) throws Exception {
        List<String> table = Collections.synchronizedList(new ArrayList<>());
        TableResult first = env("rocksdb", from, null).executeSql(query);
        Thread reader = new Thread(() -> {
            try (CloseableIterator<Row> rows = first.collect()) {
                collect(rows, table);
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
        try (CloseableIterator<Row> rows = env("rocksdb", to, savepoint).executeSql(query).collect()) {
            collect(rows, table);
        }
        List<String> result = new ArrayList<>(table);
        Collections.sort(result);
        return result;
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({"session, 2, 1", "session, 1, 2", "over, 2, 1", "over, 1, 2", "top-n, 2, 1", "top-n, 1, 2",
        "join, 2, 1", "join, 1, 2", "temporal, 2, 1", "temporal, 1, 2",
        "match, 2, 1", "match, 1, 2"})
    @Timeout(120)
    void continuesAcrossRescalingAsOneUninterruptedRun(String name, int from, int to) throws Exception {
        List<String> expected = uninterrupted(query(name));
        assertTrue(expected.size() > 25, name + ": " + expected.size() + " rows");
        assertEquals(expected, runRescaled(query(name), from, to));
    }
}
