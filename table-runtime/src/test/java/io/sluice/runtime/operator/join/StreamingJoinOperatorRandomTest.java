package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.keys.TestBatches.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Random changelogs on both inputs, interleaved in random batches: the streaming join's output,
 * applied as a changelog, must be a valid changelog (never retracting a row it did not emit) and end
 * equal to {@link HashJoinOperator}'s result on the rows each input still holds.
 */
class StreamingJoinOperatorRandomTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "x", LogicalType.integer());
    private static final RowType R = rowType("k", LogicalType.integer(), "y", LogicalType.integer());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Applies every emitted row to a multiset, failing on a retraction of a row not in it. */
    private static final class MaterializingOutput implements Output {
        final List<List<Object>> rows = new ArrayList<>();

        @Override
        public void emit(RowBatch b) {
            try (b) {
                for (int i = 0; i < b.rowCount(); i++) {
                    Row row = b.getRow(i);
                    List<Object> values = new ArrayList<>();
                    for (int c = 0; c < row.getArity(); c++) {
                        values.add(row.getField(c));
                    }
                    if (row.getKind().isAccumulate()) {
                        rows.add(values);
                    } else {
                        assertTrue(rows.remove(values), "retraction of a row never emitted: " + row);
                    }
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
        }
    }

    @Test
    void matchesTheBatchJoinOnTheFinalInputs() throws Exception {
        for (JoinType type : JoinType.values()) {
            for (boolean withResidual : new boolean[] {false, true}) {
                for (boolean nullSafe : new boolean[] {false, true}) {
                    for (int seed = 0; seed < 12; seed++) {
                        check(type, withResidual ? IntComparePredicate.lessThan(1, 3) : null, nullSafe,
                                new Random(seed * 31L + type.ordinal()), 10 + seed * 3, 4, 3);
                    }
                }
            }
        }
    }

    /** Long runs with many keys and many retractions, so that both sides' state gets compacted. */
    @Test
    void longRunsWithManyRetractions() throws Exception {
        for (JoinType type : JoinType.values()) {
            check(type, IntComparePredicate.lessThan(1, 3), false, new Random(type.ordinal()), 3000, 300, 2);
        }
    }

    /**
     * Runs {@code steps} random batches: keys in {@code [0, keys)} or NULL, each row a retraction of
     * a held row with probability {@code 1/retractOneIn}.
     */
    private void check(JoinType type, GeneratedClass<BatchPredicate> residual, boolean nullSafe, Random random,
            int steps, int keys, int retractOneIn) throws Exception {
        boolean[] nullSafeKeys = {nullSafe};
        List<List<Object[]>> held = List.of(new ArrayList<>(), new ArrayList<>());
        RowType[] types = {L, R};
        MaterializingOutput out = new MaterializingOutput();
        int batchSize = 1 + random.nextInt(8);
        try (StreamingJoinOperator op = new StreamingJoinOperator(type, L, R, new int[] {0}, new int[] {0},
                nullSafeKeys, residual, outputType(type, L, R))) {
            op.open(TestBatches.context(allocator, batchSize), out);
            for (int s = 0; s < steps; s++) {
                int input = random.nextInt(2);
                int rows = 1 + random.nextInt(6);
                RowKind[] kinds = new RowKind[rows];
                Object[][] values = new Object[rows][];
                List<Object[]> side = held.get(input);
                for (int i = 0; i < rows; i++) {
                    boolean retract = !side.isEmpty() && random.nextInt(retractOneIn) == 0;
                    if (retract) {
                        Object[] victim = side.remove(random.nextInt(side.size()));
                        kinds[i] = random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE;
                        values[i] = victim;
                    } else if (random.nextInt(10) == 0) {
                        kinds[i] = RowKind.DELETE; // a row never inserted: ignored
                        values[i] = new Object[] {1, 1000};
                    } else {
                        Object key = random.nextInt(6) == 0 ? null : random.nextInt(keys);
                        values[i] = new Object[] {key, random.nextInt(5)};
                        kinds[i] = random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER;
                        side.add(values[i]);
                    }
                }
                op.processBatch(input, changelog(types[input], kinds, values));
            }
        }
        List<List<Object>> expected = batchJoin(type, residual, nullSafeKeys, held.get(0), held.get(1));
        assertEquals(expected, sorted(out.rows), type + " residual=" + (residual != null) + " nullSafe=" + nullSafe);
    }

    private List<List<Object>> batchJoin(JoinType type, GeneratedClass<BatchPredicate> residual, boolean[] nullSafe,
            List<Object[]> left, List<Object[]> right) throws Exception {
        HashJoinOperator op = new HashJoinOperator(type, L, R, new int[] {0}, new int[] {0}, nullSafe, residual,
                outputType(type, L, R));
        CollectingOutput out = JoinTestSupport.run(allocator, op, 100, L, batches(left), R, batches(right), false);
        return sorted(out.rows);
    }

    private static List<Object[][]> batches(List<Object[]> rows) {
        return rows.isEmpty() ? List.of() : List.<Object[][]>of(rows.toArray(new Object[0][]));
    }

    private RowBatch changelog(RowType type, RowKind[] kinds, Object[][] rows) {
        RowBatch b = batch(allocator, type, rows);
        TinyIntVector k = new TinyIntVector("$row_kind", allocator);
        k.allocateNew(rows.length);
        for (int i = 0; i < rows.length; i++) {
            k.set(i, kinds[i].toByteValue());
        }
        k.setValueCount(rows.length);
        b.setRowKinds(k);
        return b;
    }
}
