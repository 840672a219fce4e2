package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.window.WindowTestTimes.millis;
import static io.sluice.runtime.operator.window.WindowTestTimes.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.TableAggregateInvoker;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
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
import java.util.TreeMap;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowTableAggregateOperator} with a hand-written Top2 invoker: each window's rows per key are emitted once
 * when the watermark passes the window's end, late rows are dropped, the end of input fires the rest, and a
 * snapshot restored into a new instance continues exactly as the uninterrupted operator.
 */
class WindowTableAggregateOperatorTest {
    /** key, value, window_start, window_end */
    private static final RowType IN = rowType("k", LogicalType.string(), "v", LogicalType.bigint(),
            "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3));
    private static final RowType RESULT = rowType("v", LogicalType.bigint(), "rank", LogicalType.integer());
    private static final RowType OUT = rowType("k", LogicalType.string(), "ws", LogicalType.timestamp(3),
            "we", LogicalType.timestamp(3), "v", LogicalType.bigint(), "rank", LogicalType.integer());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** The two largest values with their rank. */
    public static class Top2 extends TableAggregateFunction<Row, TreeMap<Long, Integer>> {
        @Override
        public TreeMap<Long, Integer> createAccumulator() {
            return new TreeMap<>();
        }

        public void emitValue(TreeMap<Long, Integer> acc, Collector<Row> out) {
            int rank = 1;
            for (Long v : acc.descendingKeySet()) {
                if (rank > 2) {
                    break;
                }
                out.collect(Row.of(v, rank++));
            }
        }
    }

    /** What generated code does for Top2. */
    public static class Top2Invoker implements TableAggregateInvoker {
        private final Top2 function = new Top2();

        public Top2Invoker(Object[] references) {
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
            return false;
        }

        @Override
        public void retract(Object acc, FieldVector[] args, int row) {
            throw new UnsupportedOperationException();
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

    private WindowTableAggregateOperator operator(CollectingOutput out) throws Exception {
        GeneratedClass<UserAggregateInvoker> invoker = new GeneratedClass<>("Top2Invoker", "// test",
                Top2Invoker.class, new Object[0]);
        WindowTableAggregateOperator op = new WindowTableAggregateOperator(IN, new int[] {0, 2, 3}, new int[] {1},
                invoker, RESULT, OUT, 3);
        op.open(TestBatches.context(allocator, 64), out);
        return op;
    }

    @Test
    void firesEachWindowOnceAtItsEndAndDropsLateRows() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (WindowTableAggregateOperator op = operator(out)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L, t(0), t(5)), row("a", 3L, t(0), t(5)),
                    row("b", 2L, t(5), t(10)), row("a", 2L, t(0), t(5)), row("a", 9L, t(5), t(10))));
            op.processWatermark(0, millis(5) - 2, out);
            assertEquals(List.of(), out.rows);
            op.processWatermark(0, millis(5) - 1, out);
            assertEquals(List.of(list("a", t(0), t(5), 3L, 1), list("a", t(0), t(5), 2L, 2)), out.rows);
            op.processBatch(0, batch(allocator, IN, row("a", 99L, t(0), t(5)), row("b", 4L, t(5), t(10))));
            assertEquals(1, op.lateRowsDropped());
            assertEquals(1, op.openWindows());
            op.endInput(0);
        }
        assertEquals(List.of(list("a", t(0), t(5), 3L, 1), list("a", t(0), t(5), 2L, 2),
                // a window's keys in first-seen order
                list("b", t(5), t(10), 4L, 1), list("b", t(5), t(10), 2L, 2), list("a", t(5), t(10), 9L, 1)),
                out.rows);
        assertEquals(List.of(millis(5) - 2, millis(5) - 1), out.watermarks);
    }

    @Test
    void aRestoredSnapshotContinuesAsTheUninterruptedOperator() throws Exception {
        CollectingOutput uninterrupted = new CollectingOutput();
        try (WindowTableAggregateOperator op = operator(uninterrupted)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L, t(0), t(5)), row("b", 7L, t(5), t(10))));
            op.processWatermark(0, millis(3), uninterrupted);
            op.processBatch(0, batch(allocator, IN, row("a", 4L, t(0), t(5)), row("b", 9L, t(5), t(10))));
            op.processWatermark(0, millis(6), uninterrupted);
            op.processBatch(0, batch(allocator, IN, row("a", 5L, t(0), t(5)), row("b", 8L, t(5), t(10))));
            op.endInput(0);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CollectingOutput first = new CollectingOutput();
        try (WindowTableAggregateOperator op = operator(first)) {
            op.processBatch(0, batch(allocator, IN, row("a", 1L, t(0), t(5)), row("b", 7L, t(5), t(10))));
            op.processWatermark(0, millis(3), first);
            op.snapshotState(new StateWriter(bytes));
        }
        CollectingOutput second = new CollectingOutput();
        try (WindowTableAggregateOperator op = operator(second)) {
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(2, op.openWindows());
            op.processBatch(0, batch(allocator, IN, row("a", 4L, t(0), t(5)), row("b", 9L, t(5), t(10))));
            op.processWatermark(0, millis(6), second);
            op.processBatch(0, batch(allocator, IN, row("a", 5L, t(0), t(5)), row("b", 8L, t(5), t(10))));
            assertEquals(1, op.lateRowsDropped(), "the restored watermark makes the row of [0, 5) late");
            op.endInput(0);
        }
        List<List<Object>> resumed = new ArrayList<>(first.rows);
        resumed.addAll(second.rows);
        assertEquals(uninterrupted.rows, resumed);
        assertEquals(List.of(list("a", t(0), t(5), 4L, 1), list("a", t(0), t(5), 1L, 2),
                list("b", t(5), t(10), 9L, 1), list("b", t(5), t(10), 8L, 2)), resumed);
    }

    @Test
    void anUpdatingInputIsRefused() throws Exception {
        try (WindowTableAggregateOperator op = operator(new CollectingOutput())) {
            assertThrows(UnsupportedFeatureException.class, () -> op.processBatch(0, TestBatches.changelog(allocator,
                    IN, new RowKind[] {RowKind.DELETE}, row("a", 1L, t(0), t(5)))));
        }
    }
}
