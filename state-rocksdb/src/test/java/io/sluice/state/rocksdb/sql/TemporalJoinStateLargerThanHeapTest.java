package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.Row;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event-time temporal join whose versioned table holds versions of several times the JVM's heap (one wide version
 * per key, all valid when the orders arrive) joins every order with the right version with
 * {@code state.backend.type: rocksdb}. Surefire runs this class in its own JVM with a small {@code -Xmx} (see the
 * module's pom); the test measures the RocksDB working files while the job runs and checks they outgrow the heap.
 */
class TemporalJoinStateLargerThanHeapTest {
    private static final int KEYS = 300_000;
    private static final int ORDERS = 50_000;
    private static final int PAYLOAD = 1000;

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void versionsOfSeveralTimesTheHeapJoinEveryOrderWithItsVersion() throws Exception {
        LargerThanHeap run = new LargerThanHeap(tmp);
        // version of key id at time id ms; order id (for key id) comes after every version
        run.createPayloadTable("versions", KEYS, PAYLOAD, ", ts AS TO_TIMESTAMP_LTZ(id, 3), WATERMARK FOR ts AS ts,"
                + " PRIMARY KEY (id) NOT ENFORCED");
        run.env().executeSql("CREATE TABLE orders (id BIGINT, ts AS TO_TIMESTAMP_LTZ(" + KEYS + " + id, 3),"
                + " WATERMARK FOR ts AS ts) WITH ("
                + "'connector' = 'datagen', 'rows-per-second' = '100000000', 'fields.id.kind' = 'sequence',"
                + " 'fields.id.start' = '1', 'fields.id.end' = '" + ORDERS + "')");
        Row r = run.lastRow("SELECT COUNT(*), SUM(v.id - o.id), MAX(CHAR_LENGTH(v.payload)) FROM orders AS o"
                + " JOIN versions FOR SYSTEM_TIME AS OF o.ts AS v ON o.id = v.id");
        assertEquals(ORDERS, ((Number) r.getField(0)).longValue(), "every order joined");
        assertEquals(0, ((Number) r.getField(1)).longValue(), "with its key's version");
        assertEquals(PAYLOAD, ((Number) r.getField(2)).longValue());
        run.assertStateOutgrewTheHeap("temporal join");
    }
}
