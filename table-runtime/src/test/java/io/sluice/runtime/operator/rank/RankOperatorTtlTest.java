package io.sluice.runtime.operator.rank;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.rank.ChangelogCollector.changelog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code table.exec.state.ttl} on {@link RankOperator}, driven by a fake processing-time clock. */
class RankOperatorTtlTest {
    private static final RowType SCORES = rowType("k", LogicalType.string(), "name", LogicalType.string(),
            "score", LogicalType.integer());
    private static final RowType RANKED = rowType("k", LogicalType.string(), "name", LogicalType.string(),
            "score", LogicalType.integer(), "rn", LogicalType.bigint().notNull());
    private static final SortKey[] BY_SCORE_DESC = {SortKey.desc(2)};

    private final RootAllocator allocator = new RootAllocator();
    private long time = 1_000;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private RankOperator open(long ttlMillis, boolean insertOnly, ChangelogCollector out) throws Exception {
        RankOperator op = new RankOperator(SCORES, new int[] {0}, BY_SCORE_DESC, 1, 2, true, insertOnly, RANKED);
        op.setClock(() -> time);
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 1024)
                .set(ExecutionOptions.STATE_TTL, Duration.ofMillis(ttlMillis));
        op.open(new OperatorContext("test", allocator, config), out);
        return op;
    }

    @Test
    void anExpiredPartitionStartsEmpty() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(100, true, out)) {
            op.processBatch(0, batch(allocator, SCORES, row("a", "x", 10), row("b", "p", 3)));
            time = 1_050;
            op.processBatch(0, batch(allocator, SCORES, row("a", "y", 5)));
            assertEquals(List.of("+I[a, x, 10, 1]", "+I[b, p, 3, 1]", "+I[a, y, 5, 2]"), out.take());
            time = 1_120;
            op.processBatch(0, batch(allocator, SCORES, row("a", "low", 1)));
            assertEquals(List.of(), out.take(), "a was written at 1050: alive, and 1 cannot enter its top 2");
            time = 1_150; // a (written at 1050) has expired: the row enters an empty partition
            op.processBatch(0, batch(allocator, SCORES, row("a", "low", 1)));
            assertEquals(List.of("+I[a, low, 1, 1]"), out.take());
        }
    }

    @Test
    void aRetractionForAnExpiredPartitionIsIgnored() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(100, false, out)) {
            op.processBatch(0, changelog(allocator, SCORES, row(RowKind.INSERT, "a", "x", 10)));
            time = 1_099;
            op.processBatch(0, changelog(allocator, SCORES, row(RowKind.INSERT, "a", "y", 20)));
            time = 1_198;
            op.processBatch(0, changelog(allocator, SCORES, row(RowKind.DELETE, "a", "x", 10)));
            assertEquals(List.of("+I[a, x, 10, 1]", "-U[a, x, 10, 1]", "+U[a, y, 20, 1]", "+I[a, x, 10, 2]",
                    "-D[a, x, 10, 2]"), out.take());
            time = 1_298;
            op.processBatch(0, changelog(allocator, SCORES, row(RowKind.DELETE, "a", "y", 20)));
            assertEquals(List.of(), out.take());
            assertEquals(0, op.storedRows());
        }
    }

    @Test
    void cleanupFreesTheRowsOfPartitionsNeverSeenAgain() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(100, true, out)) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                rows.add(row("p" + i, "first", i));
                rows.add(row("p" + i, "second", i + 1));
            }
            op.processBatch(0, batch(allocator, SCORES, rows.toArray(new Object[0][])));
            assertEquals(2000, op.storedRows());
            out.take();
            time += 100;
            op.processBatch(0, batch(allocator, SCORES, row("new", "n", 1)));
            assertTrue(op.storedRows() > 1 && op.storedRows() < 2000, "bounded work per batch: " + op.storedRows());
            for (int b = 0; b < 10; b++) {
                op.processBatch(0, batch(allocator, SCORES, row("new", "n", 1)));
            }
            assertEquals(2, op.storedRows());
            assertTrue(op.storedRowIds() < 2000, "compacted: " + op.storedRowIds());
            assertEquals(List.of("+I[new, n, 1, 1]", "+I[new, n, 1, 2]"), out.take());
        }
    }

    @Test
    void zeroTtlNeverExpires() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(0, true, out)) {
            op.processBatch(0, batch(allocator, SCORES, row("a", "x", 10), row("a", "y", 5)));
            time += 365L * 24 * 3600 * 1000;
            op.processBatch(0, batch(allocator, SCORES, row("a", "z", 1)));
            assertEquals(List.of("+I[a, x, 10, 1]", "+I[a, y, 5, 2]"), out.take());
            assertEquals(2, op.storedRows());
        }
    }
}
