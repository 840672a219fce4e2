package io.sluice.runtime.operator.rank;

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
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Top-N ({@link RankOperator}) and deduplication ({@link DeduplicateOperator}) with their state in RocksDB
 * ({@code state.backend.type: rocksdb}) emit, batch by batch, exactly the changelog the heap path emits over random
 * inputs (with retractions where the operator takes them), for every rank range and output mode and every
 * deduplication mode, with partitions written back after every batch, every two partitions or rarely, and with TTL;
 * and their state survives a checkpoint, also restored at another parallelism.
 */
class RocksDBRankDeduplicateTest {
    private static final RowType IN = rowType("k", LogicalType.integer(), "s", LogicalType.string(),
            "v", LogicalType.bigint(), "ts", LogicalType.timestamp(3), "d", LogicalType.decimal(10, 2),
            "b", LogicalType.booleanType(), "x", LogicalType.doubleType());
    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 0, 0);
    /** Slots held before a write-back by default (runs also write back after every batch, or every 2 keys). */
    private static final int DEFAULT_SLOTS = io.sluice.runtime.state.KeyedSlotState.MAX_SLOTS;

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** One input batch: its row kinds and values, and the processing time it arrives at. */
    private record Step(RowKind[] kinds, Object[][] rows, long time) {
    }

    /** Makes the operator of a set-up. */
    private interface Factory {
        StreamOperator create();
    }

    /** A Top-N set-up. */
    private record Rank(int[] partition, SortKey[] order, long start, long end, boolean rankNumber,
            boolean insertOnly) implements Factory {
        @Override
        public StreamOperator create() {
            List<String> names = new ArrayList<>(IN.names());
            List<LogicalType> types = new ArrayList<>(IN.types());
            if (rankNumber) {
                names.add("rn");
                types.add(LogicalType.bigint().notNull());
            }
            return new RankOperator(IN, partition, order, start, end, rankNumber, insertOnly,
                    new RowType(names, types));
        }

        @Override
        public String toString() {
            return "rank" + Arrays.toString(partition) + Arrays.toString(order) + "[" + start + "," + end + "] rn="
                    + rankNumber + " insertOnly=" + insertOnly;
        }
    }

    /** A deduplication set-up. */
    private record Dedup(int[] keys, boolean keepLast, int rowtime) implements Factory {
        @Override
        public StreamOperator create() {
            return new DeduplicateOperator(IN, keys, keepLast, rowtime, IN);
        }

        boolean retracting() {
            return keepLast && rowtime < 0;
        }

        @Override
        public String toString() {
            return "dedup" + Arrays.toString(keys) + " keepLast=" + keepLast + " rowtime=" + rowtime;
        }
    }

    /** Collects emitted rows as "kind[values]" strings. */
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
        }
    }

    private static List<Step> randomSteps(Random random, int steps, int keys, boolean retractions) {
        List<Object[]> held = new ArrayList<>();
        List<Step> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            int rows = 1 + random.nextInt(7);
            RowKind[] kinds = new RowKind[rows];
            Object[][] values = new Object[rows][];
            for (int i = 0; i < rows; i++) {
                if (retractions && !held.isEmpty() && random.nextInt(3) == 0) {
                    kinds[i] = random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE;
                    values[i] = held.remove(random.nextInt(held.size()));
                } else if (retractions && random.nextInt(12) == 0) {
                    kinds[i] = RowKind.DELETE; // a row never inserted
                    values[i] = row(random, keys);
                } else {
                    kinds[i] = !retractions || random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER;
                    values[i] = row(random, keys);
                    held.add(values[i]);
                }
            }
            out.add(new Step(kinds, values, s * 3L));
        }
        return out;
    }

    private static Object[] row(Random r, int keys) {
        return new Object[] {r.nextInt(8) == 0 ? null : r.nextInt(keys), nullOr(r, "s" + r.nextInt(3)),
                nullOr(r, (long) r.nextInt(6)), nullOr(r, EPOCH.plusSeconds(r.nextInt(5))),
                nullOr(r, BigDecimal.valueOf(r.nextInt(1000), 2)), nullOr(r, r.nextBoolean()),
                nullOr(r, r.nextInt(50) / 4.0)};
    }

    private static Object nullOr(Random r, Object v) {
        return r.nextInt(7) == 0 ? null : v;
    }

    private static Configuration config(String backend, int batchSize, Duration ttl) {
        return new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize)
                .set(StateOptions.BACKEND_TYPE, backend).set(ExecutionOptions.STATE_TTL, ttl);
    }

    private StreamOperator open(Factory setup, Configuration config, int subtask, int parallelism, AtomicLong clock,
            int slots, Output out) throws Exception {
        StreamOperator op = setup.create();
        if (op instanceof RankOperator r) {
            r.setClock(clock::get);
            r.setWriteBackLimits(slots, slots == 0 ? 0 : Long.MAX_VALUE);
        } else {
            DeduplicateOperator d = (DeduplicateOperator) op;
            d.setClock(clock::get);
            d.setWriteBackLimits(slots, slots == 0 ? 0 : Long.MAX_VALUE);
        }
        op.open(new OperatorContext("op", allocator, config, OperatorMetrics.detached("op"), subtask, parallelism),
                out);
        return op;
    }

    private static boolean usesBackend(StreamOperator op) {
        return op instanceof RankOperator r ? r.usesBackend() : ((DeduplicateOperator) op).usesBackend();
    }

    /** Runs {@code steps} on one operator; returns per step the rows it emitted, in order. */
    private List<List<String>> run(String backend, Factory setup, List<Step> steps, int batchSize, Duration ttl,
            int slots) throws Exception {
        AtomicLong clock = new AtomicLong();
        List<List<String>> perStep = new ArrayList<>();
        Collecting out = new Collecting();
        try (StreamOperator op = open(setup, config(backend, batchSize, ttl), 0, 1, clock, slots, out)) {
            assertEquals(backend.equals("rocksdb"), usesBackend(op), "state kept in the backend");
            for (Step s : steps) {
                clock.set(s.time);
                op.processBatch(0, TestBatches.changelog(allocator, IN, s.kinds, s.rows));
                perStep.add(new ArrayList<>(out.rows));
                out.rows.clear();
            }
            op.endInput(0);
        }
        return perStep;
    }

    private static List<Rank> rankSetups() {
        List<Rank> setups = new ArrayList<>();
        SortKey[][] orders = {{SortKey.desc(2)}, {SortKey.asc(3), SortKey.desc(4)}};
        long[][] ranges = {{1, 3}, {2, 4}, {1, 1}};
        int n = 0;
        for (int[] partition : new int[][] {{0}, {0, 1}, {}}) {
            for (long[] range : ranges) {
                for (boolean insertOnly : new boolean[] {true, false}) {
                    for (boolean rankNumber : new boolean[] {true, false}) {
                        setups.add(new Rank(partition, orders[n++ % 2], range[0], range[1], rankNumber, insertOnly));
                    }
                }
            }
        }
        return setups;
    }

    private static List<Dedup> dedupSetups() {
        List<Dedup> setups = new ArrayList<>();
        for (int[] keys : new int[][] {{0}, {0, 1}, {}}) {
            for (boolean keepLast : new boolean[] {true, false}) {
                for (int rowtime : new int[] {-1, 3}) {
                    setups.add(new Dedup(keys, keepLast, rowtime));
                }
            }
        }
        return setups;
    }

    private static boolean retracting(Factory setup) {
        return setup instanceof Rank r ? !r.insertOnly : ((Dedup) setup).retracting();
    }

    private void assertSameAsHeap(Factory setup, int seed, Duration ttl) throws Exception {
        Random random = new Random(seed);
        List<Step> steps = randomSteps(random, 60, 6, retracting(setup));
        int batchSize = 1 + random.nextInt(8);
        List<List<String>> heap = run("hashmap", setup, steps, batchSize, ttl, DEFAULT_SLOTS);
        assertTrue(heap.stream().mapToInt(List::size).sum() > 0, setup + " seed=" + seed);
        for (int slots : new int[] {0, 2, DEFAULT_SLOTS}) {
            assertEquals(heap, run("rocksdb", setup, steps, batchSize, ttl, slots),
                    setup + " slots=" + slots + " seed=" + seed + " ttl=" + ttl);
        }
    }

    @Test
    void topNEmitsWhatTheHeapPathEmitsBatchByBatch() throws Exception {
        int seed = 0;
        for (Rank setup : rankSetups()) {
            for (int round = 0; round < 2; round++) {
                assertSameAsHeap(setup, seed++, Duration.ZERO);
            }
        }
    }

    @Test
    void deduplicationEmitsWhatTheHeapPathEmitsBatchByBatch() throws Exception {
        int seed = 1000;
        for (Dedup setup : dedupSetups()) {
            for (int round = 0; round < 3; round++) {
                assertSameAsHeap(setup, seed++, Duration.ZERO);
            }
        }
    }

    @Test
    void expiresStateAsTheHeapPathDoes() throws Exception {
        Duration ttl = Duration.ofMillis(20); // steps are 3 ms apart: a key not written lives about 7 steps
        int seed = 2000;
        for (Factory setup : List.of(new Rank(new int[] {0}, new SortKey[] {SortKey.desc(2)}, 1, 2, true, false),
                new Rank(new int[] {0}, new SortKey[] {SortKey.desc(2)}, 1, 3, false, true),
                new Dedup(new int[] {0}, true, -1), new Dedup(new int[] {0}, false, -1),
                new Dedup(new int[] {0}, true, 3))) {
            for (int round = 0; round < 2; round++) {
                assertSameAsHeap(setup, seed++, ttl);
            }
        }
    }

    /** Feeds {@code steps} to instances routed by the exchange's hash of column 0. */
    private void feedRouted(List<StreamOperator> ops, List<Step> steps) throws Exception {
        int p = ops.size();
        for (Step s : steps) {
            List<List<Integer>> perTarget = new ArrayList<>();
            for (int t = 0; t < p; t++) {
                perTarget.add(new ArrayList<>());
            }
            try (RowBatch all = TestBatches.batch(allocator, IN, s.rows)) {
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
                ops.get(t).processBatch(0, TestBatches.changelog(allocator, IN, kinds, values));
            }
        }
    }

    private List<StreamOperator> instances(Factory setup, int p, Output out) throws Exception {
        List<StreamOperator> ops = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            ops.add(open(setup, config("rocksdb", 4, Duration.ZERO), i, p, new AtomicLong(), 3, out));
        }
        return ops;
    }

    private static byte[] snapshot(StreamOperator op) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter w = new StateWriter(bytes);
        ((RescalableOperator) op).snapshotState(w);
        w.flush();
        return bytes.toByteArray();
    }

    private static void closeAll(List<StreamOperator> ops) throws Exception {
        for (StreamOperator op : ops) {
            op.endInput(0);
            op.close();
        }
    }

    private static List<StateReader> readers(List<byte[]> snapshots) {
        List<StateReader> readers = new ArrayList<>();
        for (byte[] b : snapshots) {
            readers.add(new StateReader(new ByteArrayInputStream(b)));
        }
        return readers;
    }

    /** The heap run's rows, sorted (instances interleave differently). */
    private List<String> expected(Factory setup, List<Step> steps) throws Exception {
        List<String> expected = new ArrayList<>();
        for (List<String> s : run("hashmap", setup, steps, 4, Duration.ZERO, DEFAULT_SLOTS)) {
            expected.addAll(s);
        }
        Collections.sort(expected);
        return expected;
    }

    private static List<Factory> keyedSetups() {
        return List.of(new Rank(new int[] {0}, new SortKey[] {SortKey.desc(2)}, 1, 3, true, false),
                new Rank(new int[] {0}, new SortKey[] {SortKey.asc(3)}, 2, 3, false, true),
                new Dedup(new int[] {0}, true, -1), new Dedup(new int[] {0}, false, -1),
                new Dedup(new int[] {0}, true, 3), new Dedup(new int[] {0}, false, 3));
    }

    @Test
    void restoresAtAnotherParallelismWithEveryKeyOnTheInstanceItIsRoutedTo() throws Exception {
        for (Factory setup : keyedSetups()) {
            for (int[] scale : new int[][] {{2, 1}, {1, 2}, {2, 3}}) {
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 120, 17, retracting(setup));
                List<String> expected = expected(setup, steps);
                Collecting out = new Collecting();
                List<StreamOperator> before = instances(setup, scale[0], out);
                feedRouted(before, steps.subList(0, 60));
                List<byte[]> snapshots = new ArrayList<>();
                for (StreamOperator op : before) {
                    snapshots.add(snapshot(op));
                }
                closeAll(before);
                List<StreamOperator> after = instances(setup, scale[1], out);
                for (int i = 0; i < scale[1]; i++) {
                    KeyOwnership owned = scale[1] == 1 ? KeyOwnership.all(new int[][] {{0}})
                            : KeyOwnership.hash(i, scale[1], new int[][] {{0}});
                    ((RescalableOperator) after.get(i)).restoreRescaled(readers(snapshots), owned);
                }
                feedRouted(after, steps.subList(60, steps.size()));
                closeAll(after);
                List<String> actual = new ArrayList<>(out.rows);
                Collections.sort(actual);
                assertEquals(expected, actual, setup + " " + scale[0] + " -> " + scale[1]);
            }
        }
    }

    @Test
    void aCheckpointRestoresWhereItStopped() throws Exception {
        List<Factory> setups = new ArrayList<>(keyedSetups());
        setups.add(new Rank(new int[0], new SortKey[] {SortKey.desc(2)}, 1, 3, true, false));
        setups.add(new Dedup(new int[0], true, 3));
        for (Factory setup : setups) {
            List<Step> steps = randomSteps(new Random(setup.toString().hashCode()), 100, 7, retracting(setup));
            List<String> expected = expected(setup, steps);
            Collecting out = new Collecting();
            List<StreamOperator> first = instances(setup, 1, out);
            feedRouted(first, steps.subList(0, 50));
            byte[] state = snapshot(first.get(0));
            closeAll(first);
            List<StreamOperator> second = instances(setup, 1, out);
            ((RescalableOperator) second.get(0)).restoreState(new StateReader(new ByteArrayInputStream(state)));
            feedRouted(second, steps.subList(50, steps.size()));
            closeAll(second);
            List<String> actual = new ArrayList<>(out.rows);
            Collections.sort(actual);
            assertEquals(expected, actual, setup.toString());
        }
    }

    @Test
    void aHeapSnapshotIsNotReadAsBackendState() throws Exception {
        for (Factory setup : List.of(keyedSetups().get(0), keyedSetups().get(2))) {
            Collecting out = new Collecting();
            byte[] heapState;
            try (StreamOperator heap = open(setup, config("hashmap", 4, Duration.ZERO), 0, 1, new AtomicLong(),
                    DEFAULT_SLOTS, out)) {
                heap.processBatch(0, TestBatches.changelog(allocator, IN, new RowKind[] {RowKind.INSERT},
                        new Object[][] {row(new Random(1), 3)}));
                heapState = snapshot(heap);
            }
            List<StreamOperator> rocks = instances(setup, 1, out);
            try {
                UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                        () -> ((RescalableOperator) rocks.get(0)).restoreState(
                                new StateReader(new ByteArrayInputStream(heapState))));
                assertTrue(e.getMessage().contains("state.backend.type"), e.getMessage());
            } finally {
                closeAll(rocks);
            }
        }
    }
}
