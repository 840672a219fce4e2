package io.sluice.runtime.operator.over;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingOverAggregateOperatorTest {
    private static final LogicalType INT = LogicalType.integer();
    private static final LogicalType BIGINT = LogicalType.bigint();
    private static final LogicalType STRING = LogicalType.string();

    private final RootAllocator allocator = new RootAllocator();
    /** id, k, v, s, ts. */
    private final RowType in = rowType("id", INT, "k", STRING, "v", INT, "s", STRING, "ts", LogicalType.timestamp(3));

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static LocalDateTime t(int minute) {
        return LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(minute);
    }

    private static long ms(int minute) {
        return VectorValues.toEpochMillis(t(minute));
    }

    private static OverFunctionSpec fn(OverFunctionKind kind, LogicalType result, int... args) {
        return new OverFunctionSpec(kind, args, new Object[0], result);
    }

    private static OverGroupSpec window(int[] partition, boolean rows, FrameBound lower, OverFunctionSpec... fns) {
        return new OverGroupSpec(partition, new SortKey[] {SortKey.asc(4)}, rows, lower, FrameBound.currentRow(),
                List.of(fns));
    }

    private StreamingOverAggregateOperator open(OverGroupSpec group, boolean rowtime, CollectingOutput out) {
        StreamingOverAggregateOperator op = new StreamingOverAggregateOperator(in, group, rowtime,
                OverWindowOperatorTest.outputType(in, List.of(group)));
        op.open(TestBatches.context(allocator, 1024), out);
        return op;
    }

    /** Output rows reduced to id followed by the function results. */
    private List<List<Object>> results(CollectingOutput out) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : out.rows) {
            List<Object> x = new ArrayList<>();
            x.add(r.get(0));
            x.addAll(r.subList(in.size(), r.size()));
            rows.add(x);
        }
        return rows;
    }

    @Test
    void rowsTwoPrecedingFiresOnWatermarksInTimeOrderAndDropsLateRows() throws Exception {
        OverGroupSpec group = window(new int[] {1}, true, FrameBound.preceding(2L), fn(OverFunctionKind.SUM, BIGINT, 2),
                fn(OverFunctionKind.COUNT, BIGINT), fn(OverFunctionKind.MAX, STRING, 3),
                fn(OverFunctionKind.MIN, INT, 2));
        CollectingOutput out = new CollectingOutput();
        try (StreamingOverAggregateOperator op = open(group, true, out)) {
            op.processBatch(0, batch(allocator, in, row(1, "a", 10, "x", t(1)), row(2, "b", 5, "q", t(2)),
                    row(3, "a", 20, "z", t(3)), row(4, "a", 30, "y", t(0))));
            assertEquals(List.of(), out.rows);
            op.processWatermark(0, ms(1), out);
            assertEquals(List.of(list(4, 30L, 1L, "y", 30), list(1, 40L, 2L, "y", 10)), results(out));
            // id 7 is at or below the watermark: late
            op.processBatch(0, batch(allocator, in, row(5, "a", 1, "w", t(2)), row(6, "b", 7, "r", t(2)),
                    row(7, "a", 100, "a", t(0))));
            op.processWatermark(0, ms(3), out);
            assertEquals(1, op.lateRowsDropped());
            // a keeps its last two rows (4, 1) for the next firing; b's peers at t2 are taken in arrival order
            assertEquals(List.of(list(5, 41L, 3L, "y", 1), list(2, 5L, 1L, "q", 5), list(6, 12L, 2L, "r", 5),
                    list(3, 31L, 3L, "z", 1)), results(out).subList(2, 6));
            assertEquals(4, op.retainedRows(), "the last two rows of a and of b");
            op.endInput(0);
        }
        assertEquals(6, out.rows.size());
        assertEquals(List.of(ms(1), ms(3)), out.watermarks);
    }

    @Test
    void rangeOneHourPrecedingTreatsEqualTimesAsPeersAndEvictsOldRows() throws Exception {
        OverGroupSpec group = window(new int[] {1}, false, FrameBound.preceding(3_600_000L),
                fn(OverFunctionKind.SUM, BIGINT, 2), fn(OverFunctionKind.COUNT, BIGINT, 2));
        CollectingOutput out = new CollectingOutput();
        try (StreamingOverAggregateOperator op = open(group, true, out)) {
            op.processBatch(0, batch(allocator, in, row(1, "a", 10, "", t(0)), row(2, "a", 20, "", t(30)),
                    row(7, "b", 3, "", t(10)), row(3, "a", 5, "", t(30)), row(5, "a", 7, "", t(90))));
            op.processWatermark(0, ms(40), out);
            assertEquals(List.of(list(1, 10L, 1L), list(7, 3L, 1L), list(2, 35L, 3L), list(3, 35L, 3L)),
                    results(out));
            assertEquals(4, op.retainedRows(), "all fired rows are within an hour of the next possible row");
            op.processBatch(0, batch(allocator, in, row(4, "a", null, "", t(75)), row(6, "a", 1, "", t(180)),
                    row(8, "b", 4, "", t(75))));
            op.processWatermark(0, ms(100), out);
            // 4 at 75 min: [15, 75] holds 2, 3 and itself; 5 at 90 min also holds itself; b's 7 (10 min) is out
            assertEquals(List.of(list(4, 25L, 2L), list(8, 4L, 1L), list(5, 32L, 3L)), results(out).subList(4, 7));
            // rows older than 101 min - 1 hour are gone from every partition
            assertEquals(3, op.retainedRows());
            op.endInput(0);
            assertEquals(List.of(6, 1L, 1L), results(out).get(7));
            assertEquals(0, op.retainedRows());
        }
    }

    @Test
    void unboundedPrecedingKeepsRunningAggregatesAndNoRows() throws Exception {
        LogicalType dec = LogicalType.decimal(38, 2);
        OverFunctionSpec[] fns = {fn(OverFunctionKind.COUNT, BIGINT), fn(OverFunctionKind.AVG, INT, 2),
            fn(OverFunctionKind.MAX, STRING, 3), fn(OverFunctionKind.MIN, STRING, 3),
            fn(OverFunctionKind.FIRST_VALUE, STRING, 3), fn(OverFunctionKind.LAST_VALUE, INT, 2),
            fn(OverFunctionKind.SUM0, dec, 2)};
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> range = new ArrayList<>();
        for (boolean isRows : new boolean[] {true, false}) {
            CollectingOutput out = new CollectingOutput();
            try (StreamingOverAggregateOperator op = open(window(new int[] {1}, isRows,
                    FrameBound.unboundedPreceding(), fns), true, out)) {
                op.processBatch(0, batch(allocator, in, row(1, "a", 10, "mm", t(1)), row(2, "a", 20, "kk", t(1)),
                        row(3, "b", null, null, t(1))));
                op.processWatermark(0, ms(1), out);
                op.processBatch(0, batch(allocator, in, row(4, "a", null, "zz", t(2)), row(5, "b", 3, "bb", t(3)),
                        row(6, "a", 1, "aa", t(3))));
                op.processWatermark(0, ms(2), out);
                assertEquals(0, op.retainedRows());
                op.endInput(0);
            }
            (isRows ? rows : range).addAll(results(out));
        }
        BigDecimal d10 = new BigDecimal("10.00");
        assertEquals(List.of(
                list(1, 1L, 10, "mm", "mm", "mm", 10, d10),
                list(2, 2L, 15, "mm", "kk", "mm", 20, new BigDecimal("30.00")),
                list(3, 1L, null, null, null, null, null, new BigDecimal("0.00")),
                list(4, 3L, 15, "zz", "kk", "mm", 20, new BigDecimal("30.00")),
                list(6, 4L, 10, "zz", "aa", "mm", 1, new BigDecimal("31.00")),
                list(5, 2L, 3, "bb", "bb", "bb", 3, new BigDecimal("3.00"))), rows);
        // RANGE: 1 and 2 are peers (same time) and both see each other
        assertEquals(list(1, 2L, 15, "mm", "kk", "mm", 20, new BigDecimal("30.00")), range.get(0));
        assertEquals(rows.subList(1, 6), range.subList(1, 6));
    }

    @Test
    void proctimeRowsFireOnArrivalAndProcessingTimeNeverGoesBack() throws Exception {
        RowType pin = rowType("id", INT, "k", STRING, "v", INT, "s", STRING, "pt", LogicalType.timestampLtz(3));
        OverGroupSpec group = new OverGroupSpec(new int[0], new SortKey[] {SortKey.asc(4)}, false,
                FrameBound.preceding(1000L), FrameBound.currentRow(), List.of(fn(OverFunctionKind.SUM, BIGINT, 2)));
        CollectingOutput out = new CollectingOutput();
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        try (StreamingOverAggregateOperator op = new StreamingOverAggregateOperator(pin, group, false,
                OverWindowOperatorTest.outputType(pin, List.of(group)))) {
            op.open(TestBatches.context(allocator, 1024), out);
            op.processBatch(0, batch(allocator, pin, row(1, "a", 1, "", base), row(2, "b", 2, "", base)));
            assertEquals(List.of(3L, 3L), List.of(out.rows.get(0).get(5), out.rows.get(1).get(5)));
            op.processBatch(0, batch(allocator, pin, row(3, "a", 4, "", base.plusMillis(800))));
            assertEquals(7L, out.rows.get(2).get(5));
            // an earlier processing time is raised to the latest seen (800 ms)
            op.processBatch(0, batch(allocator, pin, row(4, "a", 8, "", base.plusMillis(100))));
            assertEquals(List.of(4, "a", 8, "", base.plusMillis(800), 15L), out.rows.get(3));
            op.processBatch(0, batch(allocator, pin, row(5, "a", 16, "", base.plusMillis(1700))));
            assertEquals(28L, out.rows.get(4).get(5));
            assertEquals(3, op.retainedRows());
            op.processWatermark(0, 42, out);
            op.endInput(0);
        }
        assertEquals(5, out.rows.size());
        assertEquals(List.of(42L), out.watermarks);
    }

    @Test
    void checkpointRoundTripRestoresPendingRetainedAndRunningState() throws Exception {
        for (FrameBound lower : new FrameBound[] {FrameBound.preceding(1L), FrameBound.unboundedPreceding()}) {
            OverGroupSpec group = window(new int[] {1}, true, lower, fn(OverFunctionKind.SUM, BIGINT, 2),
                    fn(OverFunctionKind.MAX, STRING, 3));
            Object[][] first = {row(1, "a", 1, "b", t(1)), row(2, "b", 2, "y", t(1)), row(3, "a", 4, "a", t(5))};
            Object[][] second = {row(4, "a", 8, "c", t(6)), row(5, "b", 16, "x", t(7))};

            CollectingOutput straight = new CollectingOutput();
            try (StreamingOverAggregateOperator op = open(group, true, straight)) {
                op.processBatch(0, batch(allocator, in, first));
                op.processWatermark(0, ms(2), straight);
                op.processBatch(0, batch(allocator, in, second));
                op.processWatermark(0, ms(10), straight);
                op.endInput(0);
            }

            CollectingOutput before = new CollectingOutput();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (StreamingOverAggregateOperator op = open(group, true, before)) {
                op.processBatch(0, batch(allocator, in, first));
                op.processWatermark(0, ms(2), before);
                StateWriter w = new StateWriter(bytes);
                op.snapshotState(w);
                w.flush();
            }
            CollectingOutput after = new CollectingOutput();
            try (StreamingOverAggregateOperator op = open(group, true, after)) {
                op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
                // the restored watermark still makes rows at or below 2 minutes late
                op.processBatch(0, batch(allocator, in, row(9, "a", 100, "z", t(2))));
                assertEquals(1, op.lateRowsDropped());
                op.processBatch(0, batch(allocator, in, second));
                op.processWatermark(0, ms(10), after);
                op.endInput(0);
            }
            List<List<Object>> resumed = new ArrayList<>(before.rows);
            resumed.addAll(after.rows);
            assertEquals(straight.rows, resumed, "lower bound " + lower);
            assertEquals(5, straight.rows.size());
        }
    }

    @Test
    void unsupportedWindowsAreRejected() {
        OverFunctionSpec sum = fn(OverFunctionKind.SUM, BIGINT, 2);
        io.sluice.table.api.TableException following = assertThrows(io.sluice.table.api.TableException.class,
                () -> StreamingOverAggregateOperator.checkSupported(in, new OverGroupSpec(new int[0],
                        new SortKey[] {SortKey.asc(4)}, true, FrameBound.preceding(1L), FrameBound.following(1L),
                        List.of(sum))));
        org.junit.jupiter.api.Assertions.assertTrue(
                following.getMessage().startsWith("OVER RANGE FOLLOWING windows are not supported yet."),
                following.getMessage()); // Flink's text
        assertThrows(UnsupportedFeatureException.class, () -> StreamingOverAggregateOperator.checkSupported(in,
                new OverGroupSpec(new int[0], new SortKey[] {SortKey.desc(4)}, true, FrameBound.preceding(1L),
                        FrameBound.currentRow(), List.of(sum))));
        assertThrows(UnsupportedFeatureException.class, () -> StreamingOverAggregateOperator.checkSupported(in,
                new OverGroupSpec(new int[0], new SortKey[] {SortKey.asc(2)}, true, FrameBound.preceding(1L),
                        FrameBound.currentRow(), List.of(sum))));
        assertThrows(UnsupportedFeatureException.class, () -> StreamingOverAggregateOperator.checkSupported(in,
                window(new int[0], true, FrameBound.unboundedPreceding(), fn(OverFunctionKind.ROW_NUMBER, BIGINT))));
    }
}
