package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An event-time temporal join against Flink's versioned view pattern (a log deduplicated to its last row per key by
 * rowtime) joins every order with the version valid at its time, on the heap and in RocksDB, at parallelism 1 and 2.
 * At parallelism 2 the log's two readers interleave (reader {@code i} generates the ids {@code i+1, i+3, ...}), so the
 * consecutive versions of a key arrive from different readers in no fixed order: a version must not be lost because
 * a newer one of its key arrived first.
 */
class VersionedViewTemporalJoinTest {
    private static final int LOG_ROWS = 2000;
    private static final int ORDERS = 1500;
    private static final int KEYS = 7;

    @TempDir
    Path tmp;

    /** Log row {@code id} is a version of key {@code id % 7} from second {@code id} on. */
    private static final String LOG = "CREATE TABLE log (id BIGINT, k AS CAST(id % " + KEYS + " AS INT),"
            + " ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '5000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '" + LOG_ROWS + "')";
    private static final String VERSIONS = "CREATE TEMPORARY VIEW versions AS SELECT k, id, ts FROM ("
            + " SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rownum FROM log) WHERE rownum = 1";
    /** Order {@code id} of key {@code id % 7} at 1.3 seconds per id, plus half a second. */
    private static final String ORDER_TABLE = "CREATE TABLE orders (id BIGINT, k AS CAST(id % " + KEYS + " AS INT),"
            + " ts AS TO_TIMESTAMP_LTZ(id * 1300 + 500, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '5000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '" + ORDERS + "')";
    private static final String JOIN = "SELECT o.id, v.id FROM orders AS o"
            + " JOIN versions FOR SYSTEM_TIME AS OF o.ts AS v ON o.k = v.k";

    /** Order id and the id of the latest log row of its key at or before its time, for every order that has one. */
    private static List<String> expected() {
        List<String> rows = new ArrayList<>();
        for (long order = 1; order <= ORDERS; order++) {
            long key = order % KEYS;
            long version = (order * 1300 + 500) / 1000; // the latest log id at or before the order's time
            version -= Math.floorMod(version - key, KEYS); // ... of the order's key
            if (version >= 1) {
                rows.add(order + "," + version);
            }
        }
        Collections.sort(rows);
        return rows;
    }

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"hashmap, 1", "hashmap, 2", "rocksdb, 1", "rocksdb, 2"})
    @Timeout(120)
    void joinsTheVersionValidAtEachOrdersTime(String backend, int parallelism) throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'state.backend.type' = '" + backend + "'");
        env.executeSql("SET 'state.backend.rocksdb.localdir' = '" + tmp.resolve("rocksdb") + "'");
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'table.exec.batch-size' = '16'");
        env.executeSql(LOG);
        env.executeSql(VERSIONS);
        env.executeSql(ORDER_TABLE);
        List<String> actual = new ArrayList<>();
        try (CloseableIterator<Row> rows = env.executeSql(JOIN).collect()) {
            while (rows.hasNext()) {
                Row r = rows.next();
                assertEquals(RowKind.INSERT, r.getKind(), "an insert-only result: " + r);
                actual.add(r.getField(0) + "," + r.getField(1));
            }
        }
        Collections.sort(actual);
        List<String> expected = expected();
        assertEquals(ORDERS, expected.size(), "every order has a version of its key");
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
