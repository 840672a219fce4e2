package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalGroupAggregateOperator} feeding {@link GlobalGroupAggregateOperator} (two-phase aggregation) emits the
 * changelog of the one-phase mini-batch {@link GroupAggregateOperator}, row for row, over a random changelog with
 * retractions, NULLs and groups that empty; the global phase's snapshot restores.
 */
class LocalGlobalGroupAggregateTest {
    private static final RowType IN = rowType("k", LogicalType.string(), "v", LogicalType.integer(),
            "d", LogicalType.decimal(10, 2));
    private static final List<AggregateSpec> AGGS = List.of(
            new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1, LogicalType.bigint().notNull(), "cnt"),
            new AggregateSpec(AggregateKind.COUNT, new int[] {1}, false, -1, LogicalType.bigint().notNull(), "cv"),
            new AggregateSpec(AggregateKind.SUM, new int[] {1}, false, -1, LogicalType.integer(), "total"),
            new AggregateSpec(AggregateKind.AVG, new int[] {1}, false, -1, LogicalType.integer(), "mean"),
            new AggregateSpec(AggregateKind.SUM, new int[] {2}, false, -1, LogicalType.decimal(38, 2), "ds"));
    private static final RowType OUT = rowType("k", LogicalType.string(), "cnt", LogicalType.bigint().notNull(),
            "cv", LogicalType.bigint().notNull(), "total", LogicalType.integer(), "mean", LogicalType.integer(),
            "ds", LogicalType.decimal(38, 2));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** The partial row type: key, then each call's partial columns, then the signed row count. */
    private static RowType partialType() {
        List<String> names = new ArrayList<>(List.of("k"));
        List<LogicalType> types = new ArrayList<>(List.of(LogicalType.string()));
        for (AggregateSpec spec : AGGS) {
            int[] args = spec.argFields();
            for (LogicalType t : PartialAggregates.partialTypes(spec, args.length == 0 ? null : IN.type(args[0]),
                    false)) {
                names.add("p" + names.size());
                types.add(t);
            }
        }
        names.add("count1");
        types.add(LogicalType.bigint().copy(false));
        return new RowType(names, types);
    }

    /** Collects rows as strings. */
    private static final class Events implements Output {
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

    /** Passes the local phase's output to the global phase. */
    private static final class Pipe implements Output {
        GlobalGroupAggregateOperator global;

        @Override
        public void emit(RowBatch b) {
            try {
                global.processBatch(0, b);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void emitWatermark(long watermark) {
        }
    }

    private static List<RowKind[]> kinds = new ArrayList<>();
    private static List<Object[][]> batches = new ArrayList<>();

    static {
        Random random = new Random(7);
        Map<String, List<Object[]>> present = new HashMap<>();
        for (int b = 0; b < 60; b++) {
            int rows = 1 + random.nextInt(25);
            RowKind[] k = new RowKind[rows];
            Object[][] data = new Object[rows][];
            for (int r = 0; r < rows; r++) {
                String key = random.nextInt(4) == 0 ? "hot" : "k" + random.nextInt(10);
                List<Object[]> values = present.computeIfAbsent(key, x -> new ArrayList<>());
                if (!values.isEmpty() && random.nextInt(3) == 0) {
                    data[r] = values.remove(random.nextInt(values.size()));
                    k[r] = random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE;
                } else {
                    Integer v = random.nextInt(8) == 0 ? null : random.nextInt(200) - 100;
                    java.math.BigDecimal d = random.nextInt(8) == 0 ? null
                            : java.math.BigDecimal.valueOf(random.nextInt(100_000) - 50_000, 2);
                    data[r] = row(key, v, d);
                    values.add(data[r]);
                    k[r] = random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER;
                }
            }
            kinds.add(k);
            batches.add(data);
        }
    }

    private RowBatch batch(int b) {
        return TestBatches.changelog(allocator, IN, kinds.get(b), batches.get(b));
    }

    private List<String> onePhase(MiniBatchSettings settings) throws Exception {
        Events out = new Events();
        try (GroupAggregateOperator op = new GroupAggregateOperator(IN, new int[] {0}, AGGS, OUT, settings)) {
            op.open(TestBatches.context(allocator, 1024), out);
            for (int b = 0; b < batches.size(); b++) {
                op.processBatch(0, batch(b));
            }
            op.endInput(0);
        }
        return out.rows;
    }

    @Test
    void twoPhasesEmitTheOnePhaseMiniBatchChangelog() throws Exception {
        for (long size : new long[] {1, 5, 17, 100_000}) {
            MiniBatchSettings settings = new MiniBatchSettings(3_600_000, size);
            Events out = new Events();
            Pipe pipe = new Pipe();
            try (LocalGroupAggregateOperator local = new LocalGroupAggregateOperator(IN, new int[] {0}, AGGS, true,
                    false, partialType(), settings);
                    GlobalGroupAggregateOperator global = new GlobalGroupAggregateOperator(IN, partialType(), 1, AGGS,
                            true, false, OUT)) {
                global.open(TestBatches.context(allocator, 1024), out);
                pipe.global = global;
                local.open(TestBatches.context(allocator, 1024), pipe);
                for (int b = 0; b < batches.size(); b++) {
                    local.processBatch(0, batch(b));
                }
                local.endInput(0);
                global.endInput(0);
                assertSameChangelog(onePhase(settings), out.rows, "mini-batch size " + size);
                assertTrue(size > 1000 || out.rows.stream().anyMatch(r -> r.startsWith("-D")), "some group is emptied");
            }
        }
    }

    @Test
    void theGlobalPhaseRestoresItsSnapshot() throws Exception {
        MiniBatchSettings settings = new MiniBatchSettings(3_600_000, 9);
        Events out = new Events();
        Pipe pipe = new Pipe();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int half = batches.size() / 2;
        try (LocalGroupAggregateOperator local = new LocalGroupAggregateOperator(IN, new int[] {0}, AGGS, true,
                false, partialType(), settings);
                GlobalGroupAggregateOperator global = new GlobalGroupAggregateOperator(IN, partialType(), 1, AGGS,
                        true, false, OUT)) {
            global.open(TestBatches.context(allocator, 1024), out);
            pipe.global = global;
            local.open(TestBatches.context(allocator, 1024), pipe);
            for (int b = 0; b < half; b++) {
                local.processBatch(0, batch(b));
            }
            local.prepareSnapshotPreBarrier(1);
            global.prepareSnapshotPreBarrier(1);
            StateWriter writer = new StateWriter(bytes);
            global.snapshotState(writer);
            writer.flush();
        }
        try (LocalGroupAggregateOperator local = new LocalGroupAggregateOperator(IN, new int[] {0}, AGGS, true,
                false, partialType(), settings);
                GlobalGroupAggregateOperator global = new GlobalGroupAggregateOperator(IN, partialType(), 1, AGGS,
                        true, false, OUT)) {
            global.open(TestBatches.context(allocator, 1024), out);
            global.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            pipe.global = global;
            local.open(TestBatches.context(allocator, 1024), pipe);
            for (int b = half; b < batches.size(); b++) {
                local.processBatch(0, batch(b));
            }
            local.endInput(0);
        }
        // the one-phase run with a mini-batch ending at the same checkpoint: the same changelog
        Events expected = new Events();
        try (GroupAggregateOperator op = new GroupAggregateOperator(IN, new int[] {0}, AGGS, OUT, settings)) {
            op.open(TestBatches.context(allocator, 1024), expected);
            for (int b = 0; b < batches.size(); b++) {
                if (b == half) {
                    op.prepareSnapshotPreBarrier(1);
                }
                op.processBatch(0, batch(b));
            }
            op.endInput(0);
        }
        assertSameChangelog(expected.rows, out.rows, "restored");
    }

    /** Fails with the first differing row and its neighbours. */
    private static void assertSameChangelog(List<String> expected, List<String> actual, String what) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                int from = Math.max(0, i - 3);
                assertEquals(expected.subList(from, Math.min(expected.size(), i + 3)),
                        actual.subList(from, Math.min(actual.size(), i + 3)), what + ": row " + i);
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": rows");
    }
}
