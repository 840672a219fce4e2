package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.Row;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQL Top-N whose partitions hold several times the JVM's heap (many partitions, each keeping its top rows with a
 * wide column) runs to the right result with {@code state.backend.type: rocksdb}.
 * Surefire runs this class in its own JVM with a small {@code -Xmx} (see the module's pom); the test measures the
 * RocksDB working files while the job runs and checks they outgrow the heap.
 */
class TopNStateLargerThanHeapTest {
    private static final int ROWS = 400_000;
    private static final int PARTITIONS = 100_000;
    private static final int TOP = 3;
    private static final int PAYLOAD = 1000;

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void aTopNWhoseStateIsSeveralTimesTheHeapKeepsTheRightRows() throws Exception {
        LargerThanHeap run = new LargerThanHeap(tmp);
        run.createPayloadTable("a", ROWS, PAYLOAD, "");
        Row r = run.lastRow("SELECT COUNT(*), SUM(id), MAX(CHAR_LENGTH(payload))"
                + " FROM (SELECT id, payload, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id DESC) AS rn"
                + " FROM (SELECT id % " + PARTITIONS + " AS k, id, payload FROM a)) WHERE rn <= " + TOP);
        // each partition k gets ids k, k + P, k + 2P, k + 3P (k = 0: P .. 4P) and keeps all but the smallest
        long smallest = (long) PARTITIONS * (PARTITIONS + 1) / 2;
        assertEquals((long) PARTITIONS * TOP, ((Number) r.getField(0)).longValue(), "the top rows of every partition");
        assertEquals((long) ROWS * (ROWS + 1) / 2 - smallest, ((Number) r.getField(1)).longValue(),
                "the largest ids of every partition");
        assertEquals(PAYLOAD, ((Number) r.getField(2)).longValue());
        run.assertStateOutgrewTheHeap("Top-N");
    }
}
