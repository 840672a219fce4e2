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
import io.sluice.runtime.operator.join.IntComparePredicate;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.KeyOwnership;
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
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
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

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** A batch of input {@code input} ({@code rows}), or a watermark when {@code rows} is null. */
    private record Step(int input, Object[][] rows, long watermark) {
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
                out.add(new Step(0, null, watermark));
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
            out.add(new Step(r.nextInt(2), rows, 0));
        }
        return out;
    }

    private WindowJoinOperator open(String backend, JoinType type, boolean keyed, boolean residual, boolean nullSafe,
            int subtask, int parallelism, Output out) {
        WindowJoinOperator op = new WindowJoinOperator(type, L, R, keyed ? new int[] {0} : new int[0],
                keyed ? new int[] {0} : new int[0], keyed ? new boolean[] {nullSafe} : new boolean[0], 3, 3,
                residual ? IntComparePredicate.lessThan(1, 5) : null, outputType(type));
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 4)
                .set(StateOptions.BACKEND_TYPE, backend);
        op.open(new OperatorContext("window-join", allocator, config, OperatorMetrics.detached("window-join"),
                subtask, parallelism), out);
        return op;
    }

    private void feed(WindowJoinOperator op, Step s, Output out) throws Exception {
        if (s.rows == null) {
            op.processWatermark(0, s.watermark, out);
        } else if (s.rows.length > 0) {
            op.processBatch(s.input, TestBatches.batch(allocator, s.input == 0 ? L : R, s.rows));
        }
    }

    private static List<String> drain(Collecting out) {
        List<String> rows = new ArrayList<>(out.rows);
        out.rows.clear();
        Collections.sort(rows);
        return rows;
    }

    private List<List<String>> run(String backend, JoinType type, boolean keyed, boolean residual, boolean nullSafe,
            List<Step> steps) throws Exception {
        List<List<String>> perStep = new ArrayList<>();
        Collecting out = new Collecting();
        try (WindowJoinOperator op = open(backend, type, keyed, residual, nullSafe, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            for (Step s : steps) {
                feed(op, s, out);
                perStep.add(drain(out));
            }
            op.endInput(0);
            perStep.add(drain(out));
            op.endInput(1);
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
                    long rows = heap.stream().flatMap(List::stream).filter(r -> !r.startsWith("watermark")).count();
                    // an ANTI join without keys or condition keeps a left row only in windows without right rows
                    boolean fewRows = type == JoinType.ANTI && !keyed && !residual;
                    assertTrue(fewRows || rows > 10, what + ": " + rows + " rows");
                    assertSameSteps(heap, run("rocksdb", type, keyed, residual, nullSafe, steps), what);
                }
            }
        }
    }

    private static byte[] snapshot(WindowJoinOperator op) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter w = new StateWriter(bytes);
        op.snapshotState(w);
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

    /** Feeds each row to the instance its join key is routed to; watermarks go to every instance. */
    private void feedRouted(List<WindowJoinOperator> ops, List<Step> steps, Output out) throws Exception {
        int p = ops.size();
        for (Step s : steps) {
            if (s.rows == null) {
                for (WindowJoinOperator op : ops) {
                    feed(op, s, out);
                }
                continue;
            }
            List<List<Object[]>> perTarget = new ArrayList<>();
            for (int t = 0; t < p; t++) {
                perTarget.add(new ArrayList<>());
            }
            try (RowBatch all = TestBatches.batch(allocator, s.input == 0 ? L : R, s.rows)) {
                FieldVector[] key = {all.vector(0)};
                for (int r = 0; r < s.rows.length; r++) {
                    perTarget.get(KeyOwnership.hashTarget(KeyOwnership.keyHash(key, r), p)).add(s.rows[r]);
                }
            }
            for (int t = 0; t < p; t++) {
                feed(ops.get(t), new Step(s.input, perTarget.get(t).toArray(new Object[0][]), 0), out);
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
            for (JoinType type : List.of(JoinType.INNER, JoinType.FULL, JoinType.ANTI)) {
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1] + type.ordinal()), 160, 13);
                List<String> expected = new ArrayList<>();
                for (List<String> s : run("hashmap", type, true, false, false, steps)) {
                    expected.addAll(s);
                }
                expected = withoutWatermarks(expected);
                Collecting out = new Collecting();
                List<WindowJoinOperator> before = new ArrayList<>();
                for (int i = 0; i < scale[0]; i++) {
                    before.add(open("rocksdb", type, true, false, false, i, scale[0], out));
                }
                feedRouted(before, steps.subList(0, 80), out);
                List<byte[]> snapshots = new ArrayList<>();
                for (WindowJoinOperator op : before) {
                    snapshots.add(snapshot(op));
                    op.close();
                }
                List<WindowJoinOperator> after = new ArrayList<>();
                for (int i = 0; i < scale[1]; i++) {
                    WindowJoinOperator op = open("rocksdb", type, true, false, false, i, scale[1], out);
                    if (scale[0] == 1 && scale[1] == 1) {
                        op.restoreState(readers(snapshots).get(0));
                    } else {
                        op.restoreRescaled(readers(snapshots), scale[1] == 1 ? KeyOwnership.all(new int[][] {{0}, {0}})
                                : KeyOwnership.hash(i, scale[1], new int[][] {{0}, {0}}));
                    }
                    after.add(op);
                }
                feedRouted(after, steps.subList(80, steps.size()), out);
                for (WindowJoinOperator op : after) {
                    op.endInput(0);
                    op.endInput(1);
                    op.close();
                }
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
                    feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (WindowJoinOperator op = open(kinds[1], JoinType.LEFT, true, false, false, 0, 1, out)) {
                UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                        () -> op.restoreState(readers(List.of(state)).get(0)));
                assertTrue(e.getMessage().contains("state.backend.type"), e.getMessage());
            }
        }
    }
}
