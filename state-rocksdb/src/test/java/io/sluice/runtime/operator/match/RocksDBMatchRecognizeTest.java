package io.sluice.runtime.operator.match;

import static io.sluice.runtime.operator.KeyedOperatorTestSupport.SCALES;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.allRowsWithoutWatermarks;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.assertRestoreRefused;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.assertSameSteps;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.context;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.endAndClose;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.openInstances;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.rowCount;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.snapshot;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.snapshotAndRestore;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.ts;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.withoutWatermarks;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Collecting;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Opener;
import io.sluice.runtime.operator.OperatorSteps.Feeder;
import io.sluice.runtime.operator.OperatorSteps.Step;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MATCH_RECOGNIZE with its partitions in RocksDB ({@code state.backend.type: rocksdb}) emits, after every batch,
 * watermark, clock tick and end of input, the matches the heap path emits, over random inputs with late rows and NULL
 * times, ordered by event time with and without a WITHIN bound and by processing time with one; its state survives a
 * checkpoint, also restored at another parallelism. The pattern is {@code PARTITION BY k ORDER BY t PATTERN (A B*? C)}
 * with A and C {@code p < 3}, B {@code p >= 3}, measures {@code FIRST(A.t), LAST(C.t), COUNT(B.p)}.
 */
class RocksDBMatchRecognizeTest {
    private static final RowType IN = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "p", LogicalType.bigint());
    private static final RowType NAV = rowType("p", LogicalType.bigint());
    private static final RowType OUT = rowType("k", LogicalType.integer(), "first_a", LogicalType.timestamp(3),
            "last_c", LogicalType.timestamp(3), "b_count", LogicalType.bigint());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(r.nextInt(8) == 0 ? 300 : 40);
                out.add(Step.watermark(watermark));
                continue;
            }
            int n = 1 + r.nextInt(7);
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) {
                long time = watermark - 30 + r.nextInt(r.nextInt(10) == 0 ? 400 : 120);
                rows[i] = new Object[] {r.nextInt(12) == 0 ? null : r.nextInt(keys),
                    r.nextInt(20) == 0 ? null : ts(time), r.nextInt(15) == 0 ? null : (long) r.nextInt(6)};
            }
            out.add(Step.rows(rows));
        }
        return out;
    }

    private static DefineCondition condition(int element, Class<? extends BatchPredicate> kernel) {
        return new DefineCondition(List.of(new Navigation(Navigation.Kind.PREV, element, 2, 0, LogicalType.bigint())),
                NAV, new GeneratedClass<>(kernel.getSimpleName(), "", kernel, new Object[0]));
    }

    private static MatchRecognizeOperator operator(long within, boolean rowtime, LongSupplier clock) {
        List<Navigation> measures = List.of(
                new Navigation(Navigation.Kind.LAST, -1, 0, 0, LogicalType.integer()),
                new Navigation(Navigation.Kind.FIRST, 0, 1, 0, LogicalType.timestamp(3)),
                new Navigation(Navigation.Kind.LAST, 2, 1, 0, LogicalType.timestamp(3)),
                new Navigation(Navigation.Kind.COUNT, 1, 2, 0, LogicalType.bigint()));
        MatchSpec spec = new MatchSpec(IN, new int[] {0}, 1, rowtime, new int[0], new boolean[0],
                List.of(new PatternElement("A", 1, 1, true), new PatternElement("B", 0, -1, false),
                        new PatternElement("C", 1, 1, true)),
                AfterMatchSkip.pastLastRow(), within, null, IN,
                List.of(condition(0, MatchRecognizeOperatorTest.Small.class),
                        condition(1, MatchRecognizeOperatorTest.Big.class),
                        condition(2, MatchRecognizeOperatorTest.Small.class)),
                measures, OUT, new GeneratedClass<>("Identity", "", MatchRecognizeOperatorTest.Identity.class,
                        new Object[0]), OUT, List.of());
        return new MatchRecognizeOperator(spec, clock);
    }

    /** A run's settings: WITHIN bound, event or processing time, and the clock for the latter. */
    private record Mode(long within, boolean rowtime) {
    }

    private static final List<Mode> MODES = List.of(new Mode(0, true), new Mode(60, true), new Mode(80, false));

    private MatchRecognizeOperator open(String backend, Mode mode, long[] clock, int subtask, int parallelism,
            Output out) {
        MatchRecognizeOperator op = operator(mode.within, mode.rowtime, () -> clock[0]);
        op.open(context("match", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }

    /** Feeds steps: a step without rows is a watermark (event time) or a clock tick (processing time). */
    private Feeder feeder(Mode mode, long[] clock) {
        return new Feeder(allocator, IN).onWatermark((op, time, out) -> {
            if (mode.rowtime) {
                op.processWatermark(0, time, out);
            } else {
                clock[0] = Math.max(clock[0], time);
                ((MatchRecognizeOperator) op).onProcessingTime(clock[0], out);
            }
        });
    }

    private List<List<String>> run(String backend, Mode mode, List<Step> steps) throws Exception {
        Collecting out = new Collecting();
        long[] clock = {0};
        try (MatchRecognizeOperator op = open(backend, mode, clock, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            return feeder(mode, clock).run(op, steps, out, 1);
        }
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryStepAndEndOfInput() throws Exception {
        int seed = 0;
        for (Mode mode : MODES) {
            for (int keys : new int[] {2, 25}) {
                seed++;
                List<Step> steps = randomSteps(new Random(seed), 300, keys);
                String what = mode + " keys=" + keys;
                List<List<String>> heap = run("hashmap", mode, steps);
                assertTrue(rowCount(heap) > 20, what + ": " + rowCount(heap) + " matches");
                assertSameSteps(heap, run("rocksdb", mode, steps), what);
            }
        }
    }

    @Test
    void dropsAndCountsLateRowsAsTheHeapPathDoes() throws Exception {
        List<Step> steps = randomSteps(new Random(77), 150, 5);
        long[] late = new long[2];
        int i = 0;
        for (String backend : new String[] {"hashmap", "rocksdb"}) {
            Collecting out = new Collecting();
            long[] clock = {0};
            try (MatchRecognizeOperator op = open(backend, MODES.get(0), clock, 0, 1, out)) {
                for (Step s : steps) {
                    feeder(MODES.get(0), clock).feed(op, s, out);
                }
                late[i++] = op.lateRowsDropped();
            }
        }
        assertTrue(late[0] > 0, "some rows are late");
        assertEquals(late[0], late[1]);
    }

    @Test
    void restoresAtAnotherParallelismWithEveryPartitionOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : SCALES) {
            for (Mode mode : MODES.subList(1, MODES.size())) { // event time with WITHIN, processing time
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 200, 17);
                List<String> expected = allRowsWithoutWatermarks(run("hashmap", mode, steps));
                Collecting out = new Collecting();
                long[] clock = {0};
                Opener<MatchRecognizeOperator> opener = (i, p) -> open("rocksdb", mode, clock, i, p, out);
                List<MatchRecognizeOperator> before = openInstances(scale[0], opener);
                feeder(mode, clock).feedRouted(before, steps.subList(0, 100), out);
                List<MatchRecognizeOperator> after = snapshotAndRestore(before, scale[1], opener, new int[][] {{0}});
                feeder(mode, clock).feedRouted(after, steps.subList(100, steps.size()), out);
                endAndClose(after, 1);
                String what = scale[0] + " -> " + scale[1] + " " + mode;
                assertTrue(expected.size() > 20, what + ": enough matches");
                assertEquals(expected, withoutWatermarks(out.rows), what);
            }
        }
    }

    @Test
    void aSnapshotOfOneKindOfStateDoesNotRestoreUnderTheOther() throws Exception {
        List<Step> steps = randomSteps(new Random(3), 20, 3);
        for (String[] kinds : new String[][] {{"hashmap", "rocksdb"}, {"rocksdb", "hashmap"}}) {
            Collecting out = new Collecting();
            long[] clock = {0};
            byte[] state;
            try (MatchRecognizeOperator op = open(kinds[0], MODES.get(0), clock, 0, 1, out)) {
                for (Step s : steps) {
                    feeder(MODES.get(0), clock).feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (MatchRecognizeOperator op = open(kinds[1], MODES.get(0), clock, 0, 1, out)) {
                assertRestoreRefused(op, state);
            }
        }
    }
}
