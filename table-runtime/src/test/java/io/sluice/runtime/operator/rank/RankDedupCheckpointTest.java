package io.sluice.runtime.operator.rank;

import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.rank.ChangelogCollector.changelog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint round trips of {@link RankOperator} and {@link DeduplicateOperator}: a seeded random
 * changelog is run once uninterrupted and once with the operator snapshotted, closed and restored into a
 * fresh one every few batches; the emitted changelogs must be equal. The TTL tests check that the last
 * write times survive a restore.
 */
class RankDedupCheckpointTest {
    private static final RowType SCORES = rowType("k", LogicalType.string(), "name", LogicalType.string(),
            "score", LogicalType.integer(), "ts", LogicalType.timestamp(3));
    private static final RowType RANKED = rowType("k", LogicalType.string(), "name", LogicalType.string(),
            "score", LogicalType.integer(), "ts", LogicalType.timestamp(3), "rn", LogicalType.bigint().notNull());

    private final RootAllocator allocator = new RootAllocator();
    private long time = 1_000;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Batches of {@code (kind, k, name, score, ts)} rows; retractions (when allowed) repeat a live row. */
    private static List<Object[][]> randomChangelog(long seed, boolean retractions, boolean nullKeys) {
        Random random = new Random(seed);
        List<Object[]> live = new ArrayList<>();
        List<Object[][]> batches = new ArrayList<>();
        for (int b = 0; b < 24; b++) {
            Object[][] batch = new Object[1 + random.nextInt(12)][];
            for (int i = 0; i < batch.length; i++) {
                if (retractions && !live.isEmpty() && random.nextInt(4) == 0) {
                    Object[] victim = live.remove(random.nextInt(live.size()));
                    Object[] r = victim.clone();
                    r[0] = random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE;
                    batch[i] = r;
                } else {
                    String key = nullKeys && random.nextInt(10) == 0 ? null : "k" + random.nextInt(5);
                    Object[] r = row(RowKind.INSERT, key, "n" + random.nextInt(1000), random.nextInt(20),
                            LocalDateTime.of(2024, 1, 1, 0, 0, random.nextInt(60)));
                    live.add(r);
                    batch[i] = r;
                }
            }
            batches.add(batch);
        }
        return batches;
    }

    private OperatorContext context(long ttlMillis) {
        return new OperatorContext("test", allocator, new Configuration().set(ExecutionOptions.BATCH_SIZE, 7)
                .set(ExecutionOptions.STATE_TTL, Duration.ofMillis(ttlMillis)));
    }

