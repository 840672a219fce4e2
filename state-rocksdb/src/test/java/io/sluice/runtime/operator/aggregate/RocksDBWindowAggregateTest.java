package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.KeyedOperatorTestSupport.SCALES;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.allRowsWithoutWatermarks;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.assertRestoreRefused;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.context;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.endAndClose;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.openInstances;
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
import io.sluice.runtime.operator.window.WindowAggregateOperator;
import io.sluice.runtime.operator.window.WindowSpec;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window aggregate (TUMBLE, HOP, CUMULATE) with its groups in RocksDB ({@code state.backend.type: rocksdb})
 * emits, after every batch and every watermark, the rows the heap path emits, over random inputs with late rows, for
 * every built-in aggregate kind (also DISTINCT and FILTER) and a user-defined aggregate; its state survives a
 * checkpoint, also restored at another parallelism.
 */
class RocksDBWindowAggregateTest {
    /** Input: the aggregate's columns, then the window table function's window_start and window_end. */
    private static final RowType IN = rowType("k", LogicalType.integer(), "s", LogicalType.string(),
            "v", LogicalType.bigint(), "w", LogicalType.integer(), "d", LogicalType.decimal(10, 2),
            "x", LogicalType.doubleType(), "b", LogicalType.booleanType(), "f", LogicalType.booleanType(),
            "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3));
    private static final int WS = 8;
    private static final int WE = 9;

    private final RootAllocator allocator = new RootAllocator();
    private final Feeder feeder = new Feeder(allocator, IN);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static AggregateSpec agg(AggregateKind kind, LogicalType result, int... args) {
        return new AggregateSpec(kind, args, false, -1, result, kind.name().toLowerCase());
    }

    private static AggregateSpec distinct(AggregateKind kind, LogicalType result, int filter, int... args) {
        return new AggregateSpec(kind, args, true, filter, result, kind.name().toLowerCase() + "_distinct");
    }

    private static List<AggregateSpec> allKinds() {
        LogicalType count = LogicalType.bigint().notNull();
        GeneratedClass<UserAggregateInvoker> generated = new GeneratedClass<>("SumInvoker", "// test",
                UserAggregateTest.SumInvoker.class, new Object[] {false});
        return List.of(agg(AggregateKind.COUNT, count),
                agg(AggregateKind.COUNT, count, 2),
                agg(AggregateKind.SUM, LogicalType.bigint(), 2),
                agg(AggregateKind.SUM0, LogicalType.bigint(), 3),
                agg(AggregateKind.AVG, LogicalType.doubleType(), 5),
                agg(AggregateKind.SUM, LogicalType.decimal(38, 2), 4),
                agg(AggregateKind.AVG, LogicalType.decimal(38, 2), 4),
                agg(AggregateKind.MIN, LogicalType.bigint(), 2),
                agg(AggregateKind.MAX, LogicalType.string(), 1),
                agg(AggregateKind.MIN, LogicalType.decimal(10, 2), 4),
                agg(AggregateKind.MAX, LogicalType.doubleType(), 5),
                agg(AggregateKind.BOOL_AND, LogicalType.booleanType(), 6),
                agg(AggregateKind.BOOL_OR, LogicalType.booleanType(), 6),
                distinct(AggregateKind.COUNT, count, -1, 2),
                distinct(AggregateKind.SUM, LogicalType.bigint(), 7, 2),
                distinct(AggregateKind.COUNT, count, -1, 1, 3),
                new AggregateSpec(AggregateKind.COUNT, new int[0], false, 7, count, "count_filtered"),
                AggregateSpec.userDefined(new int[] {2, 3}, false, -1, LogicalType.bigint(), "udaf", generated));
    }

    private static Object nullOr(Random r, Object v) {
        return r.nextInt(7) == 0 ? null : v;
    }

    /**
     * Random steps: rows whose event time is around the watermark (some behind it: late), each copied into every
     * window of {@code spec} containing it, as the window table function does; the watermark advances now and then.
     */
    private static List<Step> randomSteps(Random r, WindowSpec spec, int steps, int keys) {
        List<Step> out = new ArrayList<>();
        long watermark = 1_000;
        long[] starts = new long[spec.maxWindowsPerRow()];
        long[] ends = new long[starts.length];
        for (int s = 0; s < steps; s++) {
            List<Object[]> rows = new ArrayList<>();
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                long time = watermark - 30 + r.nextInt(150);
                Object[] values = {r.nextInt(8) == 0 ? null : r.nextInt(keys), nullOr(r, "s" + r.nextInt(5)),
                    nullOr(r, (long) r.nextInt(6)), nullOr(r, r.nextInt(4)),
                    nullOr(r, BigDecimal.valueOf(r.nextInt(1000), 2)), nullOr(r, r.nextInt(50) / 4.0),
                    nullOr(r, r.nextInt(3) != 0), nullOr(r, r.nextBoolean())};
                int windows = spec.assign(time, starts, ends);
                for (int w = 0; w < windows; w++) {
                    Object[] row = java.util.Arrays.copyOf(values, IN.size());
                    row[WS] = ts(starts[w]);
                    row[WE] = ts(ends[w]);
                    rows.add(row);
                }
            }
            long next = Long.MIN_VALUE;
            if (r.nextInt(3) == 0) {
                watermark += r.nextInt(60);
                next = watermark;
            }
            out.add(Step.rowsThenWatermark(rows.toArray(new Object[0][]), next));
        }
        return out;
    }

