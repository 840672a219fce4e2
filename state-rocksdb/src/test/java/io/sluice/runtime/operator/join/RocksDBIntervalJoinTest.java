package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.KeyedOperatorTestSupport.SCALES;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.allRowsWithoutWatermarks;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.assertRestoreRefused;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.context;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.endAndClose;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.openInstances;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.rowCount;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.snapshot;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.snapshotAndRestore;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.ts;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.withoutWatermarks;
import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
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
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event-time interval join with its rows in RocksDB ({@code state.backend.type: rocksdb}) emits, after every
 * batch, watermark and end of input, the rows the heap path emits, over random inputs with late rows, NULL times and
 * keys, for inner and outer joins, several intervals, with and without a residual condition and NULL-safe keys, on
 * rowtime and on processing time; its state survives a checkpoint, also restored at another parallelism.
 */
class RocksDBIntervalJoinTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "x", LogicalType.integer());
    private static final RowType R = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "y", LogicalType.integer());
    private static final List<JoinType> TYPES = List.of(JoinType.INNER, JoinType.LEFT, JoinType.RIGHT, JoinType.FULL);
    private static final long[][] BOUNDS = {{-20, 10}, {0, 0}, {5, 40}, {-3000, 3000}};

    private final RootAllocator allocator = new RootAllocator();
    private final Feeder feeder = new Feeder(allocator, L, R);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static List<Step> randomSteps(Random r, int steps, int keys, long spread) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt((int) Math.max(2, spread / 3));
                out.add(Step.watermark(watermark));
                continue;
            }
            int n = 1 + r.nextInt(6);
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) {
                long step = Math.max(1, spread / 10); // a coarse grid of times, so that even equal times meet
                long time = (watermark - spread / 2 + r.nextInt((int) (2 * spread))) / step * step;
                rows[i] = new Object[] {r.nextInt(9) == 0 ? null : r.nextInt(keys),
                    r.nextInt(15) == 0 ? null : ts(time), r.nextInt(10) == 0 ? null : r.nextInt(20)};
            }
            out.add(Step.rows(r.nextInt(2), rows));
        }
        return out;
    }

    private IntervalJoinOperator open(String backend, JoinType type, long[] bounds, boolean residual,
            boolean nullSafe, int subtask, int parallelism, Output out) {
        GeneratedClass<BatchPredicate> condition = residual ? IntComparePredicate.lessThan(2, 5) : null;
        IntervalJoinOperator op = new IntervalJoinOperator(type, L, R, new int[] {0}, new int[] {0},
                new boolean[] {nullSafe}, 1, 1, bounds[0], bounds[1], condition, outputType(type, L, R));
        op.open(context("interval", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }

    private List<List<String>> run(String backend, JoinType type, long[] bounds, boolean residual, boolean nullSafe,
            List<Step> steps) throws Exception {
        Collecting out = new Collecting();
        try (IntervalJoinOperator op = open(backend, type, bounds, residual, nullSafe, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            return feeder.run(op, steps, out, 2);
        }
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchWatermarkAndEndOfInput() throws Exception {
        int seed = 0;
        for (JoinType type : TYPES) {
            for (long[] bounds : BOUNDS) {
                for (boolean residual : new boolean[] {false, true}) {
                    seed++;
                    boolean nullSafe = seed % 3 == 0;
                    long spread = Math.max(40, bounds[1] - bounds[0]);
                    List<Step> steps = randomSteps(new Random(seed), 120, 5, spread);
                    String what = type + " bounds=" + bounds[0] + ".." + bounds[1] + " residual=" + residual
                            + " nullSafe=" + nullSafe + " seed=" + seed;
                    List<List<String>> heap = run("hashmap", type, bounds, residual, nullSafe, steps);
                    assertTrue(rowCount(heap) > 5, what);
                    assertEquals(heap, run("rocksdb", type, bounds, residual, nullSafe, steps), what);
                }
            }
        }
    }

    /** A processing-time join: rows get their arrival time; the clock, not the watermark, ends intervals. */
    private List<List<String>> runOnProcessingTime(String backend, JoinType type, List<Step> steps) throws Exception {
        long[] clock = {10_000};
        IntervalJoinOperator op = new IntervalJoinOperator(type, L, R, new int[] {0}, new int[] {0},
                new boolean[1], 1, 1, -10, 20, null, outputType(type, L, R), () -> clock[0]);
        List<List<String>> perStep = new ArrayList<>();
        Collecting out = new Collecting();
        op.open(context("interval", allocator, backend, 4, 0, 1), out);
        try (op) {
            for (Step s : steps) {
                if (s.rows() == null) {
                    clock[0] += (s.watermark() % 7) * 3; // the step's watermark only seeds how far the clock moves
                    op.onProcessingTime(clock[0], out);
                } else {
                    clock[0] += s.rows().length % 3;
                    feeder.feed(op, s, out);
                }
                perStep.add(out.drain());
            }
            op.endInput(0);
            perStep.add(out.drain());
            op.endInput(1);
            perStep.add(out.drain());
        }
        return perStep;
    }

    @Test
    void aProcessingTimeJoinEmitsWhatTheHeapPathEmits() throws Exception {
        for (JoinType type : TYPES) {
            List<Step> steps = randomSteps(new Random(40 + type.ordinal()), 150, 4, 40);
            List<List<String>> heap = runOnProcessingTime("hashmap", type, steps);
            assertTrue(heap.stream().mapToInt(List::size).sum() > 30, type.toString());
            assertEquals(heap, runOnProcessingTime("rocksdb", type, steps), type.toString());
        }
    }

    @Test
    void restoresAtAnotherParallelismWithEveryKeyOnTheInstanceItIsRoutedTo() throws Exception {
        long[] bounds = {-20, 10};
        for (int[] scale : SCALES) {
            for (JoinType type : List.of(JoinType.INNER, JoinType.FULL)) {
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 140, 13, 40);
                List<String> expected = allRowsWithoutWatermarks(run("hashmap", type, bounds, false, false, steps));
                Collecting out = new Collecting();
                Opener<IntervalJoinOperator> opener = (i, p) -> open("rocksdb", type, bounds, false, false, i, p, out);
                List<IntervalJoinOperator> before = openInstances(scale[0], opener);
                feeder.feedRouted(before, steps.subList(0, 70), out);
                List<IntervalJoinOperator> after = snapshotAndRestore(before, scale[1], opener, new int[][] {{0}, {0}});
                feeder.feedRouted(after, steps.subList(70, steps.size()), out);
                endAndClose(after, 2);
                assertTrue(expected.size() > 50, "enough joined rows");
                assertEquals(expected, withoutWatermarks(out.rows), scale[0] + " -> " + scale[1] + " " + type);
            }
        }
    }

    @Test
    void aSnapshotOfOneKindOfStateDoesNotRestoreUnderTheOther() throws Exception {
        long[] bounds = {-20, 10};
        List<Step> steps = randomSteps(new Random(3), 20, 3, 40);
        for (String[] kinds : new String[][] {{"hashmap", "rocksdb"}, {"rocksdb", "hashmap"}}) {
            Collecting out = new Collecting();
            byte[] state;
            try (IntervalJoinOperator op = open(kinds[0], JoinType.LEFT, bounds, false, false, 0, 1, out)) {
                for (Step s : steps) {
                    feeder.feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (IntervalJoinOperator op = open(kinds[1], JoinType.LEFT, bounds, false, false, 0, 1, out)) {
                assertRestoreRefused(op, state);
            }
        }
    }
}