    /** Runs the batches through operators from {@code factory}, restoring into a new one every {@code every} batches. */
    private List<String> run(Supplier<StreamOperator> factory, List<Object[][]> batches, int every) throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        StreamOperator op = factory.get();
        op.open(context(0), out);
        try {
            for (int b = 0; b < batches.size(); b++) {
                op.processBatch(0, changelog(allocator, SCORES, batches.get(b)));
                if (every > 0 && b % every == every - 1) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ((CheckpointedOperator) op).snapshotState(new StateWriter(bytes));
                    op.close();
                    op = factory.get();
                    op.open(context(0), out);
                    ((CheckpointedOperator) op).restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
                }
            }
            op.endInput(0);
        } finally {
            op.close();
        }
        return out.rows;
    }

    private void assertRoundTrips(Supplier<StreamOperator> factory, List<Object[][]> batches) throws Exception {
        List<String> uninterrupted = run(factory, batches, 0);
        assertFalse(uninterrupted.isEmpty());
        for (int every : new int[] {1, 3, 5}) {
            assertEquals(uninterrupted, run(factory, batches, every), "restoring every " + every + " batches");
        }
    }

    @Test
    void topNRoundTripsInEveryMode() throws Exception {
        SortKey[] byScore = {SortKey.desc(2)};
        for (long seed = 1; seed <= 3; seed++) {
            List<Object[][]> insertOnly = randomChangelog(seed, false, true);
            List<Object[][]> updating = randomChangelog(seed, true, true);
            assertRoundTrips(() -> new RankOperator(SCORES, new int[] {0}, byScore, 1, 3, true, true, RANKED),
                    insertOnly);
            assertRoundTrips(() -> new RankOperator(SCORES, new int[] {0}, byScore, 2, 3, false, true, SCORES),
                    insertOnly);
            assertRoundTrips(() -> new RankOperator(SCORES, new int[] {0}, byScore, 1, 2, true, false, RANKED),
                    updating);
            assertRoundTrips(() -> new RankOperator(SCORES, new int[0], byScore, 1, 4, false, false, SCORES),
                    updating);
        }
    }

    @Test
    void deduplicationRoundTripsInEveryMode() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            List<Object[][]> insertOnly = randomChangelog(seed, false, true);
            List<Object[][]> updating = randomChangelog(seed, true, true);
            assertRoundTrips(() -> new DeduplicateOperator(SCORES, new int[] {0}, false, -1, SCORES), insertOnly);
            assertRoundTrips(() -> new DeduplicateOperator(SCORES, new int[] {0}, true, -1, SCORES), updating);
            assertRoundTrips(() -> new DeduplicateOperator(SCORES, new int[] {0}, false, 3, SCORES), insertOnly);
            assertRoundTrips(() -> new DeduplicateOperator(SCORES, new int[] {0, 2}, true, 3, SCORES), insertOnly);
            assertRoundTrips(() -> new DeduplicateOperator(SCORES, new int[0], true, -1, SCORES), updating);
        }
    }

    private static Object[] insert(String key, String name, int score) {
        return row(RowKind.INSERT, key, name, score, LocalDateTime.of(2024, 1, 1, 0, 0));
    }

    /** Snapshots {@code op} (with a 100 ms TTL) and restores it into {@code fresh} at {@code restoreTime}. */
    private <T extends StreamOperator & CheckpointedOperator> void restoreAt(T op, T fresh, long restoreTime,
            ChangelogCollector out) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        op.snapshotState(new StateWriter(bytes));
        op.close();
        time = restoreTime;
        fresh.open(context(100), out);
        fresh.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void topNRestoreKeepsTheLastWriteTimes() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        SortKey[] byScore = {SortKey.desc(2)};
        RankOperator op = new RankOperator(SCORES, new int[] {0}, byScore, 1, 1, false, true, SCORES);
        op.setClock(() -> time);
        op.open(context(100), out);
        op.processBatch(0, changelog(allocator, SCORES, insert("a", "x", 10)));
        time = 1_060;
        op.processBatch(0, changelog(allocator, SCORES, insert("b", "y", 10)));
        RankOperator restored = new RankOperator(SCORES, new int[] {0}, byScore, 1, 1, false, true, SCORES);
        restored.setClock(() -> time);
        restoreAt(op, restored, 1_120, out); // a (written at 1000) has expired, b (1060) has not
        try (restored) {
            restored.processBatch(0, changelog(allocator, SCORES, insert("a", "low", 1), insert("b", "low", 1)));
        }
        assertEquals(List.of("+I[a, x, 10, 2024-01-01T00:00]", "+I[b, y, 10, 2024-01-01T00:00]",
                "+I[a, low, 1, 2024-01-01T00:00]"), out.rows);
    }

    @Test
    void deduplicationRestoreKeepsTheLastWriteTimes() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        DeduplicateOperator op = new DeduplicateOperator(SCORES, new int[] {0}, false, -1, SCORES);
        op.setClock(() -> time);
        op.open(context(100), out);
        op.processBatch(0, changelog(allocator, SCORES, insert("a", "x", 1)));
        time = 1_060;
        op.processBatch(0, changelog(allocator, SCORES, insert("b", "y", 1)));
        DeduplicateOperator restored = new DeduplicateOperator(SCORES, new int[] {0}, false, -1, SCORES);
        restored.setClock(() -> time);
        restoreAt(op, restored, 1_120, out);
        try (restored) {
            restored.processBatch(0, changelog(allocator, SCORES, insert("a", "again", 2), insert("b", "again", 2)));
        }
        assertEquals(List.of("+I[a, x, 1, 2024-01-01T00:00]", "+I[b, y, 1, 2024-01-01T00:00]",
                "+I[a, again, 2, 2024-01-01T00:00]"), out.rows);
    }
}
