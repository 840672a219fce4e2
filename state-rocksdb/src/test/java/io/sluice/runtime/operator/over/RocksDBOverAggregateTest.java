package io.sluice.runtime.operator.over;

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
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The streaming OVER aggregate with its state in RocksDB ({@code state.backend.type: rocksdb}) emits, after every
 * batch, watermark and end of input, the rows the heap path emits, over random inputs with late rows and NULL values,
 * for ROWS and RANGE frames from UNBOUNDED PRECEDING, an offset or CURRENT ROW, on rowtime and on processing time,
 * with and without PARTITION BY; its state survives a checkpoint, also restored at another parallelism.
 */
class RocksDBOverAggregateTest {
    private static final LogicalType BIGINT = LogicalType.bigint();
    /** id, k, v, s, ts. */
    private static final RowType IN = rowType("id", LogicalType.integer(), "k", LogicalType.integer(),
            "v", LogicalType.integer(), "s", LogicalType.string(), "ts", LogicalType.timestamp(3));
    private static final List<OverFunctionSpec> FUNCTIONS = List.of(
            fn(OverFunctionKind.SUM, BIGINT, 2), fn(OverFunctionKind.COUNT, BIGINT),
            fn(OverFunctionKind.COUNT, BIGINT, 2), fn(OverFunctionKind.AVG, LogicalType.doubleType(), 2),
            fn(OverFunctionKind.MAX, LogicalType.string(), 3), fn(OverFunctionKind.MIN, LogicalType.integer(), 2),
            fn(OverFunctionKind.FIRST_VALUE, LogicalType.string(), 3),
            fn(OverFunctionKind.LAST_VALUE, LogicalType.integer(), 2));

    /** The frames: ROWS or RANGE, and the lower bound. */
    private record Frame(boolean rows, FrameBound lower) {
        @Override
        public String toString() {
            return (rows ? "ROWS " : "RANGE ") + lower;
        }
    }

    private static final List<Frame> FRAMES = List.of(new Frame(true, FrameBound.unboundedPreceding()),
            new Frame(true, FrameBound.preceding(2L)), new Frame(true, FrameBound.currentRow()),
            new Frame(false, FrameBound.unboundedPreceding()), new Frame(false, FrameBound.preceding(30L)),
            new Frame(false, FrameBound.currentRow()));

    private final RootAllocator allocator = new RootAllocator();
    private final Feeder feeder = new Feeder(allocator, IN).routedBy(1);
    /** Backend state fires in rounds of about 3 rows (else of thousands). */
    private boolean smallRounds;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static OverFunctionSpec fn(OverFunctionKind kind, LogicalType result, int... args) {
        return new OverFunctionSpec(kind, args, new Object[0], result);
    }