    private static RowType outputType(int[] groupFields, List<AggregateSpec> aggregates) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int g : groupFields) {
            names.add(IN.name(g));
            types.add(IN.type(g));
        }
        for (int k = 0; k < aggregates.size(); k++) {
            names.add("a" + k);
            types.add(aggregates.get(k).resultType());
        }
        return new RowType(names, types);
    }

    private WindowAggregateOperator open(String backend, int[] groupFields, int slots, int subtask, int parallelism,
            Output out) {
        List<AggregateSpec> aggregates = allKinds();
        WindowAggregateOperator op = new WindowAggregateOperator(IN, groupFields, aggregates,
                outputType(groupFields, aggregates), WE, new int[] {WS, WE});
        op.setWriteBackLimits(slots, slots == 0 ? 0 : Long.MAX_VALUE);
        op.open(context("window", allocator, backend, 3, subtask, parallelism), out);
        return op;
    }

    /** Per step the rows emitted (sorted: a firing's rows come in another order), then those of the end. */
    private List<List<String>> run(String backend, int[] groupFields, int slots, List<Step> steps, long[] late)
            throws Exception {
        Collecting out = new Collecting();
        try (WindowAggregateOperator op = open(backend, groupFields, slots, 0, 1, out)) {
            assertEquals(backend.equals("rocksdb"), op.backendStateBytes() >= 0, "state kept in the backend");
            List<List<String>> perStep = feeder.run(op, steps, out, 1);
            late[0] = op.lateRowsDropped();
            return perStep;
        }
    }

    private static List<WindowSpec> specs() {
        return List.of(WindowSpec.tumble(50, 0), WindowSpec.hop(20, 60, 0), WindowSpec.cumulate(25, 100, 0));
    }

    @Test
    void emitsWhatTheHeapPathEmitsAfterEveryBatchAndWatermark() throws Exception {
        int seed = 0;
        for (WindowSpec spec : specs()) {
            for (int[] groups : new int[][] {{0, WS, WE}, {WS, WE}, {0, 1, WS, WE}}) {
                for (int slots : new int[] {0, 3, KeyedWindowAggregates.MAX_SLOTS}) {
                    seed++;
                    List<Step> steps = randomSteps(new Random(seed), spec, 60, 7);
                    String what = spec + " groups=" + java.util.Arrays.toString(groups) + " slots=" + slots
                            + " seed=" + seed;
                    long[] heapLate = new long[1];
                    long[] rocksLate = new long[1];
                    List<List<String>> heap = run("hashmap", groups, slots, steps, heapLate);
                    assertTrue(heap.stream().mapToInt(List::size).sum() > 10, what);
                    assertTrue(heapLate[0] > 0, "some rows are late: " + what);
                    assertEquals(heap, run("rocksdb", groups, slots, steps, rocksLate), what);
                    assertEquals(heapLate[0], rocksLate[0], what);
                }
            }
        }
    }

    @Test
    void restoresAtAnotherParallelismWithEveryGroupOnTheInstanceItIsRoutedTo() throws Exception {
        int[] groups = {0, WS, WE};
        for (int[] scale : SCALES) {
            for (WindowSpec spec : specs()) {
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), spec, 120, 17);
                List<String> expected = allRowsWithoutWatermarks(run("hashmap", groups, 4, steps, new long[1]));
                Collecting out = new Collecting();
                Opener<WindowAggregateOperator> opener = (i, p) -> open("rocksdb", groups, 4, i, p, out);
                List<WindowAggregateOperator> before = openInstances(scale[0], opener);
                feeder.feedRouted(before, steps.subList(0, 60), out);
                List<WindowAggregateOperator> after = snapshotAndRestore(before, scale[1], opener, new int[][] {{0}});
                feeder.feedRouted(after, steps.subList(60, steps.size()), out);
                endAndClose(after, 1);
                List<String> actual = withoutWatermarks(out.rows);
                assertTrue(expected.size() > 50, "enough windows fired");
                assertEquals(expected, actual, scale[0] + " -> " + scale[1] + " " + spec);
            }
        }
    }

    @Test
    void aSnapshotOfOneKindOfStateDoesNotRestoreUnderTheOther() throws Exception {
        int[] groups = {0, WS, WE};
        List<Step> steps = randomSteps(new Random(5), WindowSpec.tumble(50, 0), 10, 3);
        for (String[] kinds : new String[][] {{"hashmap", "rocksdb"}, {"rocksdb", "hashmap"}}) {
            Collecting out = new Collecting();
            byte[] state;
            try (WindowAggregateOperator op = open(kinds[0], groups, 4, 0, 1, out)) {
                for (Step s : steps) {
                    feeder.feed(op, s, out);
                }
                state = snapshot(op);
            }
            try (WindowAggregateOperator op = open(kinds[1], groups, 4, 0, 1, out)) {
                assertRestoreRefused(op, state);
            }
        }
    }
}
