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

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Collecting;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Opener;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window table aggregate ({@code flatAggregate} per window, here a Top2 per key of 100 ms tumbling windows) with
 * its groups in RocksDB ({@code state.backend.type: rocksdb}) emits, after every batch, watermark and end of input,
 * the rows the heap path emits, over random inputs with late rows and NULL keys; the late-row count is the same; its
 * state survives a checkpoint, also restored at another parallelism.
 */
class RocksDBWindowTableAggregateTest {
    /** key, value, window_start, window_end */
    private static final RowType IN = rowType("k", LogicalType.string(), "v", LogicalType.bigint(),
            "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3));
    private static final RowType RESULT = rowType("v", LogicalType.bigint(), "rank", LogicalType.integer());
    private static final RowType OUT = rowType("k", LogicalType.string(), "ws", LogicalType.timestamp(3),
            "we", LogicalType.timestamp(3), "v", LogicalType.bigint(), "rank", LogicalType.integer());
    private static final int[] GROUP = {0, 2, 3};
    private static final long SIZE = 100;

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** A batch ({@code rows}), or a watermark when {@code rows} is null. */
    private record Step(Object[][] rows, long watermark) {
    }

    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(r.nextInt(8) == 0 ? 400 : 60);
                out.add(new Step(null, watermark));
                continue;
            }
            int n = 1 + r.nextInt(7);
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) {
                long time = watermark - 60 + r.nextInt(r.nextInt(10) == 0 ? 1500 : 250);
                long start = Math.floorDiv(time, SIZE) * SIZE;
                rows[i] = new Object[] {r.nextInt(12) == 0 ? null : "k" + r.nextInt(keys), (long) r.nextInt(50),
                    ts(start), ts(start + SIZE)};
            }
            out.add(new Step(rows, 0));
        }
        return out;
    }

    private WindowTableAggregateOperator open(String backend, int subtask, int parallelism, Output out)
            throws Exception {
        GeneratedClass<UserAggregateInvoker> invoker = new GeneratedClass<>("Top2Invoker", "// test",
                WindowTableAggregateOperatorTest.Top2Invoker.class, new Object[0]);
        WindowTableAggregateOperator op = new WindowTableAggregateOperator(IN, GROUP, new int[] {1}, invoker, RESULT,
                OUT, 3);
        op.open(context("window-table-aggregate", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }

    private void feed(WindowTableAggregateOperator op, Step s, Output out) throws Exception {
        if (s.rows == null) {
            op.processWatermark(0, s.watermark, out);
        } else if (s.rows.length > 0) {
            op.processBatch(0, TestBatches.batch(allocator, IN, s.rows));
        }
    }

    private List<List<String>> run(String backend, List<Step> steps) throws Exception {
        List<List<String>> perStep = new ArrayList<>();
        Collecting out = new Collecting();
        try (WindowTableAggregateOperator op = open(backend, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            for (Step s : steps) {
                feed(op, s, out);
                perStep.add(out.drain());
            }
            op.endInput(0);
            perStep.add(out.drain());
        }
        return perStep;
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchWatermarkAndEndOfInput() throws Exception {
        int seed = 0;
        for (int keys : new int[] {2, 30}) {
            seed++;
            List<Step> steps = randomSteps(new Random(seed), 300, keys);
            List<List<String>> heap = run("hashmap", steps);
            assertTrue(rowCount(heap) > 50, keys + " keys: " + rowCount(heap) + " rows");
            assertSameSteps(heap, run("rocksdb", steps), keys + " keys");
        }
    }

    @Test
    void dropsAndCountsLateRowsAsTheHeapPathDoes() throws Exception {
        List<Step> steps = randomSteps(new Random(77), 150, 5);
        long[] late = new long[2];
        int i = 0;
        for (String backend : new String[] {"hashmap", "rocksdb"}) {
            Collecting out = new Collecting();
            try (WindowTableAggregateOperator op = open(backend, 0, 1, out)) {
                for (Step s : steps) {
                    feed(op, s, out);
                }
                late[i++] = op.lateRowsDropped();
            }
        }
        assertTrue(late[0] > 0, "some rows are late");
        assertEquals(late[0], late[1]);
    }

    /** Splits {@code rows} by the instance the exchange (hashing the group columns) routes them to. */
    private List<Object[][]> route(Object[][] rows, int parallelism) {
        List<List<Object[]>> perTarget = new ArrayList<>();
        for (int t = 0; t < parallelism; t++) {
            perTarget.add(new ArrayList<>());
        }
        try (RowBatch all = TestBatches.batch(allocator, IN, rows)) {
            FieldVector[] key = new FieldVector[GROUP.length];
            for (int k = 0; k < key.length; k++) {
                key[k] = all.vector(GROUP[k]);
            }
            for (int r = 0; r < rows.length; r++) {
                perTarget.get(KeyOwnership.hashTarget(KeyOwnership.keyHash(key, r), parallelism)).add(rows[r]);
            }
        }
        List<Object[][]> out = new ArrayList<>();
        for (List<Object[]> target : perTarget) {
            out.add(target.toArray(new Object[0][]));
        }
        return out;
    }

    /** Feeds each row to the instance its group is routed to; watermarks go to every instance. */
    private void feedRouted(List<WindowTableAggregateOperator> ops, List<Step> steps, Output out) throws Exception {
        for (Step s : steps) {
            if (s.rows == null) {
                for (WindowTableAggregateOperator op : ops) {
                    feed(op, s, out);
                }
                continue;
            }
            List<Object[][]> perTarget = route(s.rows, ops.size());
            for (int t = 0; t < ops.size(); t++) {
                feed(ops.get(t), new Step(perTarget.get(t), 0), out);
            }
        }
    }

    @Test
    void restoresAtAnotherParallelismWithEveryGroupOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : SCALES) {
            List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 240, 17);
            List<String> expected = allRowsWithoutWatermarks(run("hashmap", steps));
            Collecting out = new Collecting();
            Opener<WindowTableAggregateOperator> opener = (i, p) -> open("rocksdb", i, p, out);
            List<WindowTableAggregateOperator> before = openInstances(scale[0], opener);
            feedRouted(before, steps.subList(0, 120), out);
            List<WindowTableAggregateOperator> after = snapshotAndRestore(before, scale[1], opener,
                    new int[][] {GROUP});
            feedRouted(after, steps.subList(120, steps.size()), out);
            endAndClose(after, 1);
            String what = scale[0] + " -> " + scale[1];
            assertTrue(expected.size() > 50, what + ": enough rows");
            assertEquals(expected, withoutWatermarks(out.rows), what);
        }
    }

    @Test
    void aSnapshotOfOneKindOfStateDoesNotRestoreUnderTheOther() throws Exception {
        List<Step> steps = randomSteps(new Random(3), 20, 3);
        for (String[] kinds : new String[][] {{"hashmap", "rocksdb"}, {"rocksdb", "hashmap"}}) {
            Collecting out = new Collecting();
            byte[] state;
            try (WindowTableAggregateOperator op = open(kinds[0], 0, 1, out)) {
                for (Step s : steps) {
                    feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (WindowTableAggregateOperator op = open(kinds[1], 0, 1, out)) {
                assertRestoreRefused(op, state);
            }
        }
    }
}
