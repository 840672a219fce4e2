package io.sluice.runtime.operator.join;

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
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event-time temporal join with its pending left rows and versions in RocksDB ({@code state.backend.type:
 * rocksdb}) emits, after every batch, watermark and end of input, the rows the heap path emits, over random changelog
 * inputs (updates and deletions of versions, retracting left rows) with late rows, NULL times and keys, for INNER and
 * LEFT joins with and without a residual condition; its state survives a checkpoint, also restored at another
 * parallelism.
 */
class RocksDBTemporalJoinTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "x", LogicalType.integer());
    private static final RowType R = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "y", LogicalType.integer());
    private static final byte[] LEFT_KINDS = {RowKind.INSERT.toByteValue(), RowKind.INSERT.toByteValue(),
        RowKind.INSERT.toByteValue(), RowKind.UPDATE_BEFORE.toByteValue(), RowKind.UPDATE_AFTER.toByteValue(),
        RowKind.DELETE.toByteValue()};
    private static final byte[] RIGHT_KINDS = {RowKind.INSERT.toByteValue(), RowKind.UPDATE_AFTER.toByteValue(),
        RowKind.UPDATE_AFTER.toByteValue(), RowKind.UPDATE_BEFORE.toByteValue(), RowKind.DELETE.toByteValue()};

    private final RootAllocator allocator = new RootAllocator();
    private final Feeder feeder = new Feeder(allocator, L, R);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }


    /** Rows around the watermark (some late, some far ahead, on a coarse grid of times), watermarks now and then. */
    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(r.nextInt(8) == 0 ? 400 : 60);
                out.add(Step.watermark(watermark));
                continue;
            }
            int input = r.nextInt(2);
            int n = 1 + r.nextInt(6);
            Object[][] rows = new Object[n][];
            byte[] kinds = new byte[n];
            for (int i = 0; i < n; i++) {
                long time = (watermark - 50 + r.nextInt(r.nextInt(10) == 0 ? 600 : 200)) / 10 * 10;
                rows[i] = new Object[] {r.nextInt(12) == 0 ? null : r.nextInt(keys),
                    r.nextInt(15) == 0 ? null : ts(time), r.nextInt(10) == 0 ? null : r.nextInt(20)};
                byte[] choices = input == 0 ? LEFT_KINDS : RIGHT_KINDS;
                kinds[i] = choices[r.nextInt(choices.length)];
            }
            out.add(Step.changelog(input, rows, kinds));
        }
        return out;
    }

    private TemporalJoinOperator open(String backend, JoinType type, boolean residual, int subtask, int parallelism,
            Output out) {
        GeneratedClass<BatchPredicate> condition = residual ? IntComparePredicate.lessThan(2, 5) : null;
        TemporalJoinOperator op = new TemporalJoinOperator(type, L, R, new int[] {0}, new int[] {0}, 1, 1, condition,
                outputType(type, L, R));
        op.open(context("temporal", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }


    private List<List<String>> run(String backend, JoinType type, boolean residual, List<Step> steps)
            throws Exception {
        Collecting out = new Collecting();
        try (TemporalJoinOperator op = open(backend, type, residual, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            return feeder.run(op, steps, out, 2);
        }
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchWatermarkAndEndOfInput() throws Exception {
        int seed = 0;
        for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT)) {
            for (boolean residual : new boolean[] {false, true}) {
                for (int keys : new int[] {3, 30}) {
                    seed++;
                    List<Step> steps = randomSteps(new Random(seed), 250, keys);
                    String what = type + " residual=" + residual + " keys=" + keys;
                    List<List<String>> heap = run("hashmap", type, residual, steps);
                    assertTrue(rowCount(heap) > 40, what + ": " + rowCount(heap) + " rows");
                    assertSameSteps(heap, run("rocksdb", type, residual, steps), what);
                }
            }
        }
    }


    @Test
    void restoresAtAnotherParallelismWithEveryKeyOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : SCALES) {
            for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT)) {
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 200, 17);
                List<String> expected = allRowsWithoutWatermarks(run("hashmap", type, false, steps));
                Collecting out = new Collecting();
                Opener<TemporalJoinOperator> opener = (i, p) -> open("rocksdb", type, false, i, p, out);
                List<TemporalJoinOperator> before = openInstances(scale[0], opener);
                feeder.feedRouted(before, steps.subList(0, 100), out);
                List<TemporalJoinOperator> after = snapshotAndRestore(before, scale[1], opener,
                        new int[][] {{0}, {0}});
                feeder.feedRouted(after, steps.subList(100, steps.size()), out);
                endAndClose(after, 2);
                String what = scale[0] + " -> " + scale[1] + " " + type;
                assertTrue(expected.size() > 50, what + ": enough joined rows");
                assertEquals(expected, withoutWatermarks(out.rows), what);
            }
        }
    }

    @Test
    void aSnapshotOfOneKindOfStateDoesNotRestoreUnderTheOther() throws Exception {
        List<Step> steps = randomSteps(new Random(3), 20, 3);
        for (String[] kinds : new String[][] {{"hashmap", "rocksdb"}, {"rocksdb", "hashmap"}}) {
            Collecting out = new Collecting();
            byte[] state;
            try (TemporalJoinOperator op = open(kinds[0], JoinType.LEFT, false, 0, 1, out)) {
                for (Step s : steps) {
                    feeder.feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (TemporalJoinOperator op = open(kinds[1], JoinType.LEFT, false, 0, 1, out)) {
                assertRestoreRefused(op, state);
            }
        }
    }
}
