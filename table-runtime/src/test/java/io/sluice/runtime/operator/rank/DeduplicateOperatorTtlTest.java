package io.sluice.runtime.operator.rank;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code table.exec.state.ttl} on {@link DeduplicateOperator}, driven by a fake processing-time clock. */
class DeduplicateOperatorTtlTest {
    private static final RowType KV = rowType("k", LogicalType.string(), "v", LogicalType.integer());

    private final RootAllocator allocator = new RootAllocator();
    private long time = 1_000;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private DeduplicateOperator open(long ttlMillis, boolean keepLast, ChangelogCollector out) throws Exception {
        DeduplicateOperator op = new DeduplicateOperator(KV, new int[] {0}, keepLast, -1, KV);
        op.setClock(() -> time);
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 1024)
                .set(ExecutionOptions.STATE_TTL, Duration.ofMillis(ttlMillis));
        op.open(new OperatorContext("test", allocator, config), out);
        return op;
    }

    @Test
    void keepFirstEmitsAKeyAgainAfterItsStateExpired() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(100, false, out)) {
            op.processBatch(0, batch(allocator, KV, row("a", 1), row("b", 1)));
            time = 1_060;
            op.processBatch(0, batch(allocator, KV, row("a", 2), row("c", 1)));
            time = 1_100; // a and b were written at 1000 (a dropped row is no write); c at 1060
            op.processBatch(0, batch(allocator, KV, row("a", 3), row("c", 2)));
        }
        assertEquals(List.of("+I[a, 1]", "+I[b, 1]", "+I[c, 1]", "+I[a, 3]"), out.rows);
    }

    @Test
    void keepLastStartsWithInsertAfterExpiry() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(100, true, out)) {
            op.processBatch(0, batch(allocator, KV, row("a", 1)));
            time = 1_050;
            op.processBatch(0, batch(allocator, KV, row("a", 2)));
            time = 1_140;
            op.processBatch(0, batch(allocator, KV, row("a", 3)));
            time = 1_240;
            op.processBatch(0, batch(allocator, KV, row("a", 4)));
        }
        assertEquals(List.of("+I[a, 1]", "-U[a, 1]", "+U[a, 2]", "-U[a, 2]", "+U[a, 3]", "+I[a, 4]"), out.rows);
    }

    @Test
    void cleanupFreesExpiredKeys() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(100, true, out)) {
            Object[][] rows = new Object[2000][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = row("k" + i, i);
            }
            op.processBatch(0, batch(allocator, KV, rows));
            assertEquals(2000, op.storedRows());
            out.take();
            time += 100;
            op.processBatch(0, batch(allocator, KV, row("new", 1)));
            assertTrue(op.liveKeys() > 1 && op.liveKeys() < 2000, "bounded work per batch: " + op.liveKeys());
            for (int b = 0; b < 20; b++) {
                op.processBatch(0, batch(allocator, KV, row("new", 1)));
            }
            assertEquals(1, op.liveKeys());
            assertEquals(1, op.storedRows());
            assertTrue(op.storedRowIds() < 2000, "compacted: " + op.storedRowIds());
            assertEquals(List.of("+I[new, 1]"), out.take());
        }
    }

    @Test
    void zeroTtlNeverExpires() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (DeduplicateOperator op = open(0, false, out)) {
            op.processBatch(0, batch(allocator, KV, row("a", 1)));
            time += 365L * 24 * 3600 * 1000;
            op.processBatch(0, batch(allocator, KV, row("a", 2)));
            assertEquals(1, op.liveKeys());
        }
        assertEquals(List.of("+I[a, 1]"), out.rows);
    }
}
