package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link GroupAggregateOperator} in mini-batch mode ({@code table.exec.mini-batch.*}). */
class MiniBatchGroupAggregateTest {
    private static final RowType IN = rowType("k", LogicalType.string(), "v", LogicalType.integer());
    private static final List<AggregateSpec> AGGS = List.of(
            new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1, LogicalType.bigint().notNull(), "cnt"),
            new AggregateSpec(AggregateKind.MAX, new int[] {1}, false, -1, LogicalType.integer(), "mx"),
            new AggregateSpec(AggregateKind.SUM, new int[] {1}, false, -1, LogicalType.integer(), "total"));
    private static final RowType OUT = rowType("k", LogicalType.string(), "cnt", LogicalType.bigint().notNull(),
            "mx", LogicalType.integer(), "total", LogicalType.integer());

    private final RootAllocator allocator = new RootAllocator();
    private long now;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Collects emitted rows as {@code +I[k, ...]} strings and watermarks as {@code WM<n>}, in order. */
    private static final class ChangelogOutput implements Output {
        final List<String> events = new ArrayList<>();
        final List<Row> rows = new ArrayList<>();

        @Override
        public void emit(RowBatch b) {
            try (b) {
                for (int i = 0; i < b.rowCount(); i++) {
                    Row r = b.getRow(i);
                    rows.add(r);
                    events.add(r.toString());
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            events.add("WM" + watermark);
        }

        /** The table the changelog describes: key -> row values; fails on a retraction of an absent row. */
        Map<Object, String> folded() {
            Map<Object, String> table = new HashMap<>();
            for (Row r : rows) {
                Object key = r.getField(0);
                Row values = Row.of(r.getField(1), r.getField(2), r.getField(3));
                if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                    assertNull(table.put(key, values.toString()), "insert of a present key " + r);
                } else {
                    assertEquals(values.toString(), table.remove(key), "retraction of " + r);
                }
            }
            return table;
        }
    }

    private GroupAggregateOperator open(MiniBatchSettings miniBatch, Output out) throws Exception {
        GroupAggregateOperator op = new GroupAggregateOperator(IN, new int[] {0}, AGGS, OUT, miniBatch);
        op.setClock(() -> now);
        op.open(TestBatches.context(allocator, 1024), out);
        return op;
    }

    private RowBatch changelog(RowKind[] kinds, Object[]... rows) {
        return TestBatches.changelog(allocator, IN, kinds, rows);
    }

    @Test
    void sizeTriggerEmitsOneNetChangePerGroupAndSplitsBatches() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(new MiniBatchSettings(60_000, 3), out)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1), row("b", 5), row("a", 3), row("a", 4), row("b", 6)));
            // the first 3 rows form a mini-batch; a's two rows give one +I
            assertEquals(List.of("+I[a, 2, 3, 4]", "+I[b, 1, 5, 5]"), out.events);
            op.processBatch(0, batch(allocator, IN, row("c", 2)));
            assertEquals(List.of("+I[a, 2, 3, 4]", "+I[b, 1, 5, 5]", "-U[a, 2, 3, 4]", "+U[a, 3, 4, 8]",
                    "-U[b, 1, 5, 5]", "+U[b, 2, 6, 11]", "+I[c, 1, 2, 2]"), out.events);
            op.processBatch(0, batch(allocator, IN, row("c", 1)));
            op.endInput(0); // the end of the input processes the rest
            assertEquals(List.of("-U[c, 1, 2, 2]", "+U[c, 2, 2, 3]"), out.events.subList(7, 9));
        }
    }

    @Test
    void unchangedTransientAndEmptiedGroups() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        RowKind i = RowKind.INSERT;
        RowKind d = RowKind.DELETE;
        try (GroupAggregateOperator op = open(new MiniBatchSettings(60_000, 4), out)) {
            op.processBatch(0, changelog(new RowKind[] {i, i, i, i}, row("a", 1), row("b", 2), row("c", 3), row("d", 4)));
            out.events.clear();
            // a: +1 -1 (unchanged) ; x: appears and disappears ; b: emptied ; (d untouched)
            op.processBatch(0, changelog(new RowKind[] {i, d, i, d}, row("a", 0), row("a", 0), row("x", 9), row("x", 9)));
            assertEquals(List.of(), out.events);
            op.processBatch(0, changelog(new RowKind[] {d, d, i, d}, row("b", 2), row("y", 1), row("c", 5), row("c", 3)));
            assertEquals(List.of("-D[b, 1, 2, 2]", "-U[c, 1, 3, 3]", "+U[c, 1, 5, 5]"), out.events);
            assertEquals(3, op.liveGroups());
        }
    }

    @Test
    void foldedResultEqualsPerRowModeWithFewerChanges() throws Exception {
        Random random = new Random(42);
        List<RowKind[]> kinds = new ArrayList<>();
        List<Object[][]> batches = new ArrayList<>();
        Map<String, List<Integer>> present = new HashMap<>();
        for (int b = 0; b < 40; b++) {
            int rows = 1 + random.nextInt(30);
            RowKind[] k = new RowKind[rows];
            Object[][] data = new Object[rows][];
            for (int r = 0; r < rows; r++) {
                String key = "k" + random.nextInt(12);
                List<Integer> values = present.computeIfAbsent(key, x -> new ArrayList<>());
                if (!values.isEmpty() && random.nextInt(3) == 0) {
                    Integer v = values.remove(random.nextInt(values.size()));
                    k[r] = random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE;
                    data[r] = row(key, v);
                } else {
                    Integer v = random.nextInt(10) == 0 ? null : random.nextInt(100);
                    values.add(v);
                    k[r] = random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER;
                    data[r] = row(key, v);
                }
            }
            kinds.add(k);
            batches.add(data);
        }
        ChangelogOutput perRow = run(null, kinds, batches);
        for (long size : new long[] {1, 2, 7, 50, 100_000}) {
            ChangelogOutput mini = run(new MiniBatchSettings(60_000, size), kinds, batches);
            assertEquals(perRow.folded(), mini.folded(), "size " + size);
            if (size == 1) {
                assertEquals(perRow.events, mini.events, "a mini-batch of one row is the per-row changelog");
            } else {
                assertTrue(mini.rows.size() < perRow.rows.size(), "size " + size + ": " + mini.rows.size());
            }
        }
    }

    private ChangelogOutput run(MiniBatchSettings settings, List<RowKind[]> kinds, List<Object[][]> batches)
            throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(settings, out)) {
            for (int b = 0; b < batches.size(); b++) {
                op.processBatch(0, changelog(kinds.get(b), batches.get(b)));
            }
            op.endInput(0);
        }
        return out;
    }

    @Test
    void latencyTriggerOnBatchAndWatermark() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(new MiniBatchSettings(100, 1_000), out)) {
            now = 1_000;
            op.processBatch(0, batch(allocator, IN, row("a", 1)));
            now = 1_050;
            op.processBatch(0, batch(allocator, IN, row("a", 2)));
            op.processWatermark(0, 7, out);
            assertEquals(List.of("WM7"), out.events);
            now = 1_100; // the oldest buffered row has waited the allowed latency
            op.processWatermark(0, 8, out);
            assertEquals(List.of("WM7", "+I[a, 2, 2, 3]", "WM8"), out.events);
            now = 1_200;
            op.processBatch(0, batch(allocator, IN, row("a", 3)));
            now = 1_299;
            op.processBatch(0, batch(allocator, IN, row("b", 1)));
            assertEquals(3, out.events.size());
            now = 1_300;
            op.processBatch(0, batch(allocator, IN, row("a", 4)));
            assertEquals(List.of("-U[a, 2, 2, 3]", "+U[a, 4, 4, 10]", "+I[b, 1, 1, 1]"), out.events.subList(3, 6));
        }
    }

    @Test
    void latencyTriggerOnProcessingTimeWithoutFurtherInput() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(new MiniBatchSettings(100, 1_000), out)) {
            assertTrue(op.wantsProcessingTime());
            now = 1_000;
            op.onProcessingTime(now, out); // nothing buffered: nothing to do
            op.processBatch(0, batch(allocator, IN, row("a", 1), row("b", 2)));
            now = 1_060;
            op.processBatch(0, batch(allocator, IN, row("a", 5)));
            now = 1_099;
            op.onProcessingTime(now, out);
            assertEquals(List.of(), out.events, "the oldest row has waited 99 ms of 100");
            now = 1_100;
            op.onProcessingTime(now, out);
            assertEquals(List.of("+I[a, 2, 5, 6]", "+I[b, 1, 2, 2]"), out.events);
            now = 5_000;
            op.onProcessingTime(now, out); // the buffer is empty again
            assertEquals(2, out.events.size());
            op.processBatch(0, batch(allocator, IN, row("b", 3)));
            now = 5_100;
            op.onProcessingTime(now, out);
            assertEquals(List.of("-U[b, 1, 2, 2]", "+U[b, 2, 3, 5]"), out.events.subList(2, 4));
        }
        try (GroupAggregateOperator perRow = open(null, out)) {
            assertFalse(perRow.wantsProcessingTime(), "only mini-batch mode needs processing-time callbacks");
        }
    }

    @Test
    void checkpointProcessesBufferedRowsAndRestoreContinues() throws Exception {
        MiniBatchSettings settings = new MiniBatchSettings(60_000, 100);
        ChangelogOutput uninterrupted = new ChangelogOutput();
        try (GroupAggregateOperator op = open(settings, uninterrupted)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1), row("b", 2), row("a", 3)));
            op.prepareSnapshotPreBarrier(1);
            op.processBatch(0, batch(allocator, IN, row("a", 5), row("c", 1)));
            op.endInput(0);
        }
        assertEquals(List.of("+I[a, 2, 3, 4]", "+I[b, 1, 2, 2]", "-U[a, 2, 3, 4]", "+U[a, 3, 5, 9]",
                "+I[c, 1, 1, 1]"), uninterrupted.events);

        ChangelogOutput restored = new ChangelogOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GroupAggregateOperator op = open(settings, restored)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1), row("b", 2), row("a", 3)));
            assertThrows(IllegalStateException.class, () -> op.snapshotState(new StateWriter(new ByteArrayOutputStream())),
                    "a snapshot must not lose buffered rows");
            op.prepareSnapshotPreBarrier(1);
            assertEquals(2, restored.events.size(), "the checkpoint emitted the buffered rows' changes");
            StateWriter writer = new StateWriter(bytes);
            op.snapshotState(writer);
            writer.flush();
            op.processBatch(0, batch(allocator, IN, row("lost", 1))); // after the checkpoint: replayed on restart
        }
        try (GroupAggregateOperator op = open(settings, restored)) {
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, batch(allocator, IN, row("a", 5), row("c", 1)));
            op.endInput(0);
        }
        assertEquals(uninterrupted.events, restored.events);
    }

    @Test
    void globalAggregateWithoutGroupFields() throws Exception {
        RowType out = rowType("cnt", LogicalType.bigint().notNull());
        ChangelogOutput changes = new ChangelogOutput();
        try (GroupAggregateOperator op = new GroupAggregateOperator(IN, new int[0], AGGS.subList(0, 1), out,
                new MiniBatchSettings(60_000, 2))) {
            op.open(TestBatches.context(allocator, 1024), changes);
            op.processBatch(0, batch(allocator, IN, row("a", 1), row("b", 2), row("c", 3)));
            op.endInput(0);
        }
        assertEquals(List.of("+I[2]", "-U[2]", "+U[3]"), changes.events);
    }

    @Test
    void settingsFollowFlinkOptions() {
        Configuration config = new Configuration();
        assertNull(MiniBatchSettings.from(config));
        config.setString(ExecutionOptions.MINI_BATCH_ENABLED.key(), "true");
        TableException e = assertThrows(TableException.class, () -> MiniBatchSettings.from(config));
        assertEquals("MiniBatch Latency must be greater than 0 ms.", e.getMessage());
        config.set(ExecutionOptions.MINI_BATCH_ALLOW_LATENCY, Duration.ofSeconds(1));
        e = assertThrows(TableException.class, () -> MiniBatchSettings.from(config));
        assertEquals("Key: 'table.exec.mini-batch.size' , default: -1 (fallback keys: []) must be > 0.",
                e.getMessage());
        config.setString(ExecutionOptions.MINI_BATCH_SIZE.key(), "5");
        MiniBatchSettings settings = MiniBatchSettings.from(config);
        assertEquals(1_000, settings.allowLatencyMillis());
        assertEquals(5, settings.size());
        assertEquals("interval=[1000ms], mode=[ProcTime], size=[5]", settings.explain());
    }
}
