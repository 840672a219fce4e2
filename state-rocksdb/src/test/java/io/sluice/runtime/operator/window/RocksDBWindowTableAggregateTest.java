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

import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Collecting;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Opener;
import io.sluice.runtime.operator.OperatorSteps.Feeder;
import io.sluice.runtime.operator.OperatorSteps.Step;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
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
    private final Feeder feeder = new Feeder(allocator, IN).routedBy(GROUP);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(r.nextInt(8) == 0 ? 400 : 60);
                out.add(Step.watermark(watermark));
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
            out.add(Step.rows(rows));
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

    private List<List<String>> run(String backend, List<Step> steps) throws Exception {
        Collecting out = new Collecting();
        try (WindowTableAggregateOperator op = open(backend, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            return feeder.run(op, steps, out, 1);
        }
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
                    feeder.feed(op, s, out);
                }
                late[i++] = op.lateRowsDropped();
            }
        }
        assertTrue(late[0] > 0, "some rows are late");
        assertEquals(late[0], late[1]);
    }

    @Test
    void restoresAtAnotherParallelismWithEveryGroupOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : SCALES) {
            List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 240, 17);
            List<String> expected = allRowsWithoutWatermarks(run("hashmap", steps));
            Collecting out = new Collecting();
            Opener<WindowTableAggregateOperator> opener = (i, p) -> open("rocksdb", i, p, out);
            List<WindowTableAggregateOperator> before = openInstances(scale[0], opener);
            feeder.feedRouted(before, steps.subList(0, 120), out);
            List<WindowTableAggregateOperator> after = snapshotAndRestore(before, scale[1], opener,
                    new int[][] {GROUP});
            feeder.feedRouted(after, steps.subList(120, steps.size()), out);
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
                    feeder.feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (WindowTableAggregateOperator op = open(kinds[1], 0, 1, out)) {
                assertRestoreRefused(op, state);
            }
        }
    }
}
