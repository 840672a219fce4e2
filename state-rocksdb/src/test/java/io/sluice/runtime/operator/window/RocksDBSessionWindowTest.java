package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.KeyedOperatorTestSupport.SCALES;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.allRowsWithoutWatermarks;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.assertRestoreRefused;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.assertSameSteps;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.context;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.endAndClose;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.openInstances;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.rowCount;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.snapshotAndRestore;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.ts;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.withoutWatermarks;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.operator.KeyedOperatorTestSupport;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Collecting;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Opener;
import io.sluice.runtime.operator.OperatorSteps.Feeder;
import io.sluice.runtime.operator.OperatorSteps.Step;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.aggregate.AggregateKind;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SESSION window table function and the SESSION window aggregate with their open sessions in RocksDB
 * ({@code state.backend.type: rocksdb}) emit, after every batch, watermark and end of input, the rows the heap path
 * emits, over random inputs with late rows, NULL times and NULL keys, with and without partition keys; their state
 * survives a checkpoint, also restored at another parallelism.
 */
class RocksDBSessionWindowTest {
    private static final RowType IN = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "s", LogicalType.string(), "v", LogicalType.bigint());
    private static final RowType SESSION_ROWS = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "s", LogicalType.string(), "v", LogicalType.bigint(), "window_start", LogicalType.timestamp(3),
            "window_end", LogicalType.timestamp(3), "window_time", LogicalType.timestamp(3));
    private static final LogicalType COUNT = LogicalType.bigint().notNull();
    private static final List<AggregateSpec> AGGREGATES = List.of(
            new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1, COUNT, "c"),
            new AggregateSpec(AggregateKind.SUM, new int[] {3}, false, -1, LogicalType.bigint(), "sum_v"),
            new AggregateSpec(AggregateKind.MAX, new int[] {2}, false, -1, LogicalType.string(), "max_s"),
            new AggregateSpec(AggregateKind.COUNT, new int[] {2}, true, -1, COUNT, "distinct_s"));
    private static final RowType AGG_OUT = rowType("k", LogicalType.integer(), "window_start",
            LogicalType.timestamp(3), "window_end", LogicalType.timestamp(3), "c", COUNT, "sum_v",
            LogicalType.bigint(), "max_s", LogicalType.string(), "distinct_s", COUNT);
    private static final long GAP = 30;

    private final RootAllocator allocator = new RootAllocator();
    private final Feeder feeder = new Feeder(allocator, IN);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Rows around the watermark (some late, some far ahead), watermarks advancing now and then. */
    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(40);
                out.add(Step.watermark(watermark));
                continue;
            }
            int n = 1 + r.nextInt(7);
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) {
                long time = watermark - 40 + r.nextInt(r.nextInt(10) == 0 ? 400 : 120);
                rows[i] = new Object[] {r.nextInt(12) == 0 ? null : r.nextInt(keys),
                    r.nextInt(15) == 0 ? null : ts(time), r.nextInt(8) == 0 ? null : "s" + r.nextInt(4),
                    r.nextInt(8) == 0 ? null : (long) r.nextInt(50)};
            }
            out.add(Step.rows(rows));
        }
        return out;
    }

    /** A session table function (aggregate false) or a session aggregate (true), partitioned by k or not. */
    private StreamOperator open(String backend, boolean aggregate, boolean partitioned, int subtask, int parallelism,
            Output out) throws Exception {
        int[] partition = partitioned ? new int[] {0} : new int[0];
        StreamOperator op;
        if (aggregate) {
            op = new SessionWindowAggregateOperator(IN, 1, GAP, new int[] {0}, SESSION_ROWS, new int[] {0, 4, 5},
                    AGGREGATES, AGG_OUT);
        } else {
            op = new SessionWindowOperator(IN, 1, GAP, partition, SESSION_ROWS);
        }
        op.open(context("session", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }

    private static long backendBytes(StreamOperator op) {
        return op instanceof SessionWindowOperator s ? s.backendStateBytes()
                : ((SessionWindowAggregateOperator) op).backendStateBytes();
    }

    private List<List<String>> run(String backend, boolean aggregate, boolean partitioned, List<Step> steps)
            throws Exception {
        Collecting out = new Collecting();
        try (StreamOperator op = open(backend, aggregate, partitioned, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), backendBytes(op) >= 0, "state kept in the backend");
            return feeder.run(op, steps, out, 1);
        }
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchWatermarkAndEndOfInput() throws Exception {
        int seed = 0;
        for (boolean aggregate : new boolean[] {false, true}) {
            for (boolean partitioned : new boolean[] {true, false}) {
                if (aggregate && !partitioned) {
                    continue; // the one-operator aggregate groups by its partition keys
                }
                for (int keys : new int[] {3, 40}) {
                    seed++;
                    List<Step> steps = randomSteps(new Random(seed), 200, keys);
                    String what = "aggregate=" + aggregate + " partitioned=" + partitioned + " keys=" + keys;
                    List<List<String>> heap = run("hashmap", aggregate, partitioned, steps);
                    long rows = rowCount(heap);
                    // touching sessions merge (as in Flink), so the fewest rows here are 30 sessions
                    assertTrue(rows >= 20, what + ": " + rows + " rows");
                    assertSameSteps(heap, run("rocksdb", aggregate, partitioned, steps), what);
                }
            }
        }
    }

    /** Fails naming the rows only one side has. */
    private static void assertSameRows(List<String> expected, List<String> actual, String what) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        assertEquals(List.of(), missing, what + ": missing rows; extra rows " + extra);
        assertEquals(List.of(), extra, what + ": extra rows");
    }

    @Test
    void dropsAndCountsLateRowsAsTheHeapPathDoes() throws Exception {
        List<Step> steps = randomSteps(new Random(77), 150, 5);
        long[] late = new long[2];
        int i = 0;
        for (String backend : new String[] {"hashmap", "rocksdb"}) {
            Collecting out = new Collecting();
            try (StreamOperator op = open(backend, false, true, 0, 1, out)) {
                for (Step s : steps) {
                    feeder.feed(op, s, out);
                }
                late[i++] = ((SessionWindowOperator) op).lateRowsDropped();
            }
        }
        assertTrue(late[0] > 0, "some rows are late");
        assertEquals(late[0], late[1]);
    }

    private static byte[] snapshot(StreamOperator op) throws Exception {
        op.prepareSnapshotPreBarrier(1);
        return KeyedOperatorTestSupport.snapshot((RescalableOperator) op);
    }

    @Test
    void restoresAtAnotherParallelismWithEveryKeyOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : SCALES) {
            for (boolean aggregate : new boolean[] {false, true}) {
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 200, 17);
                List<String> expected = allRowsWithoutWatermarks(run("hashmap", aggregate, true, steps));
                Collecting out = new Collecting();
                Opener<StreamOperator> opener = (i, p) -> open("rocksdb", aggregate, true, i, p, out);
                List<StreamOperator> before = openInstances(scale[0], opener);
                feeder.feedRouted(before, steps.subList(0, 100), out);
                for (StreamOperator op : before) { // the barrier precedes each snapshot, as in snapshot(op)
                    op.prepareSnapshotPreBarrier(1);
                }
                List<StreamOperator> after = snapshotAndRestore(before, scale[1], opener, new int[][] {{0}});
                feeder.feedRouted(after, steps.subList(100, steps.size()), out);
                endAndClose(after, 1);
                String what = scale[0] + " -> " + scale[1] + " aggregate=" + aggregate;
                assertTrue(expected.size() > 50, what + ": enough rows");
                assertSameRows(expected, withoutWatermarks(out.rows), what);
            }
        }
    }

    @Test
    void aSnapshotOfOneKindOfStateDoesNotRestoreUnderTheOther() throws Exception {
        List<Step> steps = randomSteps(new Random(3), 20, 3);
        for (String[] kinds : new String[][] {{"hashmap", "rocksdb"}, {"rocksdb", "hashmap"}}) {
            Collecting out = new Collecting();
            byte[] state;
            try (StreamOperator op = open(kinds[0], true, true, 0, 1, out)) {
                for (Step s : steps) {
                    feeder.feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (StreamOperator op = open(kinds[1], true, true, 0, 1, out)) {
                assertRestoreRefused((RescalableOperator) op, state);
            }
        }
    }
}
