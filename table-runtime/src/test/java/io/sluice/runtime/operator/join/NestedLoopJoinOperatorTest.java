package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.keys.TestBatches.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NestedLoopJoinOperatorTest {
    private static final RowType L = rowType("a", LogicalType.integer(), "n", LogicalType.string());
    private static final RowType R = rowType("b", LogicalType.integer(), "flag", LogicalType.booleanType());
    private static final List<Object[][]> LEFT = List.of(new Object[][] {row(1, "one"), row(2, "two")},
            new Object[][] {row(null, "null"), row(5, "five")});
    private static final List<Object[][]> RIGHT = List.of(new Object[][] {row(2, true), row(3, false)},
            new Object[][] {row(null, null)});
    /** a < b over the candidate batch: left column 0, right column 0 (index 2). */
    private static final GeneratedClass<BatchPredicate> A_LESS_THAN_B = IntComparePredicate.lessThan(0, 2);

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private List<List<Object>> join(JoinType type, GeneratedClass<BatchPredicate> cond, List<Object[][]> left,
            List<Object[][]> right, int batchSize) throws Exception {
        List<List<Object>> result = null;
        for (boolean leftFirst : new boolean[] {false, true}) {
            NestedLoopJoinOperator op = new NestedLoopJoinOperator(type, L, R, cond, outputType(type, L, R));
            CollectingOutput out = JoinTestSupport.run(allocator, op, batchSize, L, left, R, right, leftFirst);
            List<List<Object>> rows = sorted(out.rows);
            if (result != null) {
                assertEquals(result, rows, "result depends on input order");
            }
            result = rows;
        }
        return result;
    }

    private static final List<List<Object>> INNER = List.of(list(1, "one", 2, true), list(1, "one", 3, false),
            list(2, "two", 3, false));

    @Test
    void everyJoinTypeWithACondition() throws Exception {
        assertEquals(sorted(INNER), join(JoinType.INNER, A_LESS_THAN_B, LEFT, RIGHT, 2));
        List<List<Object>> left = new ArrayList<>(INNER);
        left.add(list(null, "null", null, null));
        left.add(list(5, "five", null, null));
        assertEquals(sorted(left), join(JoinType.LEFT, A_LESS_THAN_B, LEFT, RIGHT, 3));
        List<List<Object>> right = new ArrayList<>(INNER);
        right.add(list(null, null, null, null));
        assertEquals(sorted(right), join(JoinType.RIGHT, A_LESS_THAN_B, LEFT, RIGHT, 100));
        List<List<Object>> full = new ArrayList<>(left);
        full.add(list(null, null, null, null));
        assertEquals(sorted(full), join(JoinType.FULL, A_LESS_THAN_B, LEFT, RIGHT, 1));
        assertEquals(sorted(List.of(list(1, "one"), list(2, "two"))), join(JoinType.SEMI, A_LESS_THAN_B, LEFT, RIGHT, 1));
        assertEquals(sorted(List.of(list(null, "null"), list(5, "five"))),
                join(JoinType.ANTI, A_LESS_THAN_B, LEFT, RIGHT, 2));
    }

    @Test
    void crossJoinWithoutCondition() throws Exception {
        List<List<Object>> rows = join(JoinType.INNER, null, LEFT, RIGHT, 5);
        assertEquals(12, rows.size());
        assertEquals(sorted(List.of(list(1, "one"), list(2, "two"), list(null, "null"), list(5, "five"))),
                join(JoinType.SEMI, null, LEFT, RIGHT, 5));
        assertEquals(List.of(), join(JoinType.ANTI, null, LEFT, RIGHT, 5));
    }

    @Test
    void emptySides() throws Exception {
        List<Object[][]> none = List.of();
        assertEquals(List.of(), join(JoinType.INNER, null, LEFT, none, 5));
        assertEquals(4, join(JoinType.ANTI, null, LEFT, none, 5).size());
        assertEquals(4, join(JoinType.LEFT, A_LESS_THAN_B, LEFT, none, 5).size());
        assertEquals(sorted(List.of(list(null, null, 2, true), list(null, null, 3, false), list(null, null, null, null))),
                join(JoinType.RIGHT, A_LESS_THAN_B, none, RIGHT, 5));
    }
}
