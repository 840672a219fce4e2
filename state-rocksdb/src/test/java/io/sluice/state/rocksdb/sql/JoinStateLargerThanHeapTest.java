package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.Row;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQL regular join whose state is several times the JVM's heap runs to the right result with
 * {@code state.backend.type: rocksdb}. Surefire runs this class in its own JVM with a small {@code -Xmx} (see the
 * module's pom); the test measures the RocksDB working files while the job runs and checks they outgrow the heap.
 */
class JoinStateLargerThanHeapTest {
    private static final int ROWS = 400_000;
    private static final int PAYLOAD = 500;

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void aJoinWhoseStateIsSeveralTimesTheHeapGivesTheRightCount() throws Exception {
        LargerThanHeap run = new LargerThanHeap(tmp);
        run.createPayloadTable("a", ROWS, PAYLOAD, "");
        run.createPayloadTable("b", ROWS, PAYLOAD, "");
        Row r = run.lastRow("SELECT COUNT(*), SUM(CHAR_LENGTH(a.payload) + CHAR_LENGTH(b.payload))"
                + " FROM a JOIN b ON a.id = b.id");
        assertEquals(ROWS, ((Number) r.getField(0)).longValue(), "every id joined exactly once");
        assertEquals(2L * ROWS * PAYLOAD, ((Number) r.getField(1)).longValue());
        run.assertStateOutgrewTheHeap("join");
    }
}
