package io.sluice.runtime.operator.over;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.functions.FunctionContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** User-defined aggregate functions in OVER windows, batch and streaming, with the streaming state checkpointed. */
class UserOverAggregateTest {
    private static final LogicalType STRING = LogicalType.string();
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final RootAllocator allocator = new RootAllocator();
    /** id, k, s, ts. */
    private final RowType in = rowType("id", LogicalType.integer(), "k", STRING, "s", STRING, "ts",
            LogicalType.timestamp(3));

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Joins its string arguments with commas (NULL for none); retracts the oldest. */
    public static class Concat implements UserAggregateInvoker {
        public Concat(Object[] references) {
        }

        @Override
        public void openFunctions(FunctionContext context) {
            OPEN.incrementAndGet();
        }

        @Override
        public void closeFunctions() {
            OPEN.decrementAndGet();
        }

        @Override
        public Object createAccumulator() {
            return new ArrayList<String>();
        }

        @SuppressWarnings("unchecked")
        @Override
        public void accumulate(Object acc, FieldVector[] args, int row) {
            ((List<String>) acc).add((String) VectorValues.get(STRING, args[0], row));
        }

        @Override
        public void accumulateBatch(Object[] accs, int[] groupIds, FieldVector[] args, int rows) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean canRetract() {
            return true;
        }

        @SuppressWarnings("unchecked")
        @Override
        public void retract(Object acc, FieldVector[] args, int row) {
            ((List<String>) acc).remove(0);
        }

        @SuppressWarnings("unchecked")
        @Override
        public Object getValue(Object acc) {
            List<String> values = (List<String>) acc;
            return values.isEmpty() ? null : String.join(",", values);
        }

        @Override
        public String functionDescription() {
            return "concat";
        }
    }

    /** {@link Concat} without retract: fed each row's whole frame. */
    public static class ConcatNoRetract extends Concat {
        public ConcatNoRetract(Object[] references) {
            super(references);
        }

        @Override
        public boolean canRetract() {
            return false;
        }

        @Override
        public void retract(Object acc, FieldVector[] args, int row) {
            throw new IllegalStateException("no retract");
        }
    }

    private static OverFunctionSpec concat(Class<? extends Concat> c) {
        return OverFunctionSpec.userDefined("concat", new int[] {2}, new Object[0], List.of(STRING), STRING,
                new GeneratedClass<>(c.getName(), "", c, new Object[0]));
    }

    private static LocalDateTime t(int minute) {
        return LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(minute);
    }

    @Test
    void batchFramesSlideWithRetractOrRecomputeWithout() throws Exception {
        for (Class<? extends Concat> c : List.of(Concat.class, ConcatNoRetract.class)) {
            OverGroupSpec g = new OverGroupSpec(new int[] {1}, new SortKey[] {SortKey.asc(0)}, true,
                    FrameBound.preceding(1L), FrameBound.currentRow(), List.of(concat(c)));
            CollectingOutput out = new CollectingOutput();
            try (OverWindowOperator op = new OverWindowOperator(in, List.of(g),
                    OverWindowOperatorTest.outputType(in, List.of(g)))) {
                op.open(TestBatches.context(allocator, 2), out);
                assertEquals(1, OPEN.get());
                op.processBatch(0, batch(allocator, in, row(1, "a", "x", t(1)), row(2, "b", "y", t(1)),
                        row(3, "a", "z", t(2)), row(4, "a", "w", t(3))));
                op.endInput(0);
            }
            assertEquals(0, OPEN.get(), "closed");
            List<String> results = new ArrayList<>();
            for (List<Object> r : out.rows) {
                results.add(r.get(0) + ":" + r.get(4));
            }
            results.sort(null);
            assertEquals(List.of("1:x", "2:y", "3:x,z", "4:z,w"), results, c.getSimpleName());
        }
    }

    @Test
    void streamingUnboundedAccumulatorsSurviveACheckpoint() throws Exception {
        OverGroupSpec group = new OverGroupSpec(new int[] {1}, new SortKey[] {SortKey.asc(3)}, true,
                FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(concat(Concat.class)));
        RowType outType = OverWindowOperatorTest.outputType(in, List.of(group));
        Object[][] first = {row(1, "a", "x", t(1)), row(2, "b", "y", t(1)), row(3, "a", "z", t(5))};
        Object[][] second = {row(4, "a", "w", t(6)), row(5, "b", "v", t(7))};
        long two = VectorValues.toEpochMillis(t(2));
        long ten = VectorValues.toEpochMillis(t(10));

        CollectingOutput before = new CollectingOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StreamingOverAggregateOperator op = new StreamingOverAggregateOperator(in, group, true, outType)) {
            op.open(TestBatches.context(allocator, 1024), before);
            op.processBatch(0, batch(allocator, in, first));
            op.processWatermark(0, two, before);
            StateWriter w = new StateWriter(bytes);
            op.snapshotState(w);
            w.flush();
        }
        CollectingOutput after = new CollectingOutput();
        try (StreamingOverAggregateOperator op = new StreamingOverAggregateOperator(in, group, true, outType)) {
            op.open(TestBatches.context(allocator, 1024), after);
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, batch(allocator, in, second));
            op.processWatermark(0, ten, after);
            op.endInput(0);
        }
        List<String> results = new ArrayList<>();
        for (List<Object> r : before.rows) {
            results.add(r.get(0) + ":" + r.get(4));
        }
        for (List<Object> r : after.rows) {
            results.add(r.get(0) + ":" + r.get(4));
        }
        // rows 1 and 2 fired before the checkpoint; row 3 was pending in it; rows 4 and 5 continue the restored
        // accumulators of their partitions
        assertEquals(List.of("1:x", "2:y", "3:x,z", "4:x,z,w", "5:y,v"), results);
        assertEquals(0, OPEN.get());
    }
}
