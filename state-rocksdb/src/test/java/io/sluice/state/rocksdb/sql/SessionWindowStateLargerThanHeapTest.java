package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.Row;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQL SESSION window aggregate whose open sessions hold rows of several times the JVM's heap (every key's session
 * stays open until the input ends) fires with the right results with {@code state.backend.type: rocksdb}. Surefire
 * runs this class in its own JVM with a small {@code -Xmx} (see the module's pom); the test measures the RocksDB
 * working files while the job runs and checks they outgrow the heap.
 */
class SessionWindowStateLargerThanHeapTest {
    private static final int ROWS = 400_000;
    private static final int KEYS = 20_000;
    private static final int PAYLOAD = 1000;

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void sessionsWhoseRowsAreSeveralTimesTheHeapFireWithTheRightCounts() throws Exception {
        LargerThanHeap run = new LargerThanHeap(tmp);
        // key k gets a row every KEYS ms: with a one-minute gap each key has one session, open until the input ends
        run.createPayloadTable("a", ROWS, PAYLOAD,
                ", k AS id % " + KEYS + ", ts AS TO_TIMESTAMP_LTZ(id, 3), WATERMARK FOR ts AS ts");
        Row r = run.lastRow("SELECT COUNT(*), SUM(n), MAX(w) FROM (SELECT k, window_start, COUNT(*) AS n,"
                + " MAX(CHAR_LENGTH(payload)) AS w"
                + " FROM TABLE(SESSION(TABLE a PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' MINUTE))"
                + " GROUP BY k, window_start, window_end)");
        assertEquals(KEYS, ((Number) r.getField(0)).longValue(), "one session per key");
        assertEquals(ROWS, ((Number) r.getField(1)).longValue(), "every row in its key's session");
        assertEquals(PAYLOAD, ((Number) r.getField(2)).longValue());
        run.assertStateOutgrewTheHeap("SESSION window");
    }
}
