package io.sluice.runtime.operator.window;

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

import io.sluice.runtime.operator.KeyedOperatorTestSupport.Collecting;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Opener;
import io.sluice.runtime.operator.OperatorSteps.Feeder;
import io.sluice.runtime.operator.OperatorSteps.Step;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.join.IntComparePredicate;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window join with both sides' rows in RocksDB ({@code state.backend.type: rocksdb}) emits, after every batch,
 * watermark and end of input, the rows the heap path emits, over random inputs with late rows and NULL keys, for every
 * join type, with and without a residual condition, NULL-safe keys or keys at all; its state survives a checkpoint,
 * also restored at another parallelism.
 */
class RocksDBWindowJoinTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "x", LogicalType.integer(),
            "window_start", LogicalType.timestamp(3), "window_end", LogicalType.timestamp(3));
    private static final RowType R = rowType("k", LogicalType.integer(), "y", LogicalType.integer(),
            "window_start", LogicalType.timestamp(3), "window_end", LogicalType.timestamp(3));
    private static final long SIZE = 40;
    private static final List<JoinType> TYPES = List.of(JoinType.INNER, JoinType.LEFT, JoinType.RIGHT, JoinType.FULL,
            JoinType.SEMI, JoinType.ANTI);

    private final RootAllocator allocator = new RootAllocator();
    private final Feeder feeder = new Feeder(allocator, L, R);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static RowType outputType(JoinType type) {
        List<Object> namesAndTypes = new ArrayList<>();
        for (int c = 0; c < L.size(); c++) {
            namesAndTypes.add("l_" + L.name(c));
            namesAndTypes.add(L.type(c));
        }
        if (type.emitsPairs()) {
            for (int c = 0; c < R.size(); c++) {
                namesAndTypes.add("r_" + R.name(c));
                namesAndTypes.add(R.type(c));
            }
        }
        return rowType(namesAndTypes.toArray());
    }

    /** Rows of tumbling windows around the watermark (some late) on either side, watermarks now and then. */
    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(25);
                out.add(Step.watermark(watermark));
                continue;
            }
            int n = 1 + r.nextInt(6);
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) {
                long time = watermark - 15 + r.nextInt(90);
                long start = Math.floorDiv(time, SIZE) * SIZE;
                rows[i] = new Object[] {r.nextInt(9) == 0 ? null : r.nextInt(keys),
                    r.nextInt(10) == 0 ? null : r.nextInt(20), ts(start), ts(start + SIZE)};
            }
            out.add(Step.rows(r.nextInt(2), rows));
        }
        return out;
    }

    private WindowJoinOperator open(String backend, JoinType type, boolean keyed, boolean residual, boolean nullSafe,
            int subtask, int parallelism, Output out) {
        WindowJoinOperator op = new WindowJoinOperator(type, L, R, keyed ? new int[] {0} : new int[0],
                keyed ? new int[] {0} : new int[0], keyed ? new boolean[] {nullSafe} : new boolean[0], 3, 3,
                residual ? IntComparePredicate.lessThan(1, 5) : null, outputType(type));
        op.open(context("window-join", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }

    private List<List<String>> run(String backend, JoinType type, boolean keyed, boolean residual, boolean nullSafe,
            List<Step> steps) throws Exception {
        Collecting out = new Collecting();
        try (WindowJoinOperator op = open(backend, type, keyed, residual, nullSafe, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            return feeder.run(op, steps, out, 2);
        }
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchWatermarkAndEndOfInput() throws Exception {
        int seed = 0;
        for (JoinType type : TYPES) {
            for (boolean keyed : new boolean[] {true, false}) {
                for (boolean residual : new boolean[] {false, true}) {
                    seed++;
                    boolean nullSafe = seed % 3 == 0;
                    List<Step> steps = randomSteps(new Random(seed), 150, keyed ? 6 : 3);
                    String what = type + " keyed=" + keyed + " residual=" + residual + " nullSafe=" + nullSafe
                            + " seed=" + seed;
                    List<List<String>> heap = run("hashmap", type, keyed, residual, nullSafe, steps);
                    long rows = rowCount(heap);
                    // an ANTI join without keys or condition keeps a left row only in windows without right rows
                    boolean fewRows = type == JoinType.ANTI && !keyed && !residual;
                    assertTrue(fewRows || rows > 10, what + ": " + rows + " rows");
                    assertSameSteps(heap, run("rocksdb", type, keyed, residual, nullSafe, steps), what);
                }
            }
        }
    }

    @Test
    void restoresAtAnotherParallelismWithEveryKeyOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : SCALES) {
            for (JoinType type : List.of(JoinType.INNER, JoinType.FULL, JoinType.ANTI)) {
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1] + type.ordinal()), 160, 13);
                List<String> expected = allRowsWithoutWatermarks(run("hashmap", type, true, false, false, steps));
                Collecting out = new Collecting();
                Opener<WindowJoinOperator> opener = (i, p) -> open("rocksdb", type, true, false, false, i, p, out);
                List<WindowJoinOperator> before = openInstances(scale[0], opener);
                feeder.feedRouted(before, steps.subList(0, 80), out);
                List<WindowJoinOperator> after = snapshotAndRestore(before, scale[1], opener, new int[][] {{0}, {0}});
                feeder.feedRouted(after, steps.subList(80, steps.size()), out);
                endAndClose(after, 2);
                String what = scale[0] + " -> " + scale[1] + " " + type;
                assertTrue(expected.size() > 30, what + ": enough rows");
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
            try (WindowJoinOperator op = open(kinds[0], JoinType.LEFT, true, false, false, 0, 1, out)) {
                for (Step s : steps) {
                    feeder.feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (WindowJoinOperator op = open(kinds[1], JoinType.LEFT, true, false, false, 0, 1, out)) {
                assertRestoreRefused(op, state);
            }
        }
    }
}
