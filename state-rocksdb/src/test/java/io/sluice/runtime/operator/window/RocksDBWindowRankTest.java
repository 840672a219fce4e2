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
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Window Top-N and window deduplication with their rows in RocksDB ({@code state.backend.type: rocksdb}) emit, after
 * every batch, watermark and end of input, the rows the heap path emits, over random inputs with late rows, NULL
 * keys and equal values, for several rank ranges, with and without rank numbers and partition keys, keeping the first
 * or the last row; their state survives a checkpoint, also restored at another parallelism.
 */
class RocksDBWindowRankTest {
    /** k, v, s, ts, then the window table function's window_start and window_end (TUMBLE of 50 ms). */
    private static final RowType IN = rowType("k", LogicalType.integer(), "v", LogicalType.integer(),
            "s", LogicalType.string(), "ts", LogicalType.timestamp(3), "window_start", LogicalType.timestamp(3),
            "window_end", LogicalType.timestamp(3));
    private static final int WE = 5;
    private static final long SIZE = 50;

    private final RootAllocator allocator = new RootAllocator();
    private final Feeder feeder = new Feeder(allocator, IN);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Rows of tumbling windows around the watermark (some late), watermarks advancing now and then. */
    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(30);
                out.add(Step.watermark(watermark));
                continue;
            }
            int n = 1 + r.nextInt(7);
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) {
                long time = watermark - 20 + r.nextInt(120);
                long start = Math.floorDiv(time, SIZE) * SIZE;
                rows[i] = new Object[] {r.nextInt(10) == 0 ? null : r.nextInt(keys),
                    r.nextInt(8) == 0 ? null : r.nextInt(6), "s" + r.nextInt(4), ts(time / 3 * 3), ts(start),
                    ts(start + SIZE)};
            }
            out.add(Step.rows(rows));
        }
        return out;
    }

    private static RowType withRank(boolean rankNumber) {
        if (!rankNumber) {
            return IN;
        }
        List<Object> namesAndTypes = new ArrayList<>();
        for (int c = 0; c < IN.size(); c++) {
            namesAndTypes.add(IN.name(c));
            namesAndTypes.add(IN.type(c));
        }
        namesAndTypes.add("rn");
        namesAndTypes.add(LogicalType.bigint());
        return rowType(namesAndTypes.toArray());
    }

    /** The operators under test: builds one (variant {@code v}) per call. */
    private static final List<IntFunction<StreamOperator>> VARIANTS = List.of(
            v -> new WindowRankOperator(IN, new int[] {4, 5, 0}, new SortKey[] {SortKey.desc(1), SortKey.asc(2)},
                    1, 3, true, WE, withRank(true)),
            v -> new WindowRankOperator(IN, new int[] {4, 5, 0}, new SortKey[] {SortKey.asc(3)}, 2, 4, false, WE,
                    withRank(false)),
            v -> new WindowRankOperator(IN, new int[] {4, 5}, new SortKey[] {SortKey.asc(1)}, 1, 5, true, WE,
                    withRank(true)),
            v -> new WindowDeduplicateOperator(IN, new int[] {0}, 3, true, true, WE, withRank(true)),
            v -> new WindowDeduplicateOperator(IN, new int[] {0}, 3, false, false, WE, withRank(false)),
            v -> new WindowDeduplicateOperator(IN, new int[] {0, 2}, 3, true, false, WE, withRank(false)),
            v -> new WindowDeduplicateOperator(IN, new int[0], 3, false, true, WE, withRank(true)));

    private StreamOperator open(String backend, int variant, int subtask, int parallelism, Output out)
            throws Exception {
        StreamOperator op = VARIANTS.get(variant).apply(variant);
        op.open(context("window-rank", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }

    private static long backendBytes(StreamOperator op) {
        return op instanceof WindowRankOperator r ? r.backendStateBytes()
                : ((WindowDeduplicateOperator) op).backendStateBytes();
    }

    private List<List<String>> run(String backend, int variant, List<Step> steps) throws Exception {
        Collecting out = new Collecting();
        try (StreamOperator op = open(backend, variant, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), backendBytes(op) >= 0, "state kept in the backend");
            return feeder.run(op, steps, out, 1);
        }
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchWatermarkAndEndOfInput() throws Exception {
        for (int variant = 0; variant < VARIANTS.size(); variant++) {
            for (int keys : new int[] {3, 30}) {
                List<Step> steps = randomSteps(new Random(variant * 10L + keys), 200, keys);
                String what = "variant " + variant + " keys=" + keys;
                List<List<String>> heap = run("hashmap", variant, steps);
                long rows = rowCount(heap);
                assertTrue(rows > 10, what + ": " + rows + " rows");
                assertSameSteps(heap, run("rocksdb", variant, steps), what);
            }
        }
    }

    @Test
    void restoresAtAnotherParallelismWithEveryKeyOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : SCALES) {
            for (int variant : new int[] {0, 1, 3, 4}) { // partitioned by k: routed by k
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1] + variant), 200, 17);
                List<String> expected = allRowsWithoutWatermarks(run("hashmap", variant, steps));
                Collecting out = new Collecting();
                Opener<StreamOperator> opener = (i, p) -> open("rocksdb", variant, i, p, out);
                List<StreamOperator> before = openInstances(scale[0], opener);
                feeder.feedRouted(before, steps.subList(0, 100), out);
                List<StreamOperator> after = snapshotAndRestore(before, scale[1], opener, new int[][] {{0}});
                feeder.feedRouted(after, steps.subList(100, steps.size()), out);
                endAndClose(after, 1);
                String what = scale[0] + " -> " + scale[1] + " variant " + variant;
                assertTrue(expected.size() > 30, what + ": enough rows");
                assertEquals(expected, withoutWatermarks(out.rows), what);
            }
        }
    }

    @Test
    void aSnapshotOfOneKindOfStateDoesNotRestoreUnderTheOther() throws Exception {
        List<Step> steps = randomSteps(new Random(3), 20, 3);
        for (int variant : new int[] {0, 3}) {
            for (String[] kinds : new String[][] {{"hashmap", "rocksdb"}, {"rocksdb", "hashmap"}}) {
                Collecting out = new Collecting();
                byte[] state;
                try (StreamOperator op = open(kinds[0], variant, 0, 1, out)) {
                    for (Step s : steps) {
                        feeder.feed(op, s, out);
                    }
                    state = snapshot((RescalableOperator) op);
                }
                try (StreamOperator op = open(kinds[1], variant, 0, 1, out)) {
                    assertRestoreRefused((RescalableOperator) op, state);
                }
            }
        }
    }
}
