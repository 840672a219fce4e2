package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The regular streaming join with its state in RocksDB ({@code state.backend.type: rocksdb}) emits, batch by batch,
 * exactly the rows the heap path emits, for every join type, with and without a residual condition, NULL-safe
 * keys, retractions and TTL; and its state survives a checkpoint, also restored at another parallelism.
 */
class RocksDBStreamingJoinTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "x", LogicalType.string());
    private static final RowType R = rowType("k", LogicalType.integer(), "y", LogicalType.integer());
    private static final RowType[] TYPES = {L, R};

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** One input batch of a test: its input, row kinds and values, and the processing time it arrives at. */
    private record Step(int input, RowKind[] kinds, Object[][] rows, long time) {
    }

    /** Collects emitted rows as "kind(values)" strings. */
    private static final class Collecting implements Output {
        final List<String> rows = new ArrayList<>();

        @Override
        public void emit(RowBatch b) {
            try (b) {
                for (int i = 0; i < b.rowCount(); i++) {
                    Row row = b.getRow(i);
                    rows.add(row.toString());
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
        }
    }

    private static List<Step> randomSteps(Random random, int steps, int keys, boolean uniqueRows) {
        List<List<Object[]>> held = List.of(new ArrayList<>(), new ArrayList<>());
        List<Step> out = new ArrayList<>();
        int unique = 0;
        for (int s = 0; s < steps; s++) {
            int input = random.nextInt(2);
            int rows = 1 + random.nextInt(6);
            RowKind[] kinds = new RowKind[rows];
            Object[][] values = new Object[rows][];
            List<Object[]> side = held.get(input);
            for (int i = 0; i < rows; i++) {
                if (!side.isEmpty() && random.nextInt(3) == 0) {
                    kinds[i] = random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE;
                    values[i] = side.remove(random.nextInt(side.size()));
                } else if (random.nextInt(10) == 0) {
                    kinds[i] = RowKind.DELETE; // a row never inserted: ignored
                    values[i] = new Object[] {1, input == 0 ? "never" : 1000};
                } else {
                    Object key = random.nextInt(6) == 0 ? null : random.nextInt(keys);
                    int v = uniqueRows ? ++unique : random.nextInt(4);
                    values[i] = new Object[] {key, input == 0 ? "x" + v : v};
                    kinds[i] = random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER;
                    side.add(values[i]);
                }
            }
            out.add(new Step(input, kinds, values, s * 3L));
        }
        return out;
    }

    private RowBatch changelog(RowType type, RowKind[] kinds, Object[][] rows) {
        RowBatch b = batch(allocator, type, rows);
        TinyIntVector k = new TinyIntVector("$row_kind", allocator);
        k.allocateNew(rows.length);
        for (int i = 0; i < rows.length; i++) {
            k.set(i, kinds[i].toByteValue());
        }
        k.setValueCount(rows.length);
        b.setRowKinds(k);
        return b;
    }

    private static Configuration config(String backend, int batchSize, Duration ttl) {
        return new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize)
                .set(StateOptions.BACKEND_TYPE, backend).set(ExecutionOptions.STATE_TTL, ttl);
    }

    private static StreamingJoinOperator join(JoinType type, GeneratedClass<BatchPredicate> residual,
            boolean nullSafe) {
        return new StreamingJoinOperator(type, L, R, new int[] {0}, new int[] {0}, new boolean[] {nullSafe},
                residual, outputType(type, L, R));
    }

    /** Runs {@code steps} on one operator; returns per step the sorted rows it emitted. */
    private List<List<String>> run(String backend, JoinType type, GeneratedClass<BatchPredicate> residual,
            boolean nullSafe, List<Step> steps, int batchSize, Duration ttl) throws Exception {
        AtomicLong clock = new AtomicLong();
        List<List<String>> perStep = new ArrayList<>();
        Collecting out = new Collecting();
        try (StreamingJoinOperator op = join(type, residual, nullSafe)) {
            op.setClock(clock::get);
            op.open(new OperatorContext("join", allocator, config(backend, batchSize, ttl)), out);
            assertEquals(backend.equals("rocksdb"), op.stateRows(0) == -1, "state kept in the backend");
            for (Step s : steps) {
                clock.set(s.time);
                op.processBatch(s.input, changelog(TYPES[s.input], s.kinds, s.rows));
                List<String> emitted = new ArrayList<>(out.rows);
                Collections.sort(emitted);
                perStep.add(emitted);
                out.rows.clear();
            }
        }
        return perStep;
    }

    @Test
    void emitsWhatTheHeapPathEmitsBatchByBatch() throws Exception {
        for (JoinType type : JoinType.values()) {
            for (boolean withResidual : new boolean[] {false, true}) {
                for (boolean nullSafe : new boolean[] {false, true}) {
                    for (int seed = 0; seed < 4; seed++) {
                        GeneratedClass<BatchPredicate> residual =
                                withResidual ? IntComparePredicate.lessThan(0, 3) : null;
                        Random random = new Random(seed * 31L + type.ordinal());
                        List<Step> steps = randomSteps(random, 60, 5, false);
                        int batchSize = 1 + random.nextInt(8);
                        String what = type + " residual=" + withResidual + " nullSafe=" + nullSafe + " seed=" + seed;
                        assertEquals(run("hashmap", type, residual, nullSafe, steps, batchSize, Duration.ZERO),
                                run("rocksdb", type, residual, nullSafe, steps, batchSize, Duration.ZERO), what);
                    }
                }
            }
        }
    }

    @Test
    void expiresRowsAsTheHeapPathDoes() throws Exception {
        for (JoinType type : JoinType.values()) {
            for (int seed = 0; seed < 3; seed++) {
                List<Step> steps = randomSteps(new Random(seed + 7L * type.ordinal()), 80, 4, true);
                Duration ttl = Duration.ofMillis(20); // steps are 3 ms apart: rows live about 7 steps
                assertEquals(run("hashmap", type, null, false, steps, 4, ttl),
                        run("rocksdb", type, null, false, steps, 4, ttl), type + " seed=" + seed);
            }
        }
    }

    /** Feeds {@code steps} to instances routed by the exchange's hash of the key column. */
    private void feedRouted(List<StreamingJoinOperator> ops, List<Step> steps) throws Exception {
        int p = ops.size();
        for (Step s : steps) {
            List<List<Integer>> perTarget = new ArrayList<>();
            for (int t = 0; t < p; t++) {
                perTarget.add(new ArrayList<>());
            }
            try (RowBatch all = batch(allocator, TYPES[s.input], s.rows)) {
                FieldVector[] key = {all.vector(0)};
                for (int r = 0; r < s.rows.length; r++) {
                    perTarget.get(KeyOwnership.hashTarget(KeyOwnership.keyHash(key, r), p)).add(r);
                }
            }
            for (int t = 0; t < p; t++) {
                List<Integer> rows = perTarget.get(t);
                if (rows.isEmpty()) {
                    continue;
                }
                RowKind[] kinds = new RowKind[rows.size()];
                Object[][] values = new Object[rows.size()][];
                for (int i = 0; i < rows.size(); i++) {
                    kinds[i] = s.kinds[rows.get(i)];
                    values[i] = s.rows[rows.get(i)];
                }
                ops.get(t).processBatch(s.input, changelog(TYPES[s.input], kinds, values));
            }
        }
    }

    private List<StreamingJoinOperator> instances(JoinType type, int p, Output out) throws Exception {
        List<StreamingJoinOperator> ops = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            StreamingJoinOperator op = join(type, null, false);
            op.open(new OperatorContext("join", allocator, config("rocksdb", 4, Duration.ZERO),
                    OperatorMetrics.detached("join"), i, p), out);
            assertEquals(-1, op.stateRows(0), "state kept in the backend");
            ops.add(op);
        }
        return ops;
    }

    private static byte[] snapshot(StreamingJoinOperator op) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter w = new StateWriter(bytes);
        op.snapshotState(w);
        w.flush();
        return bytes.toByteArray();
    }

    private static void closeAll(List<StreamingJoinOperator> ops) throws Exception {
        for (StreamingJoinOperator op : ops) {
            op.close();
        }
    }

    @Test
    void restoresAtAnotherParallelismWithEveryKeyOnTheInstanceItIsRoutedTo() throws Exception {
        for (JoinType type : new JoinType[] {JoinType.INNER, JoinType.LEFT, JoinType.FULL, JoinType.ANTI}) {
            for (int[] scale : new int[][] {{2, 3}, {3, 1}, {1, 2}}) {
                List<Step> steps = randomSteps(new Random(type.ordinal() * 5L + scale[1]), 120, 17, false);
                List<String> expected = new ArrayList<>();
                for (List<String> s : run("hashmap", type, null, false, steps, 4, Duration.ZERO)) {
                    expected.addAll(s);
                }
                Collections.sort(expected);

                Collecting out = new Collecting();
                List<StreamingJoinOperator> before = instances(type, scale[0], out);
                feedRouted(before, steps.subList(0, 60));
                List<byte[]> snapshots = new ArrayList<>();
                for (StreamingJoinOperator op : before) {
                    snapshots.add(snapshot(op));
                }
                closeAll(before);
                List<StreamingJoinOperator> after = instances(type, scale[1], out);
                for (int i = 0; i < scale[1]; i++) {
                    KeyOwnership owned = scale[1] == 1 ? KeyOwnership.all(new int[][] {{0}, {0}})
                            : KeyOwnership.hash(i, scale[1], new int[][] {{0}, {0}});
                    after.get(i).restoreRescaled(readers(snapshots), owned);
                }
                feedRouted(after, steps.subList(60, steps.size()));
                closeAll(after);
                List<String> actual = new ArrayList<>(out.rows);
                Collections.sort(actual);
                assertEquals(expected, actual, type + " " + scale[0] + " -> " + scale[1]);
            }
        }
    }

    private static List<StateReader> readers(List<byte[]> snapshots) {
        List<StateReader> readers = new ArrayList<>();
        for (byte[] b : snapshots) {
            readers.add(new StateReader(new ByteArrayInputStream(b)));
        }
        return readers;
    }

    @Test
    void aCheckpointRestoresTheJoinWhereItStopped() throws Exception {
        for (JoinType type : JoinType.values()) {
            List<Step> steps = randomSteps(new Random(type.ordinal()), 100, 7, false);
            List<String> expected = new ArrayList<>();
            for (List<String> s : run("hashmap", type, null, false, steps, 4, Duration.ZERO)) {
                expected.addAll(s);
            }
            Collections.sort(expected);
            Collecting out = new Collecting();
            List<StreamingJoinOperator> first = instances(type, 1, out);
            feedRouted(first, steps.subList(0, 50));
            byte[] state = snapshot(first.get(0));
            closeAll(first);
            List<StreamingJoinOperator> second = instances(type, 1, out);
            second.get(0).restoreState(new StateReader(new ByteArrayInputStream(state)));
            feedRouted(second, steps.subList(50, steps.size()));
            closeAll(second);
            List<String> actual = new ArrayList<>(out.rows);
            Collections.sort(actual);
            assertEquals(expected, actual, type.toString());
        }
    }

    @Test
    void aHeapSnapshotIsNotReadAsBackendState() throws Exception {
        Collecting out = new Collecting();
        byte[] heapState;
        try (StreamingJoinOperator heap = join(JoinType.INNER, null, false)) {
            heap.open(new OperatorContext("join", allocator, config("hashmap", 4, Duration.ZERO)), out);
            heap.processBatch(0, changelog(L, new RowKind[] {RowKind.INSERT}, new Object[][] {{1, "a"}}));
            heapState = snapshot(heap);
        }
        List<StreamingJoinOperator> rocks = instances(JoinType.INNER, 1, out);
        try {
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                    () -> rocks.get(0).restoreState(new StateReader(new ByteArrayInputStream(heapState))));
            assertTrue(e.getMessage().contains("state.backend.type"), e.getMessage());
        } finally {
            closeAll(rocks);
        }
    }
}
