package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.LookupFunction;
import io.sluice.runtime.connector.LookupTableSource;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lookup join operator over an in-memory lookup table. */
class LookupJoinOperatorTest {
    private static final RowType L = rowType("lk", LogicalType.integer(), "lv", LogicalType.integer());
    /** The looked-up table: (name, id, w); the join keys on id and returns (id, w). */
    private static final RowType T = rowType("name", LogicalType.string(), "id", LogicalType.integer(),
            "w", LogicalType.integer());
    private static final List<Object[]> TABLE = List.of(new Object[] {"a", 1, 10}, new Object[] {"b", 2, 20},
            new Object[] {"b2", 2, 5});

    private final RootAllocator allocator = new RootAllocator();
    private final List<Integer> callSizes = new ArrayList<>();
    private boolean closed;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private final LookupTableSource source = keyFields -> new LookupFunction() {
        @Override
        public void open() {
        }

        @Override
        public List<List<Object[]>> lookup(List<Object[]> keys) {
            callSizes.add(keys.size());
            List<List<Object[]>> out = new ArrayList<>();
            for (Object[] k : keys) {
                List<Object[]> rows = new ArrayList<>();
                for (Object[] row : TABLE) {
                    if (k[0] != null && Objects.equals(row[keyFields[0]], k[0])) {
                        rows.add(row);
                    }
                }
                out.add(rows);
            }
            return out;
        }

        @Override
        public void close() {
            closed = true;
        }
    };

    private List<String> run(JoinType type, GeneratedClass<BatchPredicate> residual, int batchSize,
            Object... pairs) throws Exception {
        RowType out = rowType("lk", LogicalType.integer(), "lv", LogicalType.integer(), "id", LogicalType.integer(),
                "w", LogicalType.integer());
        LookupJoinOperator op = new LookupJoinOperator(type, L, T, new int[] {0}, new int[] {1}, new int[] {1, 2},
                source, residual, out);
        StreamingJoinOperatorTest.ChangelogOutput output = new StreamingJoinOperatorTest.ChangelogOutput();
        op.open(TestBatches.context(allocator, batchSize), output);
        int n = pairs.length / 2;
        RowBatch b = RowBatch.allocate(L, allocator, n);
        for (int i = 0; i < n; i++) {
            VectorValues.set(L.type(0), b.vector(0), i, pairs[2 * i]);
            VectorValues.set(L.type(1), b.vector(1), i, pairs[2 * i + 1]);
        }
        b.setRowCount(n);
        op.processBatch(0, b);
        op.endInput(0);
        op.close();
        assertTrue(closed, "lookup function closed");
        assertTrue(output.maxBatch <= batchSize, "batches of at most " + batchSize + " rows");
        return output.drain();
    }

    @Test
    void innerJoinEmitsEveryMatchAndLooksUpTheWholeBatchAtOnce() throws Exception {
        assertEquals(List.of("+I[1, 100, 1, 10]", "+I[2, 200, 2, 20]", "+I[2, 200, 2, 5]"),
                run(JoinType.INNER, null, 2, 1, 100, 2, 200, 3, 300, null, 400));
        assertEquals(List.of(4), callSizes);
    }

    @Test
    void leftJoinPadsRowsWithoutMatch() throws Exception {
        assertEquals(List.of("+I[1, 100, 1, 10]", "+I[3, 300, null, null]", "+I[null, 400, null, null]"),
                run(JoinType.LEFT, null, 8, 1, 100, 3, 300, null, 400));
    }

    @Test
    void residualConditionDecidesMatchesOfLeftJoin() throws Exception {
        // lv < w (pair columns 1 and 3): both table rows hold for (2, 4); none for (1, 100) and (2, 50)
        assertEquals(List.of("+I[1, 100, null, null]", "+I[2, 4, 2, 20]", "+I[2, 4, 2, 5]", "+I[2, 50, null, null]"),
                run(JoinType.LEFT, IntComparePredicate.lessThan(1, 3), 3, 1, 100, 2, 4, 2, 50));
    }
}
