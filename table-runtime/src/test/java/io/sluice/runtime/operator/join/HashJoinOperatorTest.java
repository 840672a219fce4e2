package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.keys.TestBatches.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashJoinOperatorTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "lv", LogicalType.string());
    private static final RowType R = rowType("k", LogicalType.integer(), "rv", LogicalType.string());
    private static final List<Object[][]> LEFT = List.of(
            new Object[][] {row(1, "a"), row(2, "b")},
            new Object[][] {row(2, "c"), row(null, "d"), row(4, "e")});
    private static final List<Object[][]> RIGHT = List.of(
            new Object[][] {row(2, "x"), row(null, "w")},
            new Object[][] {row(2, "y"), row(3, "z")});

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private List<List<Object>> join(JoinType type, RowType l, RowType r, int[] lk, int[] rk, boolean[] nullSafe,
            GeneratedClass<BatchPredicate> cond, List<Object[][]> left, List<Object[][]> right, int batchSize)
            throws Exception {
        List<List<Object>> result = null;
        for (boolean leftFirst : new boolean[] {false, true}) {
            HashJoinOperator op = new HashJoinOperator(type, l, r, lk, rk, nullSafe, cond, outputType(type, l, r));
            CollectingOutput out = JoinTestSupport.run(allocator, op, batchSize, l, left, r, right, leftFirst);
            List<List<Object>> rows = sorted(out.rows);
            if (result != null) {
                assertEquals(result, rows, "result depends on input order");
            }
            result = rows;
        }
        return result;
    }

    private List<List<Object>> join(JoinType type) throws Exception {
        return join(type, L, R, new int[] {0}, new int[] {0}, new boolean[] {false}, null, LEFT, RIGHT, 100);
    }

    @Test
    void innerJoinPairsDuplicatesAndSkipsNullKeys() throws Exception {
        assertEquals(sorted(List.of(list(2, "b", 2, "x"), list(2, "b", 2, "y"), list(2, "c", 2, "x"),
                list(2, "c", 2, "y"))), join(JoinType.INNER));
    }

    @Test
    void leftJoinPadsUnmatchedLeftRows() throws Exception {
        assertEquals(sorted(List.of(list(2, "b", 2, "x"), list(2, "b", 2, "y"), list(2, "c", 2, "x"),
                list(2, "c", 2, "y"), list(1, "a", null, null), list(null, "d", null, null),
                list(4, "e", null, null))), join(JoinType.LEFT));
    }

    @Test
    void rightJoinPadsUnmatchedRightRowsIncludingNullKeys() throws Exception {
        assertEquals(sorted(List.of(list(2, "b", 2, "x"), list(2, "b", 2, "y"), list(2, "c", 2, "x"),
                list(2, "c", 2, "y"), list(null, null, 3, "z"), list(null, null, null, "w"))), join(JoinType.RIGHT));
    }

    @Test
    void fullJoinPadsBothSides() throws Exception {
        assertEquals(sorted(List.of(list(2, "b", 2, "x"), list(2, "b", 2, "y"), list(2, "c", 2, "x"),
                list(2, "c", 2, "y"), list(1, "a", null, null), list(null, "d", null, null),
                list(4, "e", null, null), list(null, null, 3, "z"), list(null, null, null, "w"))),
                join(JoinType.FULL));
    }

    @Test
    void semiJoinEmitsEachMatchingLeftRowOnce() throws Exception {
        assertEquals(sorted(List.of(list(2, "b"), list(2, "c"))), join(JoinType.SEMI));
    }

    @Test
    void antiJoinHasNotExistsSemanticsForNullKeys() throws Exception {
        assertEquals(sorted(List.of(list(1, "a"), list(null, "d"), list(4, "e"))), join(JoinType.ANTI));
    }

    @Test
    void nullSafeKeysMatchNullWithNull() throws Exception {
        List<List<Object>> rows = join(JoinType.INNER, L, R, new int[] {0}, new int[] {0}, new boolean[] {true},
                null, LEFT, RIGHT, 100);
        assertEquals(sorted(List.of(list(2, "b", 2, "x"), list(2, "b", 2, "y"), list(2, "c", 2, "x"),
                list(2, "c", 2, "y"), list(null, "d", null, "w"))), rows);
        assertEquals(sorted(List.of(list(1, "a"), list(4, "e"))), join(JoinType.ANTI, L, R, new int[] {0},
                new int[] {0}, new boolean[] {true}, null, LEFT, RIGHT, 100));
    }

    @Test
    void emptySides() throws Exception {
        List<Object[][]> none = List.of();
        List<Object[][]> emptyBatch = List.<Object[][]>of(new Object[0][]);
        int[] k = {0};
        boolean[] ns = {false};
        assertEquals(List.of(), join(JoinType.INNER, L, R, k, k, ns, null, LEFT, none, 10));
        assertEquals(5, join(JoinType.LEFT, L, R, k, k, ns, null, LEFT, emptyBatch, 10).size());
        assertEquals(List.of(), join(JoinType.SEMI, L, R, k, k, ns, null, LEFT, none, 10));
        assertEquals(5, join(JoinType.ANTI, L, R, k, k, ns, null, LEFT, none, 10).size());
        assertEquals(sorted(List.of(list(null, null, 2, "x"), list(null, null, null, "w"), list(null, null, 2, "y"),
                list(null, null, 3, "z"))), join(JoinType.FULL, L, R, k, k, ns, null, emptyBatch, RIGHT, 10));
        assertEquals(List.of(), join(JoinType.LEFT, L, R, k, k, ns, null, none, RIGHT, 10));
        assertEquals(List.of(), join(JoinType.FULL, L, R, k, k, ns, null, none, none, 10));
    }

    @Test
    void multiColumnKeysOfDifferentTypes() throws Exception {
        RowType l = rowType("a", LogicalType.string(), "b", LogicalType.bigint(), "id", LogicalType.integer());
        RowType r = rowType("b", LogicalType.bigint(), "a", LogicalType.string().notNull(), "rid", LogicalType.integer());
        List<Object[][]> left = List.<Object[][]>of(new Object[][] {row("x", 1L, 1), row("x", 2L, 2), row("y", 1L, 3),
            row("x", null, 4), row(null, 1L, 5)});
        List<Object[][]> right = List.<Object[][]>of(new Object[][] {row(1L, "x", 10), row(1L, "y", 11), row(2L, "y", 12),
            row(1L, "x", 13)});
        List<List<Object>> rows = join(JoinType.INNER, l, r, new int[] {0, 1}, new int[] {1, 0},
                new boolean[] {false, false}, null, left, right, 100);
        assertEquals(sorted(List.of(list("x", 1L, 1, 1L, "x", 10), list("x", 1L, 1, 1L, "x", 13),
                list("y", 1L, 3, 1L, "y", 11))), rows);
    }

    @Test
    void residualConditionOnOuterJoinsPadsRowsWhoseMatchesAllFail() throws Exception {
        RowType l = rowType("k", LogicalType.integer(), "lv", LogicalType.integer());
        RowType r = rowType("k", LogicalType.integer(), "rv", LogicalType.integer());
        List<Object[][]> left = List.<Object[][]>of(new Object[][] {row(1, 10), row(1, 50), row(2, 5), row(1, null)});
        List<Object[][]> right = List.<Object[][]>of(new Object[][] {row(1, 20), row(1, 30), row(3, 0)});
        GeneratedClass<BatchPredicate> lvLessThanRv = IntComparePredicate.lessThan(1, 3);
        int[] k = {0};
        boolean[] ns = {false};
        List<List<Object>> inner = List.of(list(1, 10, 1, 20), list(1, 10, 1, 30));
        assertEquals(sorted(inner), join(JoinType.INNER, l, r, k, k, ns, lvLessThanRv, left, right, 100));
        List<List<Object>> leftRows = new ArrayList<>(inner);
        leftRows.addAll(List.of(list(1, 50, null, null), list(2, 5, null, null), list(1, null, null, null)));
        assertEquals(sorted(leftRows), join(JoinType.LEFT, l, r, k, k, ns, lvLessThanRv, left, right, 100));
        List<List<Object>> rightRows = new ArrayList<>(inner);
        rightRows.add(list(null, null, 3, 0));
        assertEquals(sorted(rightRows), join(JoinType.RIGHT, l, r, k, k, ns, lvLessThanRv, left, right, 100));
        List<List<Object>> full = new ArrayList<>(leftRows);
        full.add(list(null, null, 3, 0));
        assertEquals(sorted(full), join(JoinType.FULL, l, r, k, k, ns, lvLessThanRv, left, right, 1));
        assertEquals(List.of(list(1, 10)), join(JoinType.SEMI, l, r, k, k, ns, lvLessThanRv, left, right, 100));
        assertEquals(sorted(List.of(list(1, 50), list(2, 5), list(1, null))),
                join(JoinType.ANTI, l, r, k, k, ns, lvLessThanRv, left, right, 1));
        // a right row that matches a key but fails the residual for every left row is padded by RIGHT
        List<Object[][]> right2 = List.<Object[][]>of(new Object[][] {row(1, 20), row(1, 1)});
        assertEquals(sorted(List.of(list(1, 10, 1, 20), list(null, null, 1, 1))),
                join(JoinType.RIGHT, l, r, k, k, ns, lvLessThanRv, left, right2, 100));
    }

    @Test
    void largeFanOutIsEmittedInBoundedBatches() throws Exception {
        RowType l = rowType("k", LogicalType.integer(), "i", LogicalType.integer());
        RowType r = rowType("k", LogicalType.integer(), "j", LogicalType.string());
        List<Object[][]> left = new ArrayList<>();
        List<Object[][]> right = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            Object[][] lb = new Object[100][];
            Object[][] rb = new Object[100][];
            for (int i = 0; i < 100; i++) {
                lb[i] = row(i % 10, b * 100 + i);
                rb[i] = row(i % 20, "r" + (b * 100 + i));
            }
            left.add(lb);
            right.add(rb);
        }
        for (int batchSize : new int[] {7, 64, 1024}) {
            HashJoinOperator op = new HashJoinOperator(JoinType.FULL, l, r, new int[] {0}, new int[] {0},
                    new boolean[] {false}, null, outputType(JoinType.FULL, l, r));
            CollectingOutput out = JoinTestSupport.run(allocator, op, batchSize, l, left, r, right, false);
            // 500 left rows, each key 0..9 matches 25 right rows; right keys 10..19 (250 rows) unmatched
            assertEquals(500 * 25 + 250, out.rows.size());
            assertEquals(batchSize, out.maxBatchSize());
        }
    }

    @Test
    void rejectsKeysOfDifferentPhysicalTypes() {
        RowType l = rowType("k", LogicalType.integer());
        RowType r = rowType("k", LogicalType.bigint());
        assertThrows(IllegalArgumentException.class, () -> new HashJoinOperator(JoinType.INNER, l, r,
                new int[] {0}, new int[] {0}, new boolean[] {false}, null, outputType(JoinType.INNER, l, r)));
    }

    @Test
    void closingMidwayReleasesBufferedBatchesAndBuildSide() throws Exception {
        HashJoinOperator op = new HashJoinOperator(JoinType.INNER, L, R, new int[] {0}, new int[] {0},
                new boolean[] {false}, null, outputType(JoinType.INNER, L, R));
        op.open(TestBatches.context(allocator, 10), new CollectingOutput());
        op.processBatch(1, batch(allocator, R, RIGHT.get(0)));
        op.processBatch(0, batch(allocator, L, LEFT.get(0)));
        op.close();
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void forwardsTheCombinedWatermarkTheExecutorHandsIn() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (HashJoinOperator op = new HashJoinOperator(JoinType.INNER, L, R, new int[] {0}, new int[] {0},
                new boolean[] {false}, null, outputType(JoinType.INNER, L, R))) {
            op.open(TestBatches.context(allocator, 10), out);
            op.processWatermark(1, 3, out); // already the minimum over both inputs
            op.processWatermark(0, 5, out);
            op.processWatermark(1, 5, out);
            op.processWatermark(0, 10, out);
        }
        assertEquals(List.of(3L, 5L, 10L), out.watermarks);
    }
}
