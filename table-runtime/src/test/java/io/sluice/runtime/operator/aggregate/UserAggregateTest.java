package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.functions.FunctionContext;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * User-defined aggregates in hash and streaming group aggregation, through hand-written invokers shaped like
 * the generated ones: NULL arguments, several arguments, open/close, retraction and checkpoints of
 * accumulator objects.
 */
class UserAggregateTest {
    private static final RowType IN = rowType("k", LogicalType.string(), "v", LogicalType.bigint(),
            "w", LogicalType.integer());
    /** What the invokers' function instances saw: "open:<batch size>", "close". */
    static final List<String> EVENTS = new ArrayList<>();

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        EVENTS.clear();
        allocator.close();
    }

    /** A POJO accumulator that is not Serializable. */
    public static final class SumAcc {
        private long sum;
        private long nullWeights;
        private int rows;
    }

    /**
     * sum(v * w) (NULL when no row counted) and, as a second result form, the number of NULL weights: a row with
     * a NULL v (a "primitive" parameter) is skipped; a NULL w (a "boxed" parameter) is passed on and counted.
     */
    public static class SumInvoker implements UserAggregateInvoker {
        final boolean countNulls;

        public SumInvoker(Object[] references) {
            this.countNulls = (Boolean) references[0];
        }

        @Override
        public void openFunctions(FunctionContext context) {
            EVENTS.add("open:" + context.getJobParameter("table.exec.batch-size", "?"));
        }

        @Override
        public void closeFunctions() {
            EVENTS.add("close");
        }

        @Override
        public Object createAccumulator() {
            return new SumAcc();
        }

        @Override
        public void accumulate(Object acc, FieldVector[] args, int row) {
            fold((SumAcc) acc, args, row, 1);
        }

        @Override
        public void accumulateBatch(Object[] accs, int[] groupIds, FieldVector[] args, int rows) {
            for (int i = 0; i < rows; i++) {
                if (groupIds[i] >= 0) {
                    fold((SumAcc) accs[groupIds[i]], args, i, 1);
                }
            }
        }

        private static void fold(SumAcc acc, FieldVector[] args, int row, int sign) {
            BigIntVector v = (BigIntVector) args[0];
            IntVector w = (IntVector) args[1];
            if (v.isNull(row)) {
                return;
            }
            Integer weight = w.isNull(row) ? null : w.get(row);
            if (weight == null) {
                acc.nullWeights += sign;
            } else {
                acc.sum += sign * v.get(row) * weight;
            }
            acc.rows += sign;
        }

        @Override
        public boolean canRetract() {
            return true;
        }

        @Override
        public void retract(Object acc, FieldVector[] args, int row) {
            fold((SumAcc) acc, args, row, -1);
        }

        @Override
        public Object getValue(Object acc) {
            SumAcc a = (SumAcc) acc;
            if (countNulls) {
                return a.nullWeights;
            }
            return a.rows == 0 ? null : a.sum;
        }

        @Override
        public String functionDescription() {
            return "test_sum (SumInvoker)";
        }
    }

    /** Like {@link SumInvoker} without a retract method. */
    public static final class NoRetractInvoker extends SumInvoker {
        public NoRetractInvoker(Object[] references) {
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

    /** An accumulator that is neither Serializable nor a POJO (no no-argument constructor). */
    public static final class OpaqueAcc {
        OpaqueAcc(int unused) {
        }
    }

    /** Keeps {@link OpaqueAcc} accumulators. */
    public static final class OpaqueInvoker extends SumInvoker {
        public OpaqueInvoker(Object[] references) {
            super(references);
        }

        @Override
        public Object createAccumulator() {
            return new OpaqueAcc(0);
        }

        @Override
        public void accumulateBatch(Object[] accs, int[] groupIds, FieldVector[] args, int rows) {
        }

        @Override
        public Object getValue(Object acc) {
            return null;
        }
    }

    private static AggregateSpec udaf(Class<?> invoker, boolean countNulls, int filterField) {
        GeneratedClass<UserAggregateInvoker> generated = new GeneratedClass<>(invoker.getSimpleName(), "// test",
                invoker, new Object[] {countNulls});
        return AggregateSpec.userDefined(new int[] {1, 2}, false, filterField, LogicalType.bigint(),
                countNulls ? "nulls" : "total", generated);
    }

    private static RowType outputType(int aggregates) {
        List<String> names = new ArrayList<>(List.of("k"));
        List<LogicalType> types = new ArrayList<>(List.of(LogicalType.string()));
        for (int k = 0; k < aggregates; k++) {
            names.add("a" + k);
            types.add(LogicalType.bigint());
        }
        return new RowType(names, types);
    }

    private HashAggregateOperator hash(List<AggregateSpec> specs, CollectingOutput out) throws Exception {
        HashAggregateOperator op = new HashAggregateOperator(IN, new int[] {0}, specs, outputType(specs.size()));
        op.open(TestBatches.context(allocator, 64), out);
        return op;
    }

    private GroupAggregateOperator group(List<AggregateSpec> specs, Output out) throws Exception {
        GroupAggregateOperator op = new GroupAggregateOperator(IN, new int[] {0}, specs, outputType(specs.size()));
        op.open(TestBatches.context(allocator, 64), out);
        return op;
    }

    @Test
    void batchAggregationFoldsSeveralArgumentsPerGroupWithNullSemantics() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (HashAggregateOperator op = hash(List.of(udaf(SumInvoker.class, false, -1),
                udaf(SumInvoker.class, true, -1)), out)) {
            assertEquals(List.of("open:64", "open:64"), EVENTS);
            op.processBatch(0, batch(allocator, IN, row("a", 2L, 3), row("b", null, 5), row("a", 4L, null)));
            op.processBatch(0, batch(allocator, IN, row("a", 1L, 10), row("c", 7L, 1)));
            op.endInput(0);
            assertEquals(List.of("open:64", "open:64", "close", "close"), EVENTS, "closed when results are out");
        }
        assertEquals(List.of(list("a", 16L, 1L), list("b", null, 0L), list("c", 7L, 0L)),
                TestBatches.sorted(out.rows));
        assertEquals(4, EVENTS.size(), "close() does not close the functions twice");
    }

    @Test
    void aGlobalAggregateOverNoRowsIsTheValueOfAFreshAccumulator() throws Exception {
        CollectingOutput out = new CollectingOutput();
        RowType output = rowType("a0", LogicalType.bigint(), "a1", LogicalType.bigint());
        try (HashAggregateOperator op = new HashAggregateOperator(IN, new int[0],
                List.of(udaf(SumInvoker.class, false, -1), udaf(SumInvoker.class, true, -1)), output)) {
            op.open(TestBatches.context(allocator, 64), out);
            op.endInput(0);
        }
        assertEquals(List.of(list(null, 0L)), out.rows);
    }

    @Test
    void accumulatorsSurviveACheckpointAsPojos() throws Exception {
        List<AggregateSpec> specs = List.of(udaf(SumInvoker.class, false, -1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HashAggregateOperator op = hash(specs, new CollectingOutput())) {
            op.processBatch(0, batch(allocator, IN, row("a", 2L, 3), row("b", 1L, 1)));
            op.snapshotState(new StateWriter(bytes));
        }
        CollectingOutput out = new CollectingOutput();
        try (HashAggregateOperator op = hash(specs, out)) {
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, batch(allocator, IN, row("a", 1L, 4), row("c", 5L, 5)));
            op.endInput(0);
        }
        assertEquals(List.of(list("a", 10L), list("b", 1L), list("c", 25L)), TestBatches.sorted(out.rows));
    }

    @Test
    void anAccumulatorThatCannotBeSerializedFailsTheCheckpointClearly() throws Exception {
        try (HashAggregateOperator op = hash(List.of(udaf(OpaqueInvoker.class, false, -1)), new CollectingOutput())) {
            op.processBatch(0, batch(allocator, IN, row("a", 2L, 3)));
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                    () -> op.snapshotState(new StateWriter(new ByteArrayOutputStream())));
            assertTrue(e.getMessage().startsWith("not supported yet: checkpointing the accumulator of user-defined"
                    + " aggregate function test_sum (SumInvoker)"), e.getMessage());
            assertTrue(e.getMessage().contains(OpaqueAcc.class.getName()), e.getMessage());
        }
    }

    private RowBatch changelog(RowKind[] kinds, Object[]... rows) {
        return TestBatches.changelog(allocator, IN, kinds, rows);
    }

    /** Collects emitted rows as {@code +I[k, v]} strings. */
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

    @Test
    void streamingAggregationRetractsAndDeletesEmptyGroups() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        RowKind i = RowKind.INSERT;
        try (GroupAggregateOperator op = group(List.of(udaf(SumInvoker.class, false, -1)), out)) {
            op.processBatch(0, changelog(new RowKind[] {i, i, i, RowKind.UPDATE_BEFORE, RowKind.DELETE},
                    row("a", 2L, 3), row("a", null, 1), row("a", 1L, 1), row("a", 2L, 3), row("a", 1L, 1)));
            op.processBatch(0, batch(allocator, IN, row("a", 5L, 1)));
        }
        // the row with a NULL v is skipped by the function but still counts for the group, so the group lives on
        assertEquals(List.of("+I[a, 6]", "-U[a, 6]", "+U[a, 7]", "-U[a, 7]", "+U[a, 1]", "-U[a, 1]", "+U[a, null]",
                "-U[a, null]", "+U[a, 5]"), out.changes);
        assertEquals(List.of("open:64", "close"), EVENTS);
    }

    @Test
    void streamingStateIsCheckpointed() throws Exception {
        List<AggregateSpec> specs = List.of(udaf(SumInvoker.class, false, -1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GroupAggregateOperator op = group(specs, new CollectingOutput())) {
            op.processBatch(0, batch(allocator, IN, row("a", 2L, 3), row("b", 1L, 1)));
            op.snapshotState(new StateWriter(bytes));
        }
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = group(specs, out)) {
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, changelog(new RowKind[] {RowKind.INSERT, RowKind.DELETE}, row("a", 1L, 4),
                    row("b", 1L, 1)));
        }
        assertEquals(List.of("-U[a, 6]", "+U[a, 10]", "-D[b, 1]"), out.changes);
    }

    @Test
    void retractionWithoutARetractMethodFailsClearly() throws Exception {
        try (GroupAggregateOperator op = group(List.of(udaf(NoRetractInvoker.class, false, -1)),
                new CollectingOutput())) {
            op.processBatch(0, batch(allocator, IN, row("a", 2L, 3)));
            TableException e = assertThrows(TableException.class, () -> op.processBatch(0,
                    changelog(new RowKind[] {RowKind.UPDATE_BEFORE}, row("a", 2L, 3))));
            assertTrue(e.getMessage().contains("test_sum (SumInvoker) has no retract method"), e.getMessage());
        }
    }

    @Test
    void filterColumnLimitsTheRowsAUserAggregateSees() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.bigint(), "w", LogicalType.integer(),
                "f", LogicalType.booleanType());
        CollectingOutput out = new CollectingOutput();
        try (HashAggregateOperator op = new HashAggregateOperator(in, new int[] {0},
                List.of(udaf(SumInvoker.class, false, 3)), outputType(1))) {
            op.open(TestBatches.context(allocator, 64), out);
            op.processBatch(0, batch(allocator, in, row("a", 2L, 3, true), row("a", 5L, 5, false),
                    row("a", 1L, 1, null)));
            op.endInput(0);
        }
        assertEquals(List.of(list("a", 6L)), out.rows);
    }
}
