package io.sluice.table.api.checkpoint;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.Tumble;
import io.sluice.table.api.windowagg.WindowUdfs.Top2;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A savepoint taken at one parallelism restores at another (rescaling): STOP WITH SAVEPOINT part way through a
 * bounded datagen stream, then the same statement with {@code execution.savepoint.path} at a lower or higher
 * {@code parallelism.default} (1 runs on the single-threaded executor) runs to the end, and the results equal an
 * uninterrupted run: keyed state moved to the instance its keys are routed to now, source positions shared by the
 * new readers, nothing lost and nothing twice.
 */
class RescaleSavepointTest {
    @TempDir
    Path tmp;

    private static TableEnvironment env(int parallelism) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        env.executeSql("SET 'pipeline.auto-watermark-interval' = '5 ms'");
        return env;
    }

    private static List<String> lines(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                all.addAll(Files.readAllLines(f));
            }
        }
        Collections.sort(all);
        return all;
    }

    /** Runs {@code statement} at {@code parallelism} and stops it with a savepoint after a while; returns its path. */
    private String stopWithSavepoint(int parallelism, String ddl, String statement) throws Exception {
        TableResult first = firstRun(parallelism, ddl).executeSql(statement);
        Thread.sleep(600); // the sources need about 2 s for all rows: the job is stopped well before its end
        String savepoint = first.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        assertTrue(first.getJobClient().orElseThrow().getJobExecutionResult().handle((v, e) -> e == null)
                .get(30, TimeUnit.SECONDS), "the first job ends without failure");
        return savepoint;
    }

    /**
     * A new environment at {@code parallelism} with the tables of {@code ddl} as written: datagen sources at their
     * rate, so a job started in it can be stopped part way.
     */
    private static TableEnvironment firstRun(int parallelism, String ddl) {
        TableEnvironment env = env(parallelism);
        for (String d : ddl.split(";")) {
            env.executeSql(d);
        }
        return env;
    }

    /**
     * A new environment at {@code parallelism} with the tables of {@code ddl}, restoring {@code savepoint} (none for
     * an uninterrupted reference run). Its datagen sources are not rate-limited: only a first run has to be slow
     * enough to be stopped part way, and the rows (sequences) do not depend on the rate.
     */
    private static TableEnvironment restoring(int parallelism, String ddl, String savepoint) {
        TableEnvironment env = firstRun(parallelism, ddl.replaceAll("'rows-per-second' = '\\d+'",
                "'rows-per-second' = '10000000'"));
        if (savepoint != null) {
            env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        }
        return env;
    }

    private static final String EVENTS = "CREATE TABLE events (id BIGINT, v INT, k AS CAST(MOD(id, 7) AS INT),"
            + " ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '4000', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1',"
            + " 'fields.v.end' = '4000')";

    /** 4,000 rows of sequences id and k, 1 to 4000, at 2,000 rows/s. */
    private static final String SRC = "CREATE TABLE src (id BIGINT, k INT) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '4000', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1', 'fields.k.end' = '4000')";

    /** The final table of a changelog: +I/+U rows by their key column 0, -U/-D remove. */
    private static Map<Object, String> materialize(TableResult result) throws Exception {
        Map<Object, String> table = new TreeMap<>();
        try (CloseableIterator<Row> rows = result.collect()) {
            while (rows.hasNext()) {
                Row r = rows.next();
                Object key = r.getField(0);
                if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                    table.put(key, r.toString().substring(3));
                } else {
                    table.remove(key);
                }
            }
        }
        return table;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2"})
    @Timeout(120)
    void decimalSumsAndStringExtremesRestoreAtAnotherParallelism(int from, int to) throws Exception {
        String ddl = SRC + ";"
                + "CREATE TABLE snk (g BIGINT, s DECIMAL(38, 2), a DECIMAL(38, 2), lo STRING, hi STRING,"
                + " PRIMARY KEY (g) NOT ENFORCED) WITH ('connector' = 'blackhole')";
        // insert-only input: compact DECIMAL sums and averages, MIN/MAX of strings
        String query = "SELECT MOD(id, 37) AS g, SUM(CAST(id AS DECIMAL(10, 2)) / 4) AS s,"
                + " AVG(CAST(k AS DECIMAL(12, 2))) AS a, MIN(CAST(k AS STRING)) AS lo, MAX(CAST(k AS STRING)) AS hi"
                + " FROM src GROUP BY MOD(id, 37)";
        Map<Object, String> expected = materialize(restoring(to, ddl, null).executeSql(query));
        assertEquals(37, expected.size());
        String savepoint = stopWithSavepoint(from, ddl, "INSERT INTO snk " + query);
        assertEquals(expected, materialize(restoring(to, ddl, savepoint).executeSql(query)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2"})
    @Timeout(120)
    void retractableDecimalSumsRestoreAtAnotherParallelism(int from, int to) throws Exception {
        String ddl = SRC + ";"
                + "CREATE TABLE snk (h BIGINT, s DECIMAL(38, 2), w DECIMAL(38, 2), PRIMARY KEY (h) NOT ENFORCED)"
                + " WITH ('connector' = 'blackhole')";
        // the inner GROUP BY updates its rows, so the outer sums retract: compact and wide DECIMAL sums
        String query = "SELECT MOD(g, 5) AS h, SUM(CAST(m AS DECIMAL(10, 2))) AS s, SUM(CAST(m AS DECIMAL(30, 2))) AS w"
                + " FROM (SELECT MOD(id, 37) AS g, MAX(k) AS m FROM src GROUP BY MOD(id, 37)) GROUP BY MOD(g, 5)";
        Map<Object, String> expected = materialize(restoring(to, ddl, null).executeSql(query));
        assertEquals(5, expected.size());
        String savepoint = stopWithSavepoint(from, ddl, "INSERT INTO snk " + query);
        assertEquals(expected, materialize(restoring(to, ddl, savepoint).executeSql(query)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2"})
    @Timeout(120)
    void firstAndLastValueAggregatesRestoreAtAnotherParallelism(int from, int to) throws Exception {
        String ddl = SRC + ";"
                + "CREATE TABLE snk (g BIGINT, f STRING, l BIGINT, c BIGINT, PRIMARY KEY (g) NOT ENFORCED)"
                + " WITH ('connector' = 'blackhole')";
        // every row of a group has the same values, so the result does not depend on the order rows arrive in
        String query = "SELECT MOD(id, 37) AS g, FIRST_VALUE(CAST(MOD(id, 37) AS STRING)) AS f,"
                + " LAST_VALUE(MOD(id, 37) * 2) AS l, COUNT(*) AS c FROM src GROUP BY MOD(id, 37)";
        Map<Object, String> expected = materialize(restoring(to, ddl, null).executeSql(query));
        assertEquals(37, expected.size());
        String savepoint = stopWithSavepoint(from, ddl, "INSERT INTO snk " + query);
        assertEquals(expected, materialize(restoring(to, ddl, savepoint).executeSql(query)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void aGroupByRestoredAtAnotherParallelismEndsWithExactCounts(int from, int to) throws Exception {
        String ddl = SRC + ";"
                + "CREATE TABLE snk (g BIGINT, c BIGINT, s BIGINT, m BIGINT, PRIMARY KEY (g) NOT ENFORCED) WITH ("
                + "'connector' = 'blackhole')";
        String query = "SELECT MOD(id, 37) AS g, COUNT(*) AS c, SUM(id) AS s, MAX(k) AS m FROM src GROUP BY MOD(id, 37)";
        Map<Object, String> expected = materialize(restoring(to, ddl, null).executeSql(query));
        assertEquals(37, expected.size());

        String savepoint = stopWithSavepoint(from, ddl, "INSERT INTO snk " + query);
        Map<Object, String> actual = materialize(restoring(to, ddl, savepoint).executeSql(query));
        assertEquals(expected, actual, "counts and sums go on from the savepoint's: no row lost or counted twice");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void aTumblingWindowAggregateRestoredAtAnotherParallelismEqualsAnUninterruptedRun(int from, int to)
            throws Exception {
        String query = "SELECT window_start, k, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k";
        Path expectedDir = tmp.resolve("expected");
        Path actualDir = tmp.resolve("actual");
        String ddl = EVENTS + ";CREATE TABLE expected_windows (ws TIMESTAMP(3), k INT, c BIGINT, s INT) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + expectedDir + "', 'format' = 'csv');"
                + "CREATE TABLE actual_windows (ws TIMESTAMP(3), k INT, c BIGINT, s INT) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + actualDir + "', 'format' = 'csv')";
        restoring(to, ddl, null).executeSql("INSERT INTO expected_windows " + query).await();
        List<String> expected = lines(expectedDir);
        assertTrue(expected.size() > 401, expected.size() + " windows and keys");

        String savepoint = stopWithSavepoint(from, ddl, "INSERT INTO actual_windows " + query);
        int before = lines(actualDir).size();
        assertTrue(before < expected.size(), "the first run stopped part way: " + before + " rows");
        restoring(to, ddl, savepoint).executeSql("INSERT INTO actual_windows " + query).await();
        List<String> all = lines(actualDir);
        assertEquals(expected, all);
        assertEquals(all.size(), new HashSet<>(all).size(), "no row twice");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void aJoinRestoredAtAnotherParallelismMatchesEveryRowOnce(int from, int to) throws Exception {
        Path sinkDir = tmp.resolve("joined");
        String ddl = "CREATE TABLE a (id BIGINT, x INT) WITH ('connector' = 'datagen', 'rows-per-second' = '2000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3000',"
                + " 'fields.x.kind' = 'sequence', 'fields.x.start' = '1', 'fields.x.end' = '3000');"
                + "CREATE TABLE b (id BIGINT, y INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3000',"
                + " 'fields.y.kind' = 'sequence', 'fields.y.start' = '3001', 'fields.y.end' = '6000');"
                + "CREATE TABLE joined (id BIGINT, x INT, y INT) WITH ('connector' = 'filesystem', 'path' = '"
                + sinkDir + "', 'format' = 'csv')";
        String insert = "INSERT INTO joined SELECT a.id, a.x, b.y FROM a JOIN b ON a.id = b.id";
        String savepoint = stopWithSavepoint(from, ddl, insert);
        int before = lines(sinkDir).size();
        assertTrue(before < 3000, "the first run stopped part way: " + before + " rows");
        restoring(to, ddl, savepoint).executeSql(insert).await();
        List<String> all = lines(sinkDir);
        List<String> expected = new ArrayList<>();
        for (int id = 1; id <= 3000; id++) {
            expected.add(id + "," + id + "," + (3000 + id));
        }
        Collections.sort(expected);
        assertEquals(expected, all, "every id joined exactly once, whichever instance held its waiting row");
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

    /**
     * The final table of {@code query}'s changelog when it runs at {@code from}, is stopped with a savepoint part way,
     * and resumes from it at {@code to}: the changes of both runs applied in order (sorted rows).
     */
    private List<String> acrossRescale(String ddl, String query, int from, int to) throws Exception {
        List<String> table = Collections.synchronizedList(new ArrayList<>());
        TableResult first = firstRun(from, ddl).executeSql(query);
        Thread reader = new Thread(() -> {
            try (CloseableIterator<Row> rows = first.collect()) {
                apply(rows, table);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        Thread.sleep(300);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (table.isEmpty() && System.nanoTime() < deadline) { // a busy machine may start the job late
            Thread.sleep(10);
        }
        String savepoint = first.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        reader.join(30_000);
        int before = table.size();
        try (CloseableIterator<Row> rows = restoring(to, ddl, savepoint).executeSql(query).collect()) {
            apply(rows, table);
        }
        assertTrue(before > 0, "the first run emitted rows before its savepoint");
        Collections.sort(table);
        return table;
    }

    /** Asserts that two sorted row lists are equal, naming the first rows one has and the other lacks. */
    private static void assertSameRows(List<String> expected, List<String> actual) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        assertEquals(expected.size() + " rows, missing: " + missing.subList(0, Math.min(10, missing.size())),
                actual.size() + " rows, extra: " + extra.subList(0, Math.min(10, extra.size())) + " ("
                        + missing.size() + " missing, " + extra.size() + " extra)");
    }

    /** The final table of {@code query}'s changelog in one uninterrupted run at {@code parallelism}. */
    private static List<String> uninterrupted(String ddl, String query, int parallelism) throws Exception {
        List<String> table = new ArrayList<>();
        try (CloseableIterator<Row> rows = restoring(parallelism, ddl, null).executeSql(query).collect()) {
            apply(rows, table);
        }
        Collections.sort(table);
        return table;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void aTopNRestoredAtAnotherParallelismRetractsWhatItEmittedBefore(int from, int to) throws Exception {
        // ties broken by v: which of two tied rows arrives first differs between runs of parallel sources
        String query = "SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY MOD(v, 100) DESC,"
                + " v DESC) AS rn FROM events) WHERE rn <= 2";
        List<String> expected = uninterrupted(EVENTS, query, to);
        assertEquals(14, expected.size());
        assertEquals(expected, acrossRescale(EVENTS, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void aDeduplicationRestoredAtAnotherParallelismKeepsOneRowPerKey(int from, int to) throws Exception {
        String ddl = EVENTS.replace("k AS CAST(MOD(id, 7) AS INT)", "k AS CAST(MOD(id, 997) AS INT)");
        String query = "SELECT k, id FROM (SELECT k, id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn"
                + " FROM events) WHERE rn = 1";
        List<String> expected = uninterrupted(ddl, query, to);
        assertEquals(997, expected.size());
        assertEquals(expected, acrossRescale(ddl, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void aGroupByChangelogContinuesAcrossRescaling(int from, int to) throws Exception {
        String query = "SELECT k, COUNT(*) AS c, MIN(v) AS lo FROM events GROUP BY k";
        List<String> expected = uninterrupted(EVENTS, query, to);
        assertEquals(7, expected.size());
        assertEquals(expected, acrossRescale(EVENTS, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void aSessionWindowRestoredAtAnotherParallelismEqualsAnUninterruptedRun(int from, int to) throws Exception {
        // every 500 ids the time jumps 20 s: each key's rows (7 s apart) form a new session
        String ddl = EVENTS.replace("ts AS TO_TIMESTAMP_LTZ(id * 1000, 3)",
                "ts AS TO_TIMESTAMP_LTZ(id * 1000 + (id - MOD(id, 500)) * 40, 3)");
        String query = "SELECT window_start, window_end, k, COUNT(*), SUM(v) FROM TABLE(SESSION(TABLE events"
                + " PARTITION BY k, DESCRIPTOR(ts), INTERVAL '8' SECOND)) GROUP BY window_start, window_end, k";
        List<String> expected = uninterrupted(ddl, query, to);
        assertEquals(57, expected.size()); // 8 sessions of each of the 7 keys, and id 4000 alone
        assertEquals(expected, acrossRescale(ddl, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void anIntervalJoinRestoredAtAnotherParallelismMatchesEveryRowOnce(int from, int to) throws Exception {
        String ddl = "CREATE TABLE a (id BIGINT, x INT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts)"
                + " WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence',"
                + " 'fields.id.start' = '1', 'fields.id.end' = '3000', 'fields.x.kind' = 'sequence',"
                + " 'fields.x.start' = '1', 'fields.x.end' = '3000');"
                + "CREATE TABLE b (id BIGINT, y INT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts)"
                + " WITH ('connector' = 'datagen', 'rows-per-second' = '1000', 'fields.id.kind' = 'sequence',"
                + " 'fields.id.start' = '1', 'fields.id.end' = '3000', 'fields.y.kind' = 'sequence',"
                + " 'fields.y.start' = '3001', 'fields.y.end' = '6000')";
        String query = "SELECT a.id, a.x, b.y FROM a JOIN b ON MOD(a.id, 11) = MOD(b.id, 11) AND b.ts BETWEEN"
                + " a.ts - INTERVAL '20' SECOND AND a.ts + INTERVAL '20' SECOND";
        List<String> expected = uninterrupted(ddl, query, to);
        assertTrue(expected.size() > 3000, expected.size() + " pairs");
        assertEquals(expected, acrossRescale(ddl, query, from, to));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({"ROWS BETWEEN 2 PRECEDING AND CURRENT ROW, 2, 1",
            "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW, 2, 3",
            "RANGE BETWEEN INTERVAL '30' SECOND PRECEDING AND CURRENT ROW, 2, 3",
            "RANGE BETWEEN INTERVAL '30' SECOND PRECEDING AND CURRENT ROW, 1, 2",
            "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, 2, 1",
            "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, 2, 3"})
    @Timeout(120)
    void aRowtimeOverAggregateRestoredAtAnotherParallelismEqualsAnUninterruptedRun(String frame, int from, int to)
            throws Exception {
        String w = " OVER (PARTITION BY k ORDER BY ts " + frame + ")";
        String query = "SELECT k, id, COUNT(*)" + w + ", SUM(v)" + w + ", MAX(CAST(v AS STRING))" + w
                + ", MIN(v)" + w + ", AVG(CAST(v AS DOUBLE))" + w + " FROM events";
        List<String> expected = uninterrupted(EVENTS, query, to);
        assertEquals(4000, expected.size());
        assertEquals(expected, acrossRescale(EVENTS, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void aProctimeOverAggregateRestoredAtAnotherParallelismCountsOnFromTheSavepoint(int from, int to)
            throws Exception {
        String ddl = EVENTS.replace("WATERMARK FOR ts AS ts", "pt AS PROCTIME()");
        // the rows' order within a key depends on arrival, the counts each key reaches do not
        String query = "SELECT k, COUNT(*) OVER (PARTITION BY k ORDER BY pt ROWS BETWEEN UNBOUNDED PRECEDING AND"
                + " CURRENT ROW) FROM events";
        List<String> expected = uninterrupted(ddl, query, to);
        assertEquals(4000, expected.size());
        assertEquals(expected, acrossRescale(ddl, query, from, to));
    }

    /**
     * A versioned table {@code rates} in a file: 2000 versions, of 13 currencies in turn, every 2 s of event time
     * (a source that reads them in order, so each version is valid until the next one of its currency).
     */
    private String rates() throws IOException {
        Path dir = tmp.resolve("rates");
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        for (int id = 1; id <= 2000; id++) {
            text.append(id % 13).append(',').append(id).append(',').append(id * 2000L - 500).append('\n');
        }
        Files.writeString(dir.resolve("rates.csv"), text);
        return "CREATE TABLE rates (cur INT, rate BIGINT, ms BIGINT, rts AS TO_TIMESTAMP_LTZ(ms, 3),"
                + " WATERMARK FOR rts AS rts, PRIMARY KEY (cur) NOT ENFORCED) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir + "', 'format' = 'csv')";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void anEventTimeTemporalJoinRestoredAtAnotherParallelismJoinsEveryOrderWithItsVersion(int from, int to)
            throws Exception {
        String ddl = EVENTS.replace("k AS CAST(MOD(id, 7) AS INT)", "k AS CAST(MOD(id, 13) AS INT)") + ";" + rates();
        String query = "SELECT e.id, e.k, r.rate, r.rts FROM events AS e LEFT JOIN rates FOR SYSTEM_TIME AS OF e.ts"
                + " AS r ON e.k = r.cur";
        List<String> expected = uninterrupted(ddl, query, to);
        assertEquals(4000, expected.size());
        assertSameRows(expected, acrossRescale(ddl, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void aWindowTopNRestoredAtAnotherParallelismEqualsAnUninterruptedRun(int from, int to) throws Exception {
        String query = "SELECT window_start, k, id, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start,"
                + " window_end, k ORDER BY v DESC) AS rn FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                + " INTERVAL '100' SECOND))) WHERE rn <= 2";
        List<String> expected = uninterrupted(EVENTS, query, to);
        assertEquals(40 * 14 + 1, expected.size()); // 40 full windows and one of id 4000 alone
        assertSameRows(expected, acrossRescale(EVENTS, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void aWindowDeduplicationRestoredAtAnotherParallelismKeepsOneRowPerWindowAndKey(int from, int to)
            throws Exception {
        String query = "SELECT window_start, k, id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start,"
                + " window_end, k ORDER BY ts DESC) AS rn FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                + " INTERVAL '100' SECOND))) WHERE rn = 1";
        List<String> expected = uninterrupted(EVENTS, query, to);
        assertEquals(41 * 7 - 6, expected.size());
        assertSameRows(expected, acrossRescale(EVENTS, query, from, to));
    }

    private static final String AB = "CREATE TABLE a (id BIGINT, x INT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3),"
            + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'rows-per-second' = '2000',"
            + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3000',"
            + " 'fields.x.kind' = 'sequence', 'fields.x.start' = '1', 'fields.x.end' = '3000');"
            + "CREATE TABLE b (id BIGINT, y INT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts)"
            + " WITH ('connector' = 'datagen', 'rows-per-second' = '1000', 'fields.id.kind' = 'sequence',"
            + " 'fields.id.start' = '1001', 'fields.id.end' = '4000', 'fields.y.kind' = 'sequence',"
            + " 'fields.y.start' = '1', 'fields.y.end' = '3000')";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void aWindowJoinRestoredAtAnotherParallelismPairsAndPadsEveryRowOnce(int from, int to) throws Exception {
        String query = "SELECT l.id, r.id, l.x, r.y, COALESCE(l.window_start, r.window_start) FROM (SELECT * FROM"
                + " TABLE(TUMBLE(TABLE a, DESCRIPTOR(ts), INTERVAL '10' SECOND))) l FULL JOIN (SELECT * FROM"
                + " TABLE(TUMBLE(TABLE b, DESCRIPTOR(ts), INTERVAL '10' SECOND))) r ON l.id = r.id AND"
                + " l.window_start = r.window_start AND l.window_end = r.window_end";
        List<String> expected = uninterrupted(AB, query, to);
        assertEquals(4000, expected.size()); // 1000 left only, 2000 pairs, 1000 right only
        assertSameRows(expected, acrossRescale(AB, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void aMatchRecognizeRestoredAtAnotherParallelismFindsEveryMatchOnce(int from, int to) throws Exception {
        String query = "SELECT * FROM events MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES FIRST(A.id) AS"
                + " a_id, LAST(B.id) AS b_id, COUNT(B.id) AS bs, C.v AS c_v ONE ROW PER MATCH AFTER MATCH SKIP PAST"
                + " LAST ROW PATTERN (A B+ C) DEFINE A AS MOD(A.v, 10) < 3, B AS MOD(B.v, 10) >= 3,"
                + " C AS MOD(C.v, 10) < 3)";
        List<String> expected = uninterrupted(EVENTS, query, to);
        assertTrue(expected.size() > 200, expected.size() + " matches");
        assertSameRows(expected, acrossRescale(EVENTS, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "1, 2", "2, 3"})
    @Timeout(120)
    void singleInstanceOperatorsRestoreAtAnyParallelism(int from, int to) throws Exception {
        // a LIMIT, a sort on the rowtime, an OVER aggregation without PARTITION BY and a Top-N without
        // partition keys run as one instance whatever the parallelism: their state restores as it was taken
        String limit = "SELECT k, id FROM events LIMIT 3000";
        List<String> limited = acrossRescale(EVENTS, limit, from, to);
        assertEquals(3000, limited.size(), "the limit counts on from the savepoint's count");
        assertEquals(3000, new HashSet<>(limited).size());

        String sort = "SELECT id, k FROM events ORDER BY ts";
        assertSameRows(uninterrupted(EVENTS, sort, to), acrossRescale(EVENTS, sort, from, to));

        String over = "SELECT id, COUNT(*) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),"
                + " SUM(v) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM events";
        assertSameRows(uninterrupted(EVENTS, over, to), acrossRescale(EVENTS, over, from, to));

        String topN = "SELECT id, v FROM events ORDER BY MOD(v, 1000) DESC, v LIMIT 5";
        assertSameRows(uninterrupted(EVENTS, topN, to), acrossRescale(EVENTS, topN, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void aWindowAggregateWithDistinctRestoredAtAnotherParallelismEqualsAnUninterruptedRun(int from, int to)
            throws Exception {
        String query = "SELECT window_start, k, COUNT(DISTINCT MOD(v, 13)), COUNT(*) FROM TABLE(HOP(TABLE events,"
                + " DESCRIPTOR(ts), INTERVAL '20' SECOND, INTERVAL '60' SECOND)) GROUP BY window_start, window_end, k";
        List<String> expected = uninterrupted(EVENTS, query, to);
        assertTrue(expected.size() > 1000, expected.size() + " windows and keys");
        assertSameRows(expected, acrossRescale(EVENTS, query, from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void setOperationsRestoredAtAnotherParallelismEqualAnUninterruptedRun(int from, int to) throws Exception {
        // INTERSECT and EXCEPT run as aggregates over both inputs: their state moves with its keys
        String query = "SELECT MOD(id, 97) FROM events WHERE MOD(id, 2) = 0 INTERSECT SELECT MOD(id, 89) FROM events"
                + " WHERE MOD(id, 3) = 0 EXCEPT SELECT MOD(id, 83) FROM events WHERE id > 3950";
        List<String> expected = uninterrupted(EVENTS, query, to);
        assertTrue(expected.size() > 20, expected.size() + " values");
        assertSameRows(expected, acrossRescale(EVENTS, query, from, to));
    }

    /** A windowed flatAggregate (Table API), registered as view {@code tops} in {@code env}. */
    private static void registerWindowTop2(TableEnvironment env) {
        env.createTemporaryView("tops", env.from("events")
                .window(Tumble.over(lit(10).seconds()).on($("ts")).as("w"))
                .groupBy($("k"), $("w"))
                .flatAggregate(call(Top2.class, $("v")).as("v", "rank"))
                .select($("k"), $("v"), $("rank")));
    }

    @Test
    @Timeout(120)
    void aWindowTableAggregateSavepointRestoresAtAnotherParallelism() throws Exception {
        String ddl = EVENTS + ";CREATE TABLE top_sink (k INT, v INT, r INT) WITH ('connector' = 'blackhole')";
        String insert = "INSERT INTO top_sink SELECT * FROM tops";
        TableEnvironment first = firstRun(2, ddl);
        registerWindowTop2(first);
        TableResult run = first.executeSql(insert);
        Thread.sleep(600);
        String savepoint = run.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        TableEnvironment env = restoring(3, ddl, null);
        registerWindowTop2(env);
        String report;
        try (CloseableIterator<Row> rows = env.executeSql("EXPLAIN UPGRADE FROM '" + savepoint + "' " + insert)
                .collect()) {
            report = String.valueOf(rows.next().getField(0));
        }
        assertTrue(report.contains("RESCALED: TableSourceScan("), report);
        assertTrue(report.contains("RESCALED: WindowTableAggregate("), report);
        assertTrue(!report.contains("OTHER_PARALLELISM"), report);
        env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        env.executeSql(insert).await(60, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3"})
    @Timeout(120)
    void explainUpgradeSaysRescaledForEveryKeyedOperator(int from, int to) throws Exception {
        String ddl = EVENTS.replace("k AS CAST(MOD(id, 7) AS INT)", "k AS CAST(MOD(id, 13) AS INT)") + ";" + rates()
                + ";CREATE TABLE wide (a BIGINT, b BIGINT, c BIGINT) WITH ('connector' = 'blackhole')";
        String[] inserts = {
            "INSERT INTO wide SELECT k, id, SUM(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND"
                    + " CURRENT ROW) FROM events",
            "INSERT INTO wide SELECT e.id, e.k, r.rate FROM events AS e JOIN rates FOR SYSTEM_TIME AS OF e.ts AS r"
                    + " ON e.k = r.cur",
            "INSERT INTO wide SELECT k, id, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start,"
                    + " window_end, k ORDER BY v DESC) AS rn FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                    + " INTERVAL '100' SECOND))) WHERE rn <= 2",
            "INSERT INTO wide SELECT k, id, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start,"
                    + " window_end, k ORDER BY ts DESC) AS rn FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                    + " INTERVAL '100' SECOND))) WHERE rn = 1",
            "INSERT INTO wide SELECT * FROM events MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES"
                    + " FIRST(A.id) AS a_id, LAST(B.id) AS b_id ONE ROW PER MATCH PATTERN (A B) DEFINE"
                    + " A AS MOD(A.v, 2) = 0, B AS MOD(B.v, 2) = 1)"};
        String[] operators = {"OverAggregate(", "TemporalJoin(", "WindowRank(", "WindowDeduplicate(",
            "Match("};
        for (int i = 0; i < inserts.length; i++) {
            String savepoint = stopWithSavepoint(from, ddl, inserts[i]);
            TableEnvironment env = restoring(to, ddl, null);
            String report;
            try (CloseableIterator<Row> rows = env.executeSql("EXPLAIN UPGRADE FROM '" + savepoint + "' "
                    + inserts[i]).collect()) {
                report = String.valueOf(rows.next().getField(0));
            }
            assertTrue(report.contains("RESCALED: " + operators[i]), report);
            assertTrue(!report.contains("OTHER_PARALLELISM"), report);
        }
    }
}