    /** Rows around the watermark (some late, some with equal times), watermarks advancing now and then. */
    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        int id = 0;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(25);
                out.add(Step.watermark(watermark));
                continue;
            }
            int n = 1 + r.nextInt(7);
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) {
                long time = (watermark - 10 + r.nextInt(60)) / 2 * 2; // even times: peers are common
                rows[i] = new Object[] {id++, r.nextInt(10) == 0 ? null : r.nextInt(keys),
                    r.nextInt(8) == 0 ? null : r.nextInt(50), r.nextInt(8) == 0 ? null : "s" + r.nextInt(6),
                    r.nextInt(20) == 0 ? null : ts(time)};
            }
            out.add(Step.rows(rows));
        }
        return out;
    }

    private StreamingOverAggregateOperator open(String backend, Frame frame, boolean rowtime, boolean partitioned,
            int subtask, int parallelism, Output out) {
        OverGroupSpec group = new OverGroupSpec(partitioned ? new int[] {1} : new int[0],
                new SortKey[] {SortKey.asc(4)}, frame.rows, frame.lower, FrameBound.currentRow(), FUNCTIONS);
        List<Object> namesAndTypes = new ArrayList<>();
        for (int c = 0; c < IN.size(); c++) {
            namesAndTypes.add(IN.name(c));
            namesAndTypes.add(IN.type(c));
        }
        for (int f = 0; f < FUNCTIONS.size(); f++) {
            namesAndTypes.add("f" + f);
            namesAndTypes.add(FUNCTIONS.get(f).resultType());
        }
        StreamingOverAggregateOperator op = new StreamingOverAggregateOperator(IN, group, rowtime,
                rowType(namesAndTypes.toArray()));
        if (smallRounds) {
            op.setFiringRoundRows(3);
        }
        op.open(context("over", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }

    private List<List<String>> run(String backend, Frame frame, boolean rowtime, boolean partitioned,
            List<Step> steps) throws Exception {
        Collecting out = new Collecting();
        try (StreamingOverAggregateOperator op = open(backend, frame, rowtime, partitioned, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            return feeder.run(op, steps, out, 1);
        }
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchWatermarkAndEndOfInput() throws Exception {
        int seed = 0;
        for (Frame frame : FRAMES) {
            for (boolean rowtime : new boolean[] {true, false}) {
                for (boolean partitioned : new boolean[] {true, false}) {
                    seed++;
                    List<Step> steps = randomSteps(new Random(seed), 150, 6);
                    String what = frame + " rowtime=" + rowtime + " partitioned=" + partitioned + " seed=" + seed;
                    List<List<String>> heap = run("hashmap", frame, rowtime, partitioned, steps);
                    long rows = rowCount(heap);
                    assertTrue(rows > 100, what + ": " + rows + " rows");
                    assertSameSteps(heap, run("rocksdb", frame, rowtime, partitioned, steps), what);
                    smallRounds = true;
                    assertSameSteps(heap, run("rocksdb", frame, rowtime, partitioned, steps), what + " rounds of 3");
                    smallRounds = false;
                }
            }
        }
    }

    /**
     * Runs {@code steps} on {@code scale[0]} instances, snapshots them, restores {@code scale[1]} instances and runs
     * the rest; returns every emitted row, sorted.
     */
    private List<String> runRescaled(String backend, int[] scale, Frame frame, boolean rowtime, List<Step> steps)
            throws Exception {
        Collecting out = new Collecting();
        Opener<StreamingOverAggregateOperator> opener = (i, p) -> open(backend, frame, rowtime, true, i, p, out);
        List<StreamingOverAggregateOperator> before = openInstances(scale[0], opener);
        feeder.feedRouted(before, steps.subList(0, 80), out);
        List<StreamingOverAggregateOperator> after = snapshotAndRestore(before, scale[1], opener, new int[][] {{1}});
        feeder.feedRouted(after, steps.subList(80, steps.size()), out);
        endAndClose(after, 1);
        return withoutWatermarks(out.rows);
    }

    @Test
    void restoresAtAnotherParallelismWithEveryPartitionOnTheInstanceItIsRoutedTo() throws Exception {
        int seed = 100;
        for (int[] scale : SCALES) {
            for (Frame frame : List.of(FRAMES.get(0), FRAMES.get(1), FRAMES.get(4))) {
                for (boolean rowtime : new boolean[] {true, false}) {
                    List<Step> steps = randomSteps(new Random(seed++), 160, 15);
                    String what = scale[0] + " -> " + scale[1] + " " + frame + " rowtime=" + rowtime;
                    List<String> expected = runRescaled("hashmap", scale, frame, rowtime, steps);
                    if (rowtime) {
                        // on rowtime the rows do not depend on the parallelism: an uninterrupted run gives them too
                        List<String> uninterrupted = allRowsWithoutWatermarks(run("hashmap", frame, true, true, steps));
                        assertEquals(uninterrupted, expected, what + " (heap)");
                    }
                    assertTrue(expected.size() > 100, what + ": enough rows");
                    List<String> actual = runRescaled("rocksdb", scale, frame, rowtime, steps);
                    List<String> missing = new ArrayList<>(expected);
                    actual.forEach(missing::remove);
                    assertEquals(List.of(), missing, what + ": missing rows");
                    assertEquals(expected, actual, what);
                }
            }
        }
    }

    @Test
    void aSnapshotOfOneKindOfStateDoesNotRestoreUnderTheOther() throws Exception {
        List<Step> steps = randomSteps(new Random(3), 20, 3);
        for (String[] kinds : new String[][] {{"hashmap", "rocksdb"}, {"rocksdb", "hashmap"}}) {
            Collecting out = new Collecting();
            byte[] state;
            try (StreamingOverAggregateOperator op = open(kinds[0], FRAMES.get(1), true, true, 0, 1, out)) {
                for (Step s : steps) {
                    feeder.feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (StreamingOverAggregateOperator op = open(kinds[1], FRAMES.get(1), true, true, 0, 1, out)) {
                assertRestoreRefused(op, state);
            }
        }
    }
}
