package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
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

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** A batch ({@code rows}), or a watermark when {@code rows} is null. */
    private record Step(Object[][] rows, long watermark) {
    }

    private static final class Collecting implements Output {
        final List<String> rows = new ArrayList<>();

        @Override
        public void emit(RowBatch b) {
            try (b) {
                for (int i = 0; i < b.rowCount(); i++) {
                    rows.add(b.getRow(i).toString());
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            rows.add("watermark " + watermark);
        }
    }

    private static LocalDateTime ts(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    /** Rows of tumbling windows around the watermark (some late), watermarks advancing now and then. */
    private static List<Step> randomSteps(Random r, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 10_000;
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(4) == 0) {
                watermark += r.nextInt(30);
                out.add(new Step(null, watermark));
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
            out.add(new Step(rows, 0));
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
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 4)
                .set(StateOptions.BACKEND_TYPE, backend);
        op.open(new OperatorContext("window-rank", allocator, config, OperatorMetrics.detached("window-rank"),
                subtask, parallelism), out);
        return op;
    }

    private static long backendBytes(StreamOperator op) {
        return op instanceof WindowRankOperator r ? r.backendStateBytes()
                : ((WindowDeduplicateOperator) op).backendStateBytes();
    }

    private void feed(StreamOperator op, Step s, Output out) throws Exception {
        if (s.rows == null) {
            op.processWatermark(0, s.watermark, out);
        } else if (s.rows.length > 0) {
            op.processBatch(0, TestBatches.batch(allocator, IN, s.rows));
        }
    }

    private static List<String> drain(Collecting out) {
        List<String> rows = new ArrayList<>(out.rows);
        out.rows.clear();
        Collections.sort(rows);
        return rows;
    }

    private List<List<String>> run(String backend, int variant, List<Step> steps) throws Exception {
        List<List<String>> perStep = new ArrayList<>();
        Collecting out = new Collecting();
        try (StreamOperator op = open(backend, variant, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), backendBytes(op) >= 0, "state kept in the backend");
            for (Step s : steps) {
                feed(op, s, out);
                perStep.add(drain(out));
            }
            op.endInput(0);
            perStep.add(drain(out));
        }
        return perStep;
    }

    private static void assertSameSteps(List<List<String>> expected, List<List<String>> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": steps");
        for (int s = 0; s < expected.size(); s++) {
            assertEquals(expected.get(s), actual.get(s), what + ": step " + s);
        }
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchWatermarkAndEndOfInput() throws Exception {
        for (int variant = 0; variant < VARIANTS.size(); variant++) {
            for (int keys : new int[] {3, 30}) {
                List<Step> steps = randomSteps(new Random(variant * 10L + keys), 200, keys);
                String what = "variant " + variant + " keys=" + keys;
                List<List<String>> heap = run("hashmap", variant, steps);
                long rows = heap.stream().flatMap(List::stream).filter(r -> !r.startsWith("watermark")).count();
                assertTrue(rows > 10, what + ": " + rows + " rows");
                assertSameSteps(heap, run("rocksdb", variant, steps), what);
            }
        }
    }

    private static byte[] snapshot(StreamOperator op) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter w = new StateWriter(bytes);
        ((RescalableOperator) op).snapshotState(w);
        w.flush();
        return bytes.toByteArray();
    }

    private static List<StateReader> readers(List<byte[]> snapshots) {
        List<StateReader> readers = new ArrayList<>();
        for (byte[] b : snapshots) {
            readers.add(new StateReader(new ByteArrayInputStream(b)));
        }
        return readers;
    }

    /** Feeds each row to the instance its key (column k) is routed to; watermarks go to every instance. */
    private void feedRouted(List<StreamOperator> ops, List<Step> steps, Output out) throws Exception {
        int p = ops.size();
        for (Step s : steps) {
            if (s.rows == null) {
                for (StreamOperator op : ops) {
                    feed(op, s, out);
                }
                continue;
            }
            List<List<Object[]>> perTarget = new ArrayList<>();
            for (int t = 0; t < p; t++) {
                perTarget.add(new ArrayList<>());
            }
            try (RowBatch all = TestBatches.batch(allocator, IN, s.rows)) {
                FieldVector[] key = {all.vector(0)};
                for (int r = 0; r < s.rows.length; r++) {
                    perTarget.get(KeyOwnership.hashTarget(KeyOwnership.keyHash(key, r), p)).add(s.rows[r]);
                }
            }
            for (int t = 0; t < p; t++) {
                feed(ops.get(t), new Step(perTarget.get(t).toArray(new Object[0][]), 0), out);
            }
        }
    }

    private static List<String> withoutWatermarks(List<String> rows) {
        List<String> kept = new ArrayList<>(rows);
        kept.removeIf(r -> r.startsWith("watermark"));
        Collections.sort(kept);
        return kept;
    }

    @Test
    void restoresAtAnotherParallelismWithEveryKeyOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : new int[][] {{1, 1}, {2, 1}, {1, 2}, {2, 3}}) {
            for (int variant : new int[] {0, 1, 3, 4}) { // partitioned by k: routed by k
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1] + variant), 200, 17);
                List<String> expected = new ArrayList<>();
                for (List<String> s : run("hashmap", variant, steps)) {
                    expected.addAll(s);
                }
                expected = withoutWatermarks(expected);
                Collecting out = new Collecting();
                List<StreamOperator> before = new ArrayList<>();
                for (int i = 0; i < scale[0]; i++) {
                    before.add(open("rocksdb", variant, i, scale[0], out));
                }
                feedRouted(before, steps.subList(0, 100), out);
                List<byte[]> snapshots = new ArrayList<>();
                for (StreamOperator op : before) {
                    snapshots.add(snapshot(op));
                    op.close();
                }
                List<StreamOperator> after = new ArrayList<>();
                for (int i = 0; i < scale[1]; i++) {
                    StreamOperator op = open("rocksdb", variant, i, scale[1], out);
                    if (scale[0] == 1 && scale[1] == 1) {
                        ((RescalableOperator) op).restoreState(readers(snapshots).get(0));
                    } else {
                        ((RescalableOperator) op).restoreRescaled(readers(snapshots), scale[1] == 1
                                ? KeyOwnership.all(new int[][] {{0}}) : KeyOwnership.hash(i, scale[1],
                                        new int[][] {{0}}));
                    }
                    after.add(op);
                }
                feedRouted(after, steps.subList(100, steps.size()), out);
                for (StreamOperator op : after) {
                    op.endInput(0);
                    op.close();
                }
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
                        feed(op, s, out);
                    }
                    state = snapshot(op);
                }
                try (StreamOperator op = open(kinds[1], variant, 0, 1, out)) {
                    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                            () -> ((RescalableOperator) op).restoreState(readers(List.of(state)).get(0)));
                    assertTrue(e.getMessage().contains("state.backend.type"), e.getMessage());
                }
            }
        }
    }
}
