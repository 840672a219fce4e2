package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link IntervalJoinOperator}: matching within the interval, outer padding, watermarks, state cleanup, checkpoints. */
class IntervalJoinOperatorTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "x", LogicalType.integer());
    private static final RowType R = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "y", LogicalType.integer());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** left.t BETWEEN right.t + lower AND right.t + upper, keyed on k (or no keys), with an optional residual. */
    private static IntervalJoinOperator join(JoinType type, long lower, long upper, boolean keyed,
            GeneratedClass<BatchPredicate> residual) {
        int[] keys = keyed ? new int[] {0} : new int[0];
        return new IntervalJoinOperator(type, L, R, keys, keys.clone(), new boolean[keys.length], 1, 1, lower, upper,
                residual, outputType(type, L, R));
    }

    private IntervalJoinOperator open(IntervalJoinOperator op, CollectingOutput out) throws Exception {
        op.open(TestBatches.context(allocator, 4), out);
        return op;
    }

    private void feed(IntervalJoinOperator op, int input, Object[]... rows) throws Exception {
        op.processBatch(input, batch(allocator, input == 0 ? L : R, rows));
    }

    private static void watermark(IntervalJoinOperator op, long wm, CollectingOutput out) throws Exception {
        op.processWatermark(0, wm, out);
        op.processWatermark(1, wm, out);
    }

    /** The collected rows with timestamps as epoch millis, sorted. */
    private static List<List<Object>> rows(CollectingOutput out) {
        List<List<Object>> result = new ArrayList<>();
        for (List<Object> r : out.rows) {
            List<Object> copy = new ArrayList<>();
            for (Object v : r) {
                copy.add(v instanceof LocalDateTime ? ((LocalDateTime) v).toInstant(ZoneOffset.UTC).toEpochMilli() : v);
            }
            result.add(copy);
        }
        result.sort(Comparator.comparing(Object::toString));
        return result;
    }

    private static List<List<Object>> expected(Object[]... rows) {
        List<List<Object>> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(Arrays.asList(r));
        }
        result.sort(Comparator.comparing(Object::toString));
        return result;
    }

    @Test
    void joinsOnlyRowsWithinTheIntervalAndWithEqualKeys() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (IntervalJoinOperator op = open(join(JoinType.INNER, -10, 0, true, null), out)) {
            feed(op, 0, row(1, 100L, 1), row(1, 95L, 2), row(2, 100L, 3), row(1, null, 4), row(null, 100L, 5));
            feed(op, 1, row(1, 100L, 10), row(1, 111L, 11), row(2, 89L, 12), row(1, 90L, 13), row(null, 100L, 14));
            feed(op, 0, row(1, 101L, 6));
            op.endInput(0);
            op.endInput(1);
        }
        assertEquals(expected(row(1, 100L, 1, 1, 100L, 10), row(1, 95L, 2, 1, 100L, 10), row(1, 101L, 6, 1, 111L, 11)),
                rows(out));
    }

    @Test
    void processingTimeRowsAreTimedByArrivalAndEndedByTheClock() throws Exception {
        CollectingOutput out = new CollectingOutput();
        long[] clock = {1000};
        IntervalJoinOperator op = new IntervalJoinOperator(JoinType.LEFT, L, R, new int[] {0}, new int[] {0},
                new boolean[1], 1, 1, -10, 10, null, outputType(JoinType.LEFT, L, R), () -> clock[0]);
        try (IntervalJoinOperator joined = open(op, out)) {
            // the rows' own time values are ignored: each gets its arrival time (1000, then 1005)
            feed(joined, 0, row(1, 5L, 1), row(2, 5L, 2));
            clock[0] = 1005;
            feed(joined, 1, row(1, 999_999L, 10));
            assertEquals(expected(row(1, 1000L, 1, 1, 1005L, 10)), rows(out));
            watermark(joined, Long.MAX_VALUE - 1, out); // event time ends nothing here
            assertEquals(1, out.rows.size());
            assertEquals(2, joined.stateRows(0));
            clock[0] = 1020; // past 1000 + 10: left rows end, the unmatched one padded once
            feed(joined, 1, row(3, 0L, 11));
            assertEquals(expected(row(1, 1000L, 1, 1, 1005L, 10), row(2, 1000L, 2, null, null, null)), rows(out));
            assertEquals(0, joined.stateRows(0));
        }
    }

    @Test
    void processingTimeCallbackEndsIntervalsWhileNoRowArrives() throws Exception {
        CollectingOutput out = new CollectingOutput();
        long[] clock = {1000};
        IntervalJoinOperator op = new IntervalJoinOperator(JoinType.FULL, L, R, new int[] {0}, new int[] {0},
                new boolean[1], 1, 1, -10, 20, null, outputType(JoinType.FULL, L, R), () -> clock[0]);
        try (IntervalJoinOperator joined = open(op, out)) {
            assertTrue(joined.wantsProcessingTime());
            feed(joined, 0, row(1, 0L, 1), row(2, 0L, 2)); // left rows at 1000: kept until 1000 + 10
            clock[0] = 1002;
            feed(joined, 1, row(1, 0L, 10), row(3, 0L, 11)); // right rows at 1002: kept until 1002 + 20
            assertEquals(expected(row(1, 1000L, 1, 1, 1002L, 10)), rows(out));
            clock[0] = 1010;
            joined.onProcessingTime(clock[0], out); // 1000 + 10 is not below 1010 yet: left rows may still match
            assertEquals(2, joined.stateRows(0));
            assertEquals(1, out.rows.size());
            clock[0] = 1011;
            joined.onProcessingTime(clock[0], out);
            assertEquals(0, joined.stateRows(0));
            assertEquals(2, joined.stateRows(1));
            assertEquals(expected(row(1, 1000L, 1, 1, 1002L, 10), row(2, 1000L, 2, null, null, null)), rows(out));
            clock[0] = 1023;
            joined.onProcessingTime(clock[0], out); // right rows end: only the unmatched one is padded
            assertEquals(0, joined.stateRows(1));
            assertEquals(expected(row(1, 1000L, 1, 1, 1002L, 10), row(2, 1000L, 2, null, null, null),
                    row(null, null, null, 3, 1002L, 11)), rows(out));
            joined.endInput(0);
            joined.endInput(1);
            assertEquals(3, out.rows.size(), "nothing is emitted twice");
        }
        assertFalse(join(JoinType.LEFT, -10, 10, true, null).wantsProcessingTime(),
                "an event-time join ends intervals by the watermark");
    }

    @Test
    void leftOuterRowIsPaddedOnceWhenTheWatermarkPassesItsInterval() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (IntervalJoinOperator op = open(join(JoinType.LEFT, -10, 0, true, null), out)) {
            feed(op, 0, row(1, 100L, 1), row(2, 100L, 2), row(3, null, 3));
            assertEquals(expected(row(3, null, 3, null, null, null)), rows(out)); // a NULL time matches nothing
            feed(op, 1, row(1, 105L, 10));
            watermark(op, 110, out); // 100 - (-10) = 110 is not below the watermark yet: row 2 may still match
            assertEquals(2, op.stateRows(0));
            assertEquals(2, rows(out).size());
            watermark(op, 111, out);
            assertEquals(0, op.stateRows(0));
            assertEquals(expected(row(3, null, 3, null, null, null), row(1, 100L, 1, 1, 105L, 10),
                    row(2, 100L, 2, null, null, null)), rows(out));
            op.endInput(0);
            op.endInput(1);
        }
        assertEquals(3, out.rows.size(), "the matched row 1 is never padded, row 2 only once");
    }

    @Test
    void lateRowsJoinWhatIsStillHeldAndAreNotKept() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (IntervalJoinOperator op = open(join(JoinType.FULL, -10, 0, true, null), out)) {
            feed(op, 1, row(1, 200L, 10));
            watermark(op, 150, out);
            // left 100 can only match right rows in [100, 110]; the watermark is past 100 + 10: late, not kept
            feed(op, 0, row(1, 100L, 1), row(1, 195L, 2));
            assertEquals(1, op.stateRows(0));
            assertEquals(expected(row(1, 100L, 1, null, null, null), row(1, 195L, 2, 1, 200L, 10)), rows(out));
            op.endInput(0); // right rows can no longer match: the matched one leaves silently
            assertEquals(0, op.stateRows(1));
            feed(op, 1, row(2, 300L, 11)); // the left input ended: emitted padded at once
            op.endInput(1);
        }
        assertEquals(expected(row(1, 100L, 1, null, null, null), row(1, 195L, 2, 1, 200L, 10),
                row(null, null, null, 2, 300L, 11)), rows(out));
    }

    @Test
    void endOfInputPadsTheUnmatchedOuterRowsOfTheOtherSide() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (IntervalJoinOperator op = open(join(JoinType.RIGHT, -10, 0, true, null), out)) {
            feed(op, 1, row(1, 100L, 10), row(2, 100L, 11));
            feed(op, 0, row(1, 95L, 1));
            op.endInput(0);
            assertEquals(expected(row(1, 95L, 1, 1, 100L, 10), row(null, null, null, 2, 100L, 11)), rows(out));
            op.endInput(1);
        }
        assertEquals(2, out.rows.size());
    }

    @Test
    void outputWatermarkIsHeldBackByTheInterval() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (IntervalJoinOperator op = open(join(JoinType.INNER, -10, 5, true, null), out)) {
            op.processWatermark(1, 100, out); // the combined watermark of both inputs
            op.processWatermark(0, 150, out);
            op.processWatermark(0, 140, out);
        }
        assertEquals(List.of(90L, 140L), out.watermarks);
    }

    @Test
    void stateShrinksOnceTheWatermarkPassesAndIsCompacted() throws Exception {
        CollectingOutput out = new CollectingOutput();
        int n = 3000;
        try (IntervalJoinOperator op = open(join(JoinType.LEFT, -50, 20, true, null), out)) {
            Object[][] left = new Object[n][];
            Object[][] right = new Object[n][];
            for (int i = 0; i < n; i++) {
                left[i] = row(i % 7, (long) i, i);
                right[i] = row((n - 1 - i) % 7, (long) (n - 1 - i), i); // descending times on the right
            }
            feed(op, 0, left);
            feed(op, 1, right);
            assertEquals(n, op.stateRows(0));
            assertEquals(n, op.stateRows(1));
            long full = op.stateSizeInBytes();
            watermark(op, 1000, out);
            // a left row is kept while t + 50 >= 1000, a right row while t + 20 >= 1000
            assertEquals(n - 950, op.stateRows(0));
            assertEquals(n - 980, op.stateRows(1));
            watermark(op, 2800, out);
            assertEquals(n - 2750, op.stateRows(0));
            assertEquals(n - 2780, op.stateRows(1));
            assertTrue(op.stateSizeInBytes() < full / 2, op.stateSizeInBytes() + " bytes held, " + full + " before");
            // the expiry order survives the compaction: later watermarks still remove the right rows
            watermark(op, 2900, out);
            assertEquals(n - 2850, op.stateRows(0));
            assertEquals(n - 2880, op.stateRows(1));
            int emitted = out.rows.size();
            op.endInput(0);
            op.endInput(1);
            assertEquals(0, op.stateRows(0));
            assertEquals(0, op.stateRows(1));
            assertTrue(out.rows.size() >= emitted);
        }
        // every left row has exactly the right rows with equal key and time in [t - 20, t + 50]
        long expectedRows = 0;
        for (int i = 0; i < n; i++) {
            int matches = 0;
            for (int j = Math.max(0, i - 20); j <= Math.min(n - 1, i + 50); j++) {
                if (j % 7 == i % 7) {
                    matches++;
                }
            }
            expectedRows += Math.max(1, matches);
        }
        assertEquals(expectedRows, out.rows.size());
    }

    @Test
    void residualConditionAndNoKeys() throws Exception {
        CollectingOutput out = new CollectingOutput();
        // x < y over (k, t, x, k, t, y): fields 2 and 5
        try (IntervalJoinOperator op = open(join(JoinType.INNER, 0, 0, false, IntComparePredicate.lessThan(2, 5)),
                out)) {
            feed(op, 0, row(1, 100L, 5), row(2, 100L, 50), row(3, 101L, 1));
            feed(op, 1, row(9, 100L, 10), row(8, 102L, 10));
            op.endInput(0);
            op.endInput(1);
        }
        assertEquals(expected(row(1, 100L, 5, 9, 100L, 10)), rows(out));
    }

    @Test
    void rejectsJoinTypesAndTimeColumnsItCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> new IntervalJoinOperator(JoinType.SEMI, L, R, new int[0],
                new int[0], new boolean[0], 1, 1, 0, 0, null, L));
        assertThrows(IllegalArgumentException.class, () -> new IntervalJoinOperator(JoinType.INNER, L, R, new int[0],
                new int[0], new boolean[0], 2, 1, 0, 0, null, outputType(JoinType.INNER, L, R)));
    }

    /** A random run with watermarks, once straight through and once snapshotted and restored at every step. */
    @Test
    void checkpointRestoreGivesTheSameOutput() throws Exception {
        Random random = new Random(42);
        List<Object[]> steps = new ArrayList<>();
        long[] time = {0, 0};
        for (int s = 0; s < 60; s++) {
            int input = random.nextInt(2);
            if (random.nextInt(5) == 0) {
                steps.add(new Object[] {input, null, Math.min(time[0], time[1]) - random.nextInt(20)});
                continue;
            }
            Object[][] rows = new Object[1 + random.nextInt(5)][];
            for (int i = 0; i < rows.length; i++) {
                time[input] += random.nextInt(6);
                rows[i] = row(random.nextInt(4), time[input] + random.nextInt(10) - 5, s * 10 + i);
            }
            steps.add(new Object[] {input, rows, 0L});
        }
        CollectingOutput straight = new CollectingOutput();
        try (IntervalJoinOperator op = open(join(JoinType.FULL, -7, 3, true, null), straight)) {
            for (Object[] step : steps) {
                apply(op, step, straight);
            }
            op.endInput(0);
            op.endInput(1);
        }
        CollectingOutput restored = new CollectingOutput();
        IntervalJoinOperator op = open(join(JoinType.FULL, -7, 3, true, null), restored);
        try {
            for (Object[] step : steps) {
                apply(op, step, restored);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                StateWriter writer = new StateWriter(bytes);
                op.snapshotState(writer);
                writer.flush();
                op.close();
                op = open(join(JoinType.FULL, -7, 3, true, null), restored);
                op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            }
            op.endInput(0);
            op.endInput(1);
        } finally {
            op.close();
        }
        assertEquals(rows(straight), rows(restored));
        assertEquals(straight.watermarks, restored.watermarks);
        assertTrue(straight.rows.size() > 20);
    }

    private void apply(IntervalJoinOperator op, Object[] step, CollectingOutput out) throws Exception {
        int input = (Integer) step[0];
        if (step[1] == null) {
            op.processWatermark(input, (Long) step[2], out);
        } else {
            feed(op, input, (Object[][]) step[1]);
        }
    }
}
