package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.functions.FunctionContext;
import io.sluice.table.functions.TableAggregateFunction;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.Collector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupTableAggregateOperator} with a hand-written invoker shaped like the generated one (a Top2 whose
 * accumulator counts every value): the streaming changelog (previous rows retracted before the new ones), input
 * retractions, an emptied group, batch mode, and a snapshot restored into a new instance that continues exactly
 * as the uninterrupted one.
 */
class GroupTableAggregateOperatorTest {
    private static final RowType IN = rowType("k", LogicalType.string(), "v", LogicalType.bigint());
    private static final RowType RESULT = rowType("v", LogicalType.bigint(), "rank", LogicalType.integer());
    private static final RowType OUT = rowType("k", LogicalType.string(), "v", LogicalType.bigint(),
            "rank", LogicalType.integer());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** The two largest values of a group, with their rank; retractable. */
    public static class Top2 extends TableAggregateFunction<Row, TreeMap<Long, Integer>> {
        @Override
        public TreeMap<Long, Integer> createAccumulator() {
            return new TreeMap<>();
        }

        public void emitValue(TreeMap<Long, Integer> acc, Collector<Row> out) {
            int rank = 1;
            for (Map.Entry<Long, Integer> e : acc.descendingMap().entrySet()) {
                if (rank > 2) {
                    break;
                }
                out.collect(Row.of(e.getKey(), rank++));
            }
        }
    }

    /** What generated code does for Top2: typed reads, direct calls. */
    public static class Top2Invoker implements TableAggregateInvoker {
        private final Top2 function = new Top2();
        private final boolean retractable;

        public Top2Invoker(Object[] references) {
            this.retractable = (Boolean) references[0];
        }

        @Override
        public Object function() {
            return function;
        }

