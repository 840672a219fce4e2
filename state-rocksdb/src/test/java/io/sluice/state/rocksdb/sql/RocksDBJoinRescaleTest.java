package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQL regular joins with their state in RocksDB, stopped with a savepoint part way and restored at another
 * parallelism: every row is joined exactly once, and an outer join's changelog continues (it retracts the padded
 * rows it emitted before the savepoint).
 */
class RocksDBJoinRescaleTest {
    @TempDir
    Path tmp;

    private TableEnvironment env(int parallelism, String ddl, String savepoint) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'state.backend.type' = 'rocksdb'");
        env.executeSql("SET 'state.backend.rocksdb.localdir' = '" + tmp.resolve("rocksdb") + "'");
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '64'");
        for (String d : ddl.split(";")) {
            env.executeSql(d);
        }
        if (savepoint != null) {
            env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        }
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

    private static final String SOURCES = "CREATE TABLE a (id BIGINT, x INT) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '3000', 'fields.x.kind' = 'sequence', 'fields.x.start' = '1',"
            + " 'fields.x.end' = '3000');"
            + "CREATE TABLE b (id BIGINT, y INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1000',"
            + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3000',"
            + " 'fields.y.kind' = 'sequence', 'fields.y.start' = '3001', 'fields.y.end' = '6000')";

    private String stopWithSavepoint(TableResult running) throws Exception {
        Thread.sleep(600); // the sources need 1.5 to 3 s for all rows: the job is stopped well before its end
        String savepoint = running.getJobClient().orElseThrow()
                .stopWithSavepoint(false, tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
        assertTrue(running.getJobClient().orElseThrow().getJobExecutionResult().handle((v, e) -> e == null)
                .get(30, TimeUnit.SECONDS), "the first job ends without failure");
        return savepoint;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void anInnerJoinRestoredAtAnotherParallelismMatchesEveryRowOnce(int from, int to) throws Exception {
        Path sinkDir = tmp.resolve("joined");
        String ddl = SOURCES + ";CREATE TABLE joined (id BIGINT, x INT, y INT) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + sinkDir + "', 'format' = 'csv')";
        String insert = "INSERT INTO joined SELECT a.id, a.x, b.y FROM a JOIN b ON a.id = b.id";
        String savepoint = stopWithSavepoint(env(from, ddl, null).executeSql(insert));
        int before = lines(sinkDir).size();
        assertTrue(before < 3000, "the first run stopped part way: " + before + " rows");
        env(to, ddl, savepoint).executeSql(insert).await();
        List<String> expected = new ArrayList<>();
        for (int id = 1; id <= 3000; id++) {
            expected.add(id + "," + id + "," + (3000 + id));
        }
        Collections.sort(expected);
        assertEquals(expected, lines(sinkDir), "every id joined exactly once, whichever instance held its row");
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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 3", "3, 1"})
    @Timeout(120)
    void aLeftJoinChangelogContinuesAcrossRescaling(int from, int to) throws Exception {
        String query = "SELECT a.id, a.x, b.y FROM a LEFT JOIN b ON a.id = b.id AND b.y > 3500";
        List<String> table = new ArrayList<>();
        TableResult first = env(from, SOURCES, null).executeSql(query);
        Thread reader = new Thread(() -> {
            try (CloseableIterator<Row> rows = first.collect()) {
                apply(rows, table);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        String savepoint = stopWithSavepoint(first);
        reader.join(30_000);
        assertTrue(!table.isEmpty(), "the first run emitted rows before its savepoint");
        try (CloseableIterator<Row> rows = env(to, SOURCES, savepoint).executeSql(query).collect()) {
            apply(rows, table);
        }
        List<String> expected = new ArrayList<>();
        for (int id = 1; id <= 3000; id++) {
            expected.add("[" + id + ", " + id + ", " + (id > 500 ? String.valueOf(3000 + id) : "null") + "]");
        }
        Collections.sort(expected);
        Collections.sort(table);
        assertEquals(expected, table);
    }
}
