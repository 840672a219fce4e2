package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.Row;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQL TUMBLE window aggregate whose one open window holds groups of several times the JVM's heap (many keys, each
 * with the distinct values of a wide column for {@code COUNT(DISTINCT ...)}) fires with the right results with
 * {@code state.backend.type: rocksdb}.
 * Surefire runs this class in its own JVM with a small {@code -Xmx} (see the module's pom); the test measures the
 * RocksDB working files while the job runs and checks they outgrow the heap.
 */
class WindowAggregateStateLargerThanHeapTest {
    private static final int ROWS = 400_000;
    private static final int GROUPS = 200_000;
    private static final int PAYLOAD = 1000;

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void aWindowWhoseGroupsAreSeveralTimesTheHeapFiresWithTheRightCounts() throws Exception {
        LargerThanHeap run = new LargerThanHeap(tmp);
        run.createPayloadTable("a", ROWS, PAYLOAD, ", ts AS TO_TIMESTAMP_LTZ(id, 3), WATERMARK FOR ts AS ts");
        // one window (event times 1 .. ROWS ms) holding every group until the input ends
        Row r = run.lastRow("SELECT COUNT(*), SUM(n), MAX(w) FROM (SELECT id % " + GROUPS + " AS k, window_start,"
                + " COUNT(DISTINCT payload) AS n, MAX(CHAR_LENGTH(payload)) AS w"
                + " FROM TABLE(TUMBLE(TABLE a, DESCRIPTOR(ts), INTERVAL '1' HOUR))"
                + " GROUP BY id % " + GROUPS + ", window_start, window_end)");
        assertEquals(GROUPS, ((Number) r.getField(0)).longValue(), "every group counted once");
        assertEquals(ROWS, ((Number) r.getField(1)).longValue(),
                "every (random) payload is a distinct value of its group");
        assertEquals(PAYLOAD, ((Number) r.getField(2)).longValue());
        run.assertStateOutgrewTheHeap("window aggregate");
    }
}
