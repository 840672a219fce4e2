package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.KeyOwnership;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The streaming group aggregate with its groups in RocksDB ({@code state.backend.type: rocksdb}) emits, batch by
 * batch, exactly the changelog the heap path emits over random inputs with retractions, for every built-in aggregate
 * kind (also DISTINCT, FILTER, MIN/MAX multisets and the insert-only MIN/MAX) and a user-defined aggregate, with
 * mini-batches, update-before elimination and TTL; and its state survives a checkpoint, also restored at another
 * parallelism.
 */
class RocksDBGroupAggregateTest {
    private static final RowType IN = rowType("k", LogicalType.integer(), "s", LogicalType.string(),
            "v", LogicalType.bigint(), "w", LogicalType.integer(), "d", LogicalType.decimal(10, 2),
            "e", LogicalType.decimal(30, 4), "x", LogicalType.doubleType(), "b", LogicalType.booleanType(),
            "f", LogicalType.booleanType());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** One input batch: its row kinds and values, and the processing time it arrives at. */
    private record Step(RowKind[] kinds, Object[][] rows, long time) {
    }

    /** One operator set-up: group fields, aggregates, mode flags. */
    private record Setup(int[] groupFields, List<AggregateSpec> aggregates, boolean insertOnly,
            MiniBatchSettings miniBatch, boolean dropUpdateBefore, int cachedGroups) {
        Setup(int[] groupFields, List<AggregateSpec> aggregates, boolean insertOnly, MiniBatchSettings miniBatch,
                boolean dropUpdateBefore) {
            this(groupFields, aggregates, insertOnly, miniBatch, dropUpdateBefore, 2);
        }

        Setup with(MiniBatchSettings m, boolean dropUb) {
            return new Setup(groupFields, aggregates, insertOnly, m, dropUb, cachedGroups);
        }

        /** Groups held in slots before they are written back to RocksDB. */
        Setup cached(int groups) {
            return new Setup(groupFields, aggregates, insertOnly, miniBatch, dropUpdateBefore, groups);
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

    private static AggregateSpec agg(AggregateKind kind, LogicalType result, int... args) {
        return new AggregateSpec(kind, args, false, -1, result, kind.name().toLowerCase());
    }

    private static AggregateSpec distinct(AggregateKind kind, LogicalType result, int filter, int... args) {
        return new AggregateSpec(kind, args, true, filter, result, kind.name().toLowerCase() + "_distinct");
    }

    /** sum(v * w) of {@link UserAggregateTest.SumInvoker}: a POJO accumulator, with retract. */
    private static AggregateSpec udaf() {
        GeneratedClass<UserAggregateInvoker> generated = new GeneratedClass<>("SumInvoker", "// test",
                UserAggregateTest.SumInvoker.class, new Object[] {false});
        return AggregateSpec.userDefined(new int[] {2, 3}, false, -1, LogicalType.bigint(), "udaf", generated);
    }

    /** Every aggregate kind the streaming aggregate supports under retraction, over the columns of {@link #IN}. */
    private static List<AggregateSpec> allKinds() {
        LogicalType count = LogicalType.bigint().notNull();
        return List.of(agg(AggregateKind.COUNT, count),
                agg(AggregateKind.COUNT, count, 2),
                agg(AggregateKind.SUM, LogicalType.bigint(), 2),
                agg(AggregateKind.SUM0, LogicalType.bigint(), 3),
                agg(AggregateKind.AVG, LogicalType.doubleType(), 6),
                agg(AggregateKind.SUM, LogicalType.decimal(38, 2), 4),
                agg(AggregateKind.SUM, LogicalType.decimal(38, 4), 5),
                agg(AggregateKind.AVG, LogicalType.decimal(38, 2), 4),
                agg(AggregateKind.MIN, LogicalType.bigint(), 2),
                agg(AggregateKind.MAX, LogicalType.string(), 1),
                agg(AggregateKind.MAX, LogicalType.decimal(10, 2), 4),
                agg(AggregateKind.BOOL_AND, LogicalType.booleanType(), 7),
                agg(AggregateKind.BOOL_OR, LogicalType.booleanType(), 7),
                distinct(AggregateKind.COUNT, count, -1, 2),
                distinct(AggregateKind.SUM, LogicalType.bigint(), 8, 2),
                distinct(AggregateKind.COUNT, count, -1, 1),
                distinct(AggregateKind.COUNT, count, -1, 1, 3),
                new AggregateSpec(AggregateKind.COUNT, new int[0], false, 8, count, "count_filtered"),
                udaf());
    }

    /** MIN/MAX only, for an insert-only input (the planner's {@link InsertOnlyMinMax}). */
    private static List<AggregateSpec> insertOnlyKinds() {
        return List.of(agg(AggregateKind.MIN, LogicalType.bigint(), 2), agg(AggregateKind.MAX, LogicalType.string(), 1),
                agg(AggregateKind.MAX, LogicalType.doubleType(), 6), agg(AggregateKind.COUNT,
                        LogicalType.bigint().notNull()), distinct(AggregateKind.COUNT, LogicalType.bigint().notNull(),
                        -1, 2));
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
        return new Object[] {r.nextInt(8) == 0 ? null : r.nextInt(keys), nullOr(r, "s" + r.nextInt(5)),
                nullOr(r, (long) r.nextInt(6)), nullOr(r, r.nextInt(4)),
                nullOr(r, BigDecimal.valueOf(r.nextInt(1000), 2)), nullOr(r, BigDecimal.valueOf(r.nextInt(100000), 4)),
                nullOr(r, r.nextInt(50) / 4.0), nullOr(r, r.nextInt(3) != 0), nullOr(r, r.nextBoolean())};
    }

    private static Object nullOr(Random r, Object v) {
        return r.nextInt(7) == 0 ? null : v;
    }

    private static Configuration config(String backend, int batchSize, Duration ttl) {
        return new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize)
                .set(StateOptions.BACKEND_TYPE, backend).set(ExecutionOptions.STATE_TTL, ttl);
    }

    private static RowType outputType(Setup setup) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int g : setup.groupFields) {
            names.add(IN.name(g));
            types.add(IN.type(g));
        }
        for (int k = 0; k < setup.aggregates.size(); k++) {
            names.add("a" + k);
            types.add(setup.aggregates.get(k).resultType());
        }
        return new RowType(names, types);
    }

    private GroupAggregateOperator open(Setup setup, Configuration config, int subtask, int parallelism,
            AtomicLong clock, Output out) {
        GroupAggregateOperator op = new GroupAggregateOperator(IN, setup.groupFields, setup.aggregates,
                outputType(setup), setup.miniBatch);
        if (setup.insertOnly) {
            op.assumeInsertOnlyInput();
        }
        if (setup.dropUpdateBefore) {
            op.dropUpdateBefore();
        }
        op.setClock(clock::get);
        op.setWriteBackLimits(setup.cachedGroups, setup.cachedGroups == 0 ? 0 : Long.MAX_VALUE);
        op.open(new OperatorContext("agg", allocator, config, OperatorMetrics.detached("agg"), subtask,
                parallelism), out);
        return op;
    }

    /** Runs {@code steps} on one operator; returns per step the rows it emitted, in order. */
    private List<List<String>> run(String backend, Setup setup, List<Step> steps, int batchSize, Duration ttl)
            throws Exception {
        AtomicLong clock = new AtomicLong();
        List<List<String>> perStep = new ArrayList<>();
        Collecting out = new Collecting();
        try (GroupAggregateOperator op = open(setup, config(backend, batchSize, ttl), 0, 1, clock, out)) {
            assertEquals(backend.equals("rocksdb"), op.liveGroups() == -1, "state kept in the backend");
            for (Step s : steps) {
                clock.set(s.time);
                op.processBatch(0, TestBatches.changelog(allocator, IN, s.kinds, s.rows));
                perStep.add(new ArrayList<>(out.rows));
                out.rows.clear();
            }
            op.endInput(0);
            perStep.add(new ArrayList<>(out.rows));
        }
        return perStep;
    }

    private static List<Setup> setups() {
        List<Setup> setups = new ArrayList<>();
        for (int[] groups : new int[][] {{0}, {0, 1}, {}}) {
            setups.add(new Setup(groups, allKinds(), false, null, false));
        }
        return setups;
    }

    @Test
    void emitsWhatTheHeapPathEmitsBatchByBatch() throws Exception {
        int seed = 0;
        for (Setup base : setups()) {
            for (Setup setup : List.of(base, base.cached(0), base.cached(GroupAggregateOperator.MAX_CACHED_GROUPS),
                    base.with(null, true), base.with(new MiniBatchSettings(1000, 5), false),
                    base.with(new MiniBatchSettings(1000, 5), false).cached(0),
                    base.with(new MiniBatchSettings(1000, 11), true))) {
                for (int round = 0; round < 3; round++, seed++) {
                    Random random = new Random(seed);
                    List<Step> steps = randomSteps(random, 70, 6, true);
                    int batchSize = 1 + random.nextInt(8);
                    String what = "groups=" + java.util.Arrays.toString(setup.groupFields) + " miniBatch="
                            + setup.miniBatch + " dropUb=" + setup.dropUpdateBefore + " cached="
                            + setup.cachedGroups + " seed=" + seed;
                    List<List<String>> heap = run("hashmap", setup, steps, batchSize, Duration.ZERO);
                    assertTrue(heap.stream().mapToInt(List::size).sum() > 20, what);
                    assertEquals(heap, run("rocksdb", setup, steps, batchSize, Duration.ZERO), what);
                }
            }
        }
    }

    @Test
    void insertOnlyMinMaxAsTheHeapPath() throws Exception {
        for (int seed = 0; seed < 4; seed++) {
            Setup setup = new Setup(new int[] {0}, insertOnlyKinds(), true,
                    seed % 2 == 0 ? null : new MiniBatchSettings(1000, 7), false);
            List<Step> steps = randomSteps(new Random(seed), 80, 9, false);
            assertEquals(run("hashmap", setup, steps, 4, Duration.ZERO),
                    run("rocksdb", setup, steps, 4, Duration.ZERO), "seed=" + seed);
        }
    }

    @Test
    void expiresGroupsAsTheHeapPathDoes() throws Exception {
        for (int seed = 0; seed < 4; seed++) {
            Setup setup = new Setup(new int[] {0}, allKinds(), false,
                    seed % 2 == 0 ? null : new MiniBatchSettings(1000, 6), false);
            List<Step> steps = randomSteps(new Random(100 + seed), 90, 5, true);
            Duration ttl = Duration.ofMillis(20); // steps are 3 ms apart: a group not written lives about 7 steps
            assertEquals(run("hashmap", setup, steps, 4, ttl), run("rocksdb", setup, steps, 4, ttl), "seed=" + seed);
        }
    }

    /** Feeds {@code steps} to instances routed by the exchange's hash of the group column. */
    private void feedRouted(List<GroupAggregateOperator> ops, List<Step> steps) throws Exception {
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

    private List<GroupAggregateOperator> instances(Setup setup, int p, Output out) {
        List<GroupAggregateOperator> ops = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            ops.add(open(setup, config("rocksdb", 4, Duration.ZERO), i, p, new AtomicLong(), out));
        }
        return ops;
    }

    private static byte[] snapshot(GroupAggregateOperator op) throws Exception {
        op.prepareSnapshotPreBarrier(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter w = new StateWriter(bytes);
        op.snapshotState(w);
        w.flush();
        return bytes.toByteArray();
    }

    private static void closeAll(List<GroupAggregateOperator> ops) throws Exception {
        for (GroupAggregateOperator op : ops) {
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
    private List<String> expected(Setup setup, List<Step> steps) throws Exception {
        List<String> expected = new ArrayList<>();
        for (List<String> s : run("hashmap", setup, steps, 4, Duration.ZERO)) {
            expected.addAll(s);
        }
        Collections.sort(expected);
        return expected;
    }

    @Test
    void restoresAtAnotherParallelismWithEveryGroupOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : new int[][] {{2, 1}, {1, 2}, {2, 3}}) {
            for (MiniBatchSettings miniBatch : new MiniBatchSettings[] {null, new MiniBatchSettings(1000, 5)}) {
                Setup setup = new Setup(new int[] {0}, allKinds(), false, miniBatch, false);
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 120, 17, true);
                List<String> expected = expected(setup, steps);
                Collecting out = new Collecting();
                List<GroupAggregateOperator> before = instances(setup, scale[0], out);
                feedRouted(before, steps.subList(0, 60));
                List<byte[]> snapshots = new ArrayList<>();
                for (GroupAggregateOperator op : before) {
                    snapshots.add(snapshot(op));
                }
                closeAll(before);
                List<GroupAggregateOperator> after = instances(setup, scale[1], out);
                for (int i = 0; i < scale[1]; i++) {
                    KeyOwnership owned = scale[1] == 1 ? KeyOwnership.all(new int[][] {{0}})
                            : KeyOwnership.hash(i, scale[1], new int[][] {{0}});
                    after.get(i).restoreRescaled(readers(snapshots), owned);
                }
                feedRouted(after, steps.subList(60, steps.size()));
                closeAll(after);
                List<String> actual = new ArrayList<>(out.rows);
                Collections.sort(actual);
                String what = scale[0] + " -> " + scale[1] + " miniBatch=" + miniBatch;
                if (miniBatch == null) {
                    assertEquals(expected, actual, what);
                } else {
                    // instances cut the input into other mini-batches, so only the folded result is the same
                    assertEquals(materialize(expected), materialize(actual), what);
                }
            }
        }
    }

    /** The rows a changelog leaves (sorted): {@code +I/+U} add a row, {@code -U/-D} take it back. */
    private static List<String> materialize(List<String> changelog) {
        List<String> rows = new ArrayList<>();
        for (String change : changelog) {
            String row = change.substring(2);
            if (change.startsWith("+")) {
                rows.add(row);
            } else {
                assertTrue(rows.remove(row), "retraction of a row not emitted: " + change);
            }
        }
        Collections.sort(rows);
        return rows;
    }

    @Test
    void aCheckpointRestoresTheAggregateWhereItStopped() throws Exception {
        for (Setup setup : setups()) {
            List<Step> steps = randomSteps(new Random(setup.groupFields.length), 100, 7, true);
            List<String> expected = expected(setup, steps);
            Collecting out = new Collecting();
            List<GroupAggregateOperator> first = instances(setup, 1, out);
            feedRouted(first, steps.subList(0, 50));
            byte[] state = snapshot(first.get(0));
            closeAll(first);
            List<GroupAggregateOperator> second = instances(setup, 1, out);
            second.get(0).restoreState(new StateReader(new ByteArrayInputStream(state)));
            feedRouted(second, steps.subList(50, steps.size()));
            closeAll(second);
            List<String> actual = new ArrayList<>(out.rows);
            Collections.sort(actual);
            assertEquals(expected, actual, java.util.Arrays.toString(setup.groupFields));
        }
    }

    @Test
    void aHeapSnapshotIsNotReadAsBackendState() throws Exception {
        Setup setup = setups().get(0);
        Collecting out = new Collecting();
        byte[] heapState;
        try (GroupAggregateOperator heap = open(setup, config("hashmap", 4, Duration.ZERO), 0, 1, new AtomicLong(),
                out)) {
            heap.processBatch(0, TestBatches.changelog(allocator, IN, new RowKind[] {RowKind.INSERT},
                    new Object[][] {row(new Random(1), 3)}));
            heapState = snapshot(heap);
        }
        List<GroupAggregateOperator> rocks = instances(setup, 1, out);
        try {
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                    () -> rocks.get(0).restoreState(new StateReader(new ByteArrayInputStream(heapState))));
            assertTrue(e.getMessage().contains("state.backend.type"), e.getMessage());
        } finally {
            closeAll(rocks);
        }
    }
}