        @Override
        public Object createAccumulator() {
            return function.createAccumulator();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void accumulate(Object acc, FieldVector[] args, int row) {
            ((TreeMap<Long, Integer>) acc).merge(((BigIntVector) args[0]).get(row), 1, Integer::sum);
        }

        @Override
        public void accumulateBatch(Object[] accs, int[] groupIds, FieldVector[] args, int rows) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean canRetract() {
            return retractable;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void retract(Object acc, FieldVector[] args, int row) {
            TreeMap<Long, Integer> counts = (TreeMap<Long, Integer>) acc;
            long v = ((BigIntVector) args[0]).get(row);
            if (counts.merge(v, -1, Integer::sum) == 0) {
                counts.remove(v);
            }
        }

        @Override
        public Object getValue(Object acc) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String functionDescription() {
            return "top2 (Top2)";
        }

        @Override
        public void openFunctions(FunctionContext context) {
        }

        @Override
        public void closeFunctions() {
        }
    }

    /** Collects emitted rows as {@code +I[k, v, rank]} strings. */
    private static final class ChangelogOutput implements Output {
        final List<String> changes = new ArrayList<>();

        @Override
        public void emitWatermark(long watermark) {
        }

        @Override
        public void emit(RowBatch b) {
            try (b) {
                for (int i = 0; i < b.rowCount(); i++) {
                    changes.add(b.getRow(i).toString());
                }
            }
        }
    }

    private GroupTableAggregateOperator operator(boolean streaming, boolean retractable, Output out)
            throws Exception {
        GeneratedClass<UserAggregateInvoker> invoker = new GeneratedClass<>("Top2Invoker", "// test",
                Top2Invoker.class, new Object[] {retractable});
        GroupTableAggregateOperator op = new GroupTableAggregateOperator(IN, new int[] {0}, new int[] {1}, invoker,
                RESULT, OUT, streaming);
        OperatorContext context = TestBatches.context(allocator, 64);
        op.open(context, out);
        return op;
    }

    private RowBatch changes(RowKind[] kinds, Object[]... rows) {
        return TestBatches.changelog(allocator, IN, kinds, rows);
    }

    @Test
    void streamingRetractsAGroupsRowsBeforeEmittingItsNewOnes() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        RowKind i = RowKind.INSERT;
        try (GroupTableAggregateOperator op = operator(true, true, out)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L), row("a", 3L), row("b", 2L)));
            op.processBatch(0, changes(new RowKind[] {RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE},
                    row("a", 3L), row("a", 5L), row("b", 2L)));
            assertEquals(1, op.groupCount(), "b was emptied by its -D: its state is gone");
            op.processBatch(0, changes(new RowKind[] {i}, row("b", 4L)));
        }
        assertEquals(List.of("+I[a, 1, 1]",
                "-D[a, 1, 1]", "+I[a, 3, 1]", "+I[a, 1, 2]",
                "+I[b, 2, 1]",
                // -U a 3: retract the group's rows, emit what remains
                "-D[a, 3, 1]", "-D[a, 1, 2]", "+I[a, 1, 1]",
                "-D[a, 1, 1]", "+I[a, 5, 1]", "+I[a, 1, 2]",
                // -D b 2 empties b: its row is retracted and nothing is emitted
                "-D[b, 2, 1]",
                "+I[b, 4, 1]"), out.changes);
    }

    @Test
    void anUpdatingInputFailsWithoutARetractMethod() throws Exception {
        try (GroupTableAggregateOperator op = operator(true, false, new ChangelogOutput())) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L)));
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> op.processBatch(0,
                    changes(new RowKind[] {RowKind.DELETE}, row("a", 1L))));
            assertTrue(e.getMessage().equals("not supported yet: table aggregate function top2 (Top2) over an updating"
                    + " input: it has no retract method for these arguments"), e.getMessage());
        }
    }

    @Test
    void batchModeEmitsEachGroupOnceAtTheEnd() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (GroupTableAggregateOperator op = operator(false, false, out)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L), row("b", 2L), row("a", 3L)));
            op.processBatch(0, batch(allocator, IN, row("a", 2L)));
            assertEquals(List.of(), out.changes);
            op.endInput(0);
        }
        assertEquals(List.of("+I[a, 3, 1]", "+I[a, 2, 2]", "+I[b, 2, 1]"), out.changes);
    }

    @Test
    void aRestoredSnapshotContinuesAsTheUninterruptedOperator() throws Exception {
        ChangelogOutput uninterrupted = new ChangelogOutput();
        try (GroupTableAggregateOperator op = operator(true, true, uninterrupted)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L), row("b", 7L), row("a", 3L)));
            op.processBatch(0, batch(allocator, IN, row("a", 2L), row("b", 9L)));
            op.processBatch(0, changes(new RowKind[] {RowKind.DELETE}, row("a", 3L)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChangelogOutput first = new ChangelogOutput();
        try (GroupTableAggregateOperator op = operator(true, true, first)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L), row("b", 7L), row("a", 3L)));
            op.snapshotState(new StateWriter(bytes));
        }
        ChangelogOutput second = new ChangelogOutput();
        try (GroupTableAggregateOperator op = operator(true, true, second)) {
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(2, op.groupCount());
            op.processBatch(0, batch(allocator, IN, row("a", 2L), row("b", 9L)));
            op.processBatch(0, changes(new RowKind[] {RowKind.DELETE}, row("a", 3L)));
        }
        List<String> resumed = new ArrayList<>(first.changes);
        resumed.addAll(second.changes);
        assertEquals(uninterrupted.changes, resumed);
        assertTrue(second.changes.contains("-D[b, 7, 1]"), "the restored group b retracts what it emitted before");
    }

    @Test
    void aSnapshotRestoredAtAnotherParallelismGivesEachGroupToTheInstanceOwningItsKey() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GroupTableAggregateOperator op = operator(true, true, new ChangelogOutput())) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L), row("b", 7L), row("c", 3L), row("d", 4L)));
            op.snapshotState(new StateWriter(bytes));
        }
        int total = 0;
        for (int subtask = 0; subtask < 2; subtask++) {
            ChangelogOutput out = new ChangelogOutput();
            try (GroupTableAggregateOperator op = operator(true, true, out)) {
                op.restoreRescaled(List.of(new StateReader(new ByteArrayInputStream(bytes.toByteArray()))),
                        KeyOwnership.hash(subtask, 2, new int[][] {{0}}));
                total += op.groupCount();
                for (String key : List.of("a", "b", "c", "d")) {
                    try (RowBatch probe = batch(allocator, IN, row(key, 100L))) {
                        if (KeyOwnership.hash(subtask, 2, new int[][] {{0}}).owns(probe, new int[] {0}, 0)) {
                            op.processBatch(0, batch(allocator, IN, row(key, 100L)));
                        }
                    }
                }
            }
            for (String change : out.changes) {
                if (change.startsWith("+I") && change.endsWith(", 2]")) {
                    continue;
                }
                // every owned key had state: its first change retracts the restored row
                assertTrue(change.startsWith("-D") || change.contains(", 100, 1]"), out.changes.toString());
            }
            assertEquals(out.changes.stream().filter(c -> c.startsWith("-D")).count(),
                    out.changes.stream().filter(c -> c.contains(", 100, 1]")).count(), out.changes.toString());
        }
        assertEquals(4, total, "each group restored on exactly one instance");
    }

    @Test
    void stateTtlExpiresGroupsThatNoRowChanged() throws Exception {
        long[] time = {1_000};
        ChangelogOutput out = new ChangelogOutput();
        GeneratedClass<UserAggregateInvoker> invoker = new GeneratedClass<>("Top2Invoker", "// test",
                Top2Invoker.class, new Object[] {true});
        try (GroupTableAggregateOperator op = new GroupTableAggregateOperator(IN, new int[] {0}, new int[] {1},
                invoker, RESULT, OUT, true)) {
            op.setClock(() -> time[0]);
            io.sluice.runtime.config.Configuration config = new io.sluice.runtime.config.Configuration()
                    .set(io.sluice.runtime.config.ExecutionOptions.STATE_TTL, java.time.Duration.ofMillis(100));
            op.open(new OperatorContext("test", allocator, config), out);
            op.processBatch(0, batch(allocator, IN, row("a", 1L), row("b", 2L)));
            time[0] = 1_050;
            op.processBatch(0, batch(allocator, IN, row("a", 3L)));
            time[0] = 1_100; // b was written at 1000: expired, and freed by the cleanup; a at 1050: alive
            op.processBatch(0, batch(allocator, IN, row("a", 2L)));
            assertEquals(1, op.groupCount());
            op.processBatch(0, batch(allocator, IN, row("b", 5L)));
            time[0] = 1_300;
            op.processBatch(0, changes(new RowKind[] {RowKind.DELETE}, row("a", 3L)));
        }
        assertEquals(List.of("+I[a, 1, 1]", "+I[b, 2, 1]",
                "-D[a, 1, 1]", "+I[a, 3, 1]", "+I[a, 1, 2]",
                "-D[a, 3, 1]", "-D[a, 1, 2]", "+I[a, 3, 1]", "+I[a, 2, 2]",
                // b expired: its new row comes without a retraction of the old one
                "+I[b, 5, 1]"
                // the retraction for the expired a is ignored
        ), out.changes);
    }
}
