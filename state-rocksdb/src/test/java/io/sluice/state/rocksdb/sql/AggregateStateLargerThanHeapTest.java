package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.Row;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQL GROUP BY whose groups hold several times the JVM's heap (many groups, each with the distinct values of a
 * wide column for {@code COUNT(DISTINCT ...)}) runs to the right result with {@code state.backend.type: rocksdb}.
 * Surefire runs this class in its own JVM with a small {@code -Xmx} (see the module's pom); the test measures the
 * RocksDB working files while the job runs and checks they outgrow the heap.
 */
class AggregateStateLargerThanHeapTest {
    private static final int ROWS = 400_000;
    private static final int GROUPS = 200_000;
    private static final int PAYLOAD = 1000;

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void aGroupByWhoseStateIsSeveralTimesTheHeapGivesTheRightCounts() throws Exception {
        LargerThanHeap run = new LargerThanHeap(tmp);
        run.createPayloadTable("a", ROWS, PAYLOAD, "");
        Row r = run.lastRow("SELECT COUNT(*), SUM(n), MAX(w) FROM (SELECT id % " + GROUPS + " AS k,"
                + " COUNT(DISTINCT payload) AS n, MAX(CHAR_LENGTH(payload)) AS w FROM a GROUP BY id % " + GROUPS + ")");
        assertEquals(GROUPS, ((Number) r.getField(0)).longValue(), "every group counted once");
        assertEquals(ROWS, ((Number) r.getField(1)).longValue(),
                "every (random) payload is a distinct value of its group");
        assertEquals(PAYLOAD, ((Number) r.getField(2)).longValue());
        run.assertStateOutgrewTheHeap("aggregate");
    }
}
