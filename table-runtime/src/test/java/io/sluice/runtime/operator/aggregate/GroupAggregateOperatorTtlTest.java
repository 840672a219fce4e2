package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.changelog;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code table.exec.state.ttl} on {@link GroupAggregateOperator}, driven by a fake processing-time clock. */
class GroupAggregateOperatorTtlTest {
    private static final RowType IN = rowType("k", LogicalType.string(), "v", LogicalType.integer());
    private static final RowType OUT = rowType("k", LogicalType.string(), "cnt", LogicalType.bigint().notNull(),
            "s", LogicalType.integer(), "cd", LogicalType.bigint().notNull());
    private static final List<AggregateSpec> AGGS = List.of(
            new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1, LogicalType.bigint().notNull(), "cnt"),
            new AggregateSpec(AggregateKind.SUM, new int[] {1}, false, -1, LogicalType.integer(), "s"),
            new AggregateSpec(AggregateKind.COUNT, new int[] {1}, true, -1, LogicalType.bigint().notNull(), "cd"));

    private final RootAllocator allocator = new RootAllocator();
    private long time = 1_000;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static final class ChangelogOutput implements Output {
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

        List<String> take() {
            List<String> r = new ArrayList<>(rows);
            rows.clear();
            return r;
        }
    }

    private GroupAggregateOperator open(long ttlMillis, ChangelogOutput out) throws Exception {
        GroupAggregateOperator op = new GroupAggregateOperator(IN, new int[] {0}, AGGS, OUT);
        op.setClock(() -> time);
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 1024)
                .set(ExecutionOptions.STATE_TTL, Duration.ofMillis(ttlMillis));
        op.open(new OperatorContext("test", allocator, config), out);
        return op;
    }

    private RowBatch deletes(Object[]... rows) {
        RowKind[] kinds = new RowKind[rows.length];
        Arrays.fill(kinds, RowKind.DELETE);
        return changelog(allocator, IN, kinds, rows);
    }

    @Test
    void anExpiredGroupStartsAgainWithInsertAndIgnoresRetractions() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(100, out)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1), row("b", 2)));
            assertEquals(List.of("+I[a, 1, 1, 1]", "+I[b, 1, 2, 1]"), out.take());
            time = 1_050;
            op.processBatch(0, batch(allocator, IN, row("a", 3)));
            assertEquals(List.of("-U[a, 1, 1, 1]", "+U[a, 2, 4, 2]"), out.take());
            time = 1_100; // b was written at 1000: expired; a at 1050: alive
            op.processBatch(0, batch(allocator, IN, row("b", 5), row("a", 1)));
            assertEquals(List.of("+I[b, 1, 5, 1]", "-U[a, 2, 4, 2]", "+U[a, 3, 5, 2]"), out.take());
            time = 1_199; // a was written at 1100: still alive one millisecond before expiry
            op.processBatch(0, batch(allocator, IN, row("a", 3)));
            assertEquals(List.of("-U[a, 3, 5, 2]", "+U[a, 4, 8, 2]"), out.take());
            time = 1_400;
            op.processBatch(0, deletes(row("a", 3)));
            assertEquals(List.of(), out.take(), "a retraction for an expired group is ignored");
            op.processBatch(0, batch(allocator, IN, row("a", 7)));
            assertEquals(List.of("+I[a, 1, 7, 1]"), out.take());
        }
    }

    @Test
    void incrementalCleanupFreesExpiredGroupsWithoutEmitting() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(100, out)) {
            Object[][] rows = new Object[1000][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = row("k" + i, i);
            }
            op.processBatch(0, batch(allocator, IN, rows));
            assertEquals(1000, op.liveGroups());
            assertEquals(1000, op.distinctEntries());
            out.take();
            time += 100;
            op.processBatch(0, batch(allocator, IN, row("fresh", 1)));
            assertTrue(op.liveGroups() > 1 && op.liveGroups() < 1000,
                    "one batch checks a bounded number of groups: " + op.liveGroups());
            for (int b = 0; b < 20; b++) {
                op.processBatch(0, batch(allocator, IN, row("fresh", 1)));
            }
            assertEquals(1, op.liveGroups());
            assertEquals(1, op.distinctEntries());
            List<String> emitted = out.take();
            assertEquals("+I[fresh, 1, 1, 1]", emitted.get(0));
            assertTrue(emitted.stream().allMatch(r -> r.contains("fresh")), "nothing emitted for expired groups");
        }
    }

    @Test
    void zeroTtlNeverExpires() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(0, out)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1)));
            time += 365L * 24 * 3600 * 1000;
            for (int b = 0; b < 10; b++) {
                op.processBatch(0, batch(allocator, IN, row("x" + b, 1)));
            }
            out.take();
            op.processBatch(0, batch(allocator, IN, row("a", 2)));
            assertEquals(List.of("-U[a, 1, 1, 1]", "+U[a, 2, 3, 2]"), out.take());
            assertEquals(11, op.liveGroups());
        }
    }

    @Test
    void snapshotAndRestoreKeepTheLastWriteTimes() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GroupAggregateOperator op = open(100, out)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1)));
            time = 1_060;
            op.processBatch(0, batch(allocator, IN, row("b", 2)));
            op.snapshotState(new StateWriter(bytes));
        }
        out.take();
        time = 1_120; // a (written at 1000) has expired, b (written at 1060) has not
        try (GroupAggregateOperator op = open(100, out)) {
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(2, op.liveGroups());
            op.processBatch(0, batch(allocator, IN, row("a", 5), row("b", 5)));
        }
        assertEquals(List.of("+I[a, 1, 5, 1]", "-U[b, 1, 2, 1]", "+U[b, 2, 7, 2]"), out.take());
    }
}
