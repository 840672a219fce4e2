package io.sluice.runtime.operator.calc;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.batch;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.sort.OperatorTestSupport;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.RowKind;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CalcOperatorTest {
    private final RootAllocator allocator = new RootAllocator();
    private final RowType input = rowType("a", LogicalType.integer(), "s", LogicalType.string());
    private final RowType output = rowType("a2", LogicalType.bigint(), "s", LogicalType.string());

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Hand-written kernel: {@code SELECT a * 2, s WHERE a > threshold} (threshold from references). */
    public static final class DoubleWhereGreater implements BatchCalc {
        private final int threshold;

        public DoubleWhereGreater(Object[] references) {
            this.threshold = (Integer) references[0];
        }

        @Override
        public int process(VectorSchemaRoot in, int rowCount, ValueVector[] outputs) {
            IntVector a = (IntVector) in.getVector(0);
            VarCharVector s = (VarCharVector) in.getVector(1);
            BigIntVector outA = (BigIntVector) outputs[0];
            VarCharVector outS = (VarCharVector) outputs[1];
            int n = 0;
            for (int i = 0; i < rowCount; i++) {
                if (a.isNull(i) || a.get(i) <= threshold) {
                    continue;
                }
                outA.set(n, a.get(i) * 2L);
                if (s.isNull(i)) {
                    outS.setNull(n);
                } else {
                    outS.setSafe(n, s.get(i));
                }
                n++;
            }
            return n;
        }
    }

    private CalcOperator operator(int threshold) {
        GeneratedClass<BatchCalc> calc = new GeneratedClass<>("DoubleWhereGreater", "// hand-written",
                DoubleWhereGreater.class, new Object[] {threshold});
        return new CalcOperator(calc, output);
    }

    @Test
    void filtersProjectsAndSkipsEmptyResults() throws Exception {
        List<RowBatch> in = List.of(
                batch(allocator, input, row(1, "x"), row(5, "y"), row(null, "z"), row(7, null)),
                batch(allocator, input, row(0, "none")),
                batch(allocator, input));
        var out = OperatorTestSupport.run(operator(2), allocator, 100, in);
        assertEquals(List.of(List.of(10L, "y"), java.util.Arrays.asList(14L, null)), out.rows);
        assertEquals(List.of(2), out.batchSizes); // the batches with no surviving row are not emitted
        assertEquals(output, out.batchTypes.get(0));
    }

    @Test
    void carriesRowKindsThroughAPureProjection() throws Exception {
        RowBatch b = batch(allocator, input, row(5, "a"), row(6, "b"));
        TinyIntVector kinds = new TinyIntVector("kinds", allocator);
        kinds.allocateNew(2);
        kinds.set(0, RowKind.UPDATE_BEFORE.toByteValue());
        kinds.set(1, RowKind.UPDATE_AFTER.toByteValue());
        kinds.setValueCount(2);
        b.setRowKinds(kinds);
        var out = OperatorTestSupport.run(operator(0), allocator, 100, List.of(b));
        assertEquals(List.of("-U", "+U"), out.rowKinds);
    }

    /** Hand-written predicate {@code a > threshold}, the condition of {@link DoubleWhereGreater}. */
    public static final class Greater implements io.sluice.runtime.generated.BatchPredicate {
        private final int threshold;

        public Greater(Object[] references) {
            this.threshold = (Integer) references[0];
        }

        @Override
        public int filter(VectorSchemaRoot in, int rowCount, int[] selection) {
            IntVector a = (IntVector) in.getVector(0);
            int n = 0;
            for (int i = 0; i < rowCount; i++) {
                if (!a.isNull(i) && a.get(i) > threshold) {
                    selection[n++] = i;
                }
            }
            return n;
        }
    }

    @Test
    void filteringAChangelogKeepsTheKindsOfTheKeptRows() throws Exception {
        RowBatch b = batch(allocator, input, row(5, "a"), row(1, "b"), row(7, "c"));
        TinyIntVector kinds = new TinyIntVector("kinds", allocator);
        kinds.allocateNew(3);
        kinds.set(0, RowKind.DELETE.toByteValue());
        kinds.set(1, RowKind.INSERT.toByteValue());
        kinds.set(2, RowKind.UPDATE_AFTER.toByteValue());
        kinds.setValueCount(3);
        b.setRowKinds(kinds);
        GeneratedClass<io.sluice.runtime.generated.BatchPredicate> predicate =
                new GeneratedClass<>("Greater", "", Greater.class, new Object[] {2});
        CalcOperator op = new CalcOperator(new GeneratedClass<>("DoubleWhereGreater", "", DoubleWhereGreater.class,
                new Object[] {2}), predicate, output);
        var out = OperatorTestSupport.run(op, allocator, 100, List.of(b));
        assertEquals(List.of("-D", "+U"), out.rowKinds);
    }

    @Test
    void filteringAChangelogWithoutItsConditionIsRejected() {
        RowBatch b = batch(allocator, input, row(5, "a"), row(1, "b"));
        TinyIntVector kinds = new TinyIntVector("kinds", allocator);
        kinds.allocateNew(2);
        kinds.set(0, RowKind.DELETE.toByteValue());
        kinds.set(1, RowKind.INSERT.toByteValue());
        kinds.setValueCount(2);
        b.setRowKinds(kinds);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> OperatorTestSupport.run(operator(2), allocator, 100, List.of(b)));
        assertEquals("not supported yet: filtering Calc over an updating (changelog) input without its condition"
                + " as a row-kind filter", e.getMessage());
    }
}
