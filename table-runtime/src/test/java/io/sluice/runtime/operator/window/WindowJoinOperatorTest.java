package io.sluice.runtime.operator.window;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.keys.TestBatches.sorted;
import static io.sluice.runtime.operator.window.WindowTestTimes.millis;
import static io.sluice.runtime.operator.window.WindowTestTimes.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.join.IntComparePredicate;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WindowJoinOperatorTest {
    /** Both sides: key, value, window_end. */
    private static final RowType SIDE = rowType("k", LogicalType.string(), "v", LogicalType.integer(),
            "we", LogicalType.timestamp(3));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static RowType output(JoinType type) {
        List<String> names = new ArrayList<>(SIDE.names());
        List<LogicalType> types = new ArrayList<>();
        for (LogicalType t : SIDE.types()) {
            types.add(t.copy(true));
        }
        if (type.emitsPairs()) {
            for (int c = 0; c < SIDE.size(); c++) {
                names.add("r_" + SIDE.name(c));
                types.add(SIDE.type(c).copy(true));
            }
        }
        return new RowType(names, types);
    }

    private WindowJoinOperator keyed(JoinType type, GeneratedClass<BatchPredicate> residual) {
        return new WindowJoinOperator(type, SIDE, SIDE, new int[] {0}, new int[] {0}, new boolean[] {false}, 2, 2,
                residual, output(type));
    }

    @Test
    void innerJoinFiresWhenTheCombinedWatermarkReachesTheWindowEndAndDropsItsState() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (WindowJoinOperator op = keyed(JoinType.INNER, null)) {
            op.open(TestBatches.context(allocator, 1024), out);
            // windows ending at 5 and 10, split within one batch
            op.processBatch(0, batch(allocator, SIDE, row("a", 1, t(5)), row("b", 2, t(5)), row("a", 3, t(10))));
            op.processBatch(1, batch(allocator, SIDE, row("a", 10, t(5)), row("a", 30, t(10)), row("c", 40, t(5))));
            assertEquals(2, op.pendingWindows());
            op.processWatermark(1, millis(5) - 2, out);
            assertEquals(List.of(), out.rows);
            op.processWatermark(1, millis(5) - 1, out); // the last millisecond of [0, 5)
            assertEquals(List.of(list("a", 1, t(5), "a", 10, t(5))), out.rows);
            assertEquals(1, op.pendingWindows());
            assertEquals(1, op.stateRows(0));
            assertEquals(List.of(millis(5) - 2, millis(5) - 1), out.watermarks);
            op.processWatermark(1, millis(10), out);
            assertEquals(0, op.pendingWindows());
            assertEquals(0, op.stateRows(1));
        }
        assertEquals(List.of(list("a", 1, t(5), "a", 10, t(5)), list("a", 3, t(10), "a", 30, t(10))), out.rows);
    }

    @Test
    void lateRowsAreDroppedAndCounted() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (WindowJoinOperator op = keyed(JoinType.LEFT, null)) {
            op.open(TestBatches.context(allocator, 1024), out);
            op.processWatermark(0, millis(5) - 1, out);
            op.processWatermark(1, millis(5) - 1, out);
            op.processBatch(0, batch(allocator, SIDE, row("a", 1, t(5)), row("a", 2, t(10))));
            op.processBatch(1, batch(allocator, SIDE, row("a", 10, t(5)), row("a", 20, t(10))));
            assertEquals(2, op.lateRowsDropped());
            op.endInput(0);
            op.endInput(1);
        }
        assertEquals(List.of(list("a", 2, t(10), "a", 20, t(10))), out.rows);
    }

    @Test
    void outerJoinsPadUnmatchedRowsOnceWithoutRetraction() throws Exception {
        Object[][] left = {row("a", 1, t(5)), row("b", 2, t(5)), row(null, 3, t(5)), row("d", 4, t(10))};
        Object[][] right = {row("a", 10, t(5)), row("c", 30, t(5)), row(null, 50, t(5)), row("b", 20, t(10))};
        assertEquals(sorted(List.of(list("a", 1, t(5), "a", 10, t(5)), list("b", 2, t(5), null, null, null),
                list(null, 3, t(5), null, null, null), list("d", 4, t(10), null, null, null))),
                run(JoinType.LEFT, null, left, right));
        assertEquals(sorted(List.of(list("a", 1, t(5), "a", 10, t(5)), list(null, null, null, "c", 30, t(5)),
                list(null, null, null, null, 50, t(5)), list(null, null, null, "b", 20, t(10)))),
                run(JoinType.RIGHT, null, left, right));
        List<List<Object>> full = run(JoinType.FULL, null, left, right);
        assertEquals(7, full.size());
        assertTrue(full.contains(list("b", 2, t(5), null, null, null)));
        assertTrue(full.contains(list(null, null, null, "b", 20, t(10))), "b matches only within its own window");
        assertEquals(sorted(List.of(list("a", 1, t(5)))), run(JoinType.SEMI, null, left, right));
        assertEquals(sorted(List.of(list("b", 2, t(5)), list(null, 3, t(5)), list("d", 4, t(10)))),
                run(JoinType.ANTI, null, left, right));
    }

    @Test
    void residualConditionDecidesMatchesAndOuterPadding() throws Exception {
        Object[][] left = {row("a", 1, t(5)), row("a", 50, t(5))};
        Object[][] right = {row("a", 10, t(5))};
        // left.v < right.v (columns 1 and 4 of the pair)
        assertEquals(sorted(List.of(list("a", 1, t(5), "a", 10, t(5)), list("a", 50, t(5), null, null, null))),
                run(JoinType.LEFT, IntComparePredicate.lessThan(1, 4), left, right));
    }

    @Test
    void withoutKeysEveryPairOfAWindowIsCandidate() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (WindowJoinOperator op = new WindowJoinOperator(JoinType.INNER, SIDE, SIDE, new int[0], new int[0],
                new boolean[0], 2, 2, IntComparePredicate.lessThan(1, 4), output(JoinType.INNER))) {
            op.open(TestBatches.context(allocator, 2), out);
            op.processBatch(0, batch(allocator, SIDE, row("a", 1, t(5)), row("b", 2, t(5)), row("c", 3, t(10))));
            op.processBatch(1, batch(allocator, SIDE, row("x", 5, t(5)), row("y", 2, t(5)), row("z", 9, t(15))));
            op.endInput(1);
            op.endInput(0);
        }
        assertEquals(sorted(List.of(list("a", 1, t(5), "x", 5, t(5)), list("a", 1, t(5), "y", 2, t(5)),
                list("b", 2, t(5), "x", 5, t(5)))), sorted(out.rows));
        assertTrue(out.maxBatchSize() <= 2);
    }

    private List<List<Object>> run(JoinType type, GeneratedClass<BatchPredicate> residual, Object[][] left,
            Object[][] right) throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (WindowJoinOperator op = keyed(type, residual)) {
            op.open(TestBatches.context(allocator, 1024), out);
            op.processBatch(0, batch(allocator, SIDE, left));
            op.processBatch(1, batch(allocator, SIDE, right));
            op.processWatermark(0, millis(5), out);
            op.processWatermark(1, millis(5), out);
            op.endInput(0);
            op.endInput(1);
        }
        return sorted(out.rows);
    }

    @Test
    void snapshotAndRestoreContinueExactlyWhereTheStateWas() throws Exception {
        Object[][] firstLeft = {row("a", 1, t(5)), row("b", 2, t(10)), row("c", 3, t(15))};
        Object[][] firstRight = {row("a", 10, t(5)), row("b", 20, t(10))};
        Object[][] late = {row("a", 100, t(5))};
        Object[][] secondLeft = {row("b", 4, t(10)), row("d", 5, t(20))};
        Object[][] secondRight = {row("c", 30, t(15)), row("d", 40, t(20)), row("e", 50, t(20))};

        CollectingOutput uninterrupted = new CollectingOutput();
        long lateUninterrupted;
        try (WindowJoinOperator op = keyed(JoinType.FULL, null)) {
            op.open(TestBatches.context(allocator, 1024), uninterrupted);
            firstPart(op, uninterrupted, firstLeft, firstRight, late);
            secondPart(op, uninterrupted, secondLeft, secondRight);
            lateUninterrupted = op.lateRowsDropped();
        }

        CollectingOutput restored = new CollectingOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WindowJoinOperator op = keyed(JoinType.FULL, null)) {
            op.open(TestBatches.context(allocator, 1024), restored);
            firstPart(op, restored, firstLeft, firstRight, late);
            op.snapshotState(new StateWriter(bytes));
        }
        long lateRestored;
        try (WindowJoinOperator op = keyed(JoinType.FULL, null)) {
            op.open(TestBatches.context(allocator, 1024), restored);
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(2, op.pendingWindows());
            secondPart(op, restored, secondLeft, secondRight);
            lateRestored = op.lateRowsDropped();
        }
        assertEquals(uninterrupted.rows, restored.rows);
        assertEquals(uninterrupted.watermarks, restored.watermarks);
        assertEquals(1, lateUninterrupted);
        assertEquals(lateUninterrupted, lateRestored);
        assertEquals(sorted(List.of(list("a", 1, t(5), "a", 10, t(5)), list("b", 2, t(10), "b", 20, t(10)),
                list("b", 4, t(10), "b", 20, t(10)), list("c", 3, t(15), "c", 30, t(15)),
                list("d", 5, t(20), "d", 40, t(20)), list(null, null, null, "e", 50, t(20)))),
                sorted(uninterrupted.rows));
    }

    private void firstPart(WindowJoinOperator op, CollectingOutput out, Object[][] left, Object[][] right,
            Object[][] late) throws Exception {
        op.processBatch(0, batch(allocator, SIDE, left));
        op.processBatch(1, batch(allocator, SIDE, right));
        op.processWatermark(0, millis(5) - 1, out);
        op.processWatermark(1, millis(6), out);
        op.processBatch(1, batch(allocator, SIDE, late));
    }

    private void secondPart(WindowJoinOperator op, CollectingOutput out, Object[][] left, Object[][] right)
            throws Exception {
        op.processBatch(0, batch(allocator, SIDE, left));
        op.processWatermark(0, millis(12), out);
        op.processBatch(1, batch(allocator, SIDE, right));
        op.processWatermark(1, millis(12), out);
        op.endInput(1);
        op.endInput(0);
    }
}
