package io.sluice.runtime.operator.over;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.batch;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.batches;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.sort.OperatorTestSupport;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OverWindowOperatorTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    static OverFunctionSpec fn(OverFunctionKind kind, LogicalType result, int... args) {
        return new OverFunctionSpec(kind, args, new Object[0], result);
    }

    static OverFunctionSpec fn(OverFunctionKind kind, LogicalType result, int[] args, Object... constants) {
        return new OverFunctionSpec(kind, args, constants, result);
    }

    /** Output type: the input columns, then f0, f1, ... typed by the specs. */
    static RowType outputType(RowType in, List<OverGroupSpec> groups) {
        List<String> names = new ArrayList<>(in.names());
        List<LogicalType> types = new ArrayList<>(in.types());
        for (OverGroupSpec g : groups) {
            for (OverFunctionSpec f : g.functions()) {
                names.add("f" + (names.size() - in.size()));
                types.add(f.resultType());
            }
        }
        return new RowType(names, types);
    }

    /** Runs the operator; returns output rows keyed by the value of column {@code idColumn}. */
    private Map<Object, List<Object>> run(RowType in, List<OverGroupSpec> groups, List<Object[]> rows, int idColumn,
            int batchSize) throws Exception {
        OverWindowOperator op = new OverWindowOperator(in, groups, outputType(in, groups));
        var out = OperatorTestSupport.run(op, allocator, batchSize, batches(allocator, in, rows, 3));
        for (int size : out.batchSizes) {
            assertTrue(size <= batchSize);
        }
        Map<Object, List<Object>> byId = new HashMap<>();
        for (List<Object> r : out.rows) {
            byId.put(r.get(idColumn), r.subList(in.size(), r.size()));
        }
        assertEquals(rows.size(), byId.size());
        return byId;
    }

    private static final LogicalType BIGINT = LogicalType.bigint();
    private static final LogicalType INT = LogicalType.integer();

    @Test
    void runningSumsIncludePeersForRangeButNotForRows() throws Exception {
        RowType in = rowType("id", INT, "p", LogicalType.string(), "o", INT, "v", INT);
        List<Object[]> rows = List.of(row(1, "a", 1, 10), row(2, "a", 2, 20), row(3, "a", 2, 30),
                row(4, "a", 3, null), row(5, "b", 1, 5));
        SortKey[] order = {SortKey.asc(2)};
        OverGroupSpec range = new OverGroupSpec(new int[] {1}, order, false, FrameBound.unboundedPreceding(),
                FrameBound.currentRow(), List.of(fn(OverFunctionKind.SUM, INT, 3), fn(OverFunctionKind.COUNT, BIGINT, 3)));
        OverGroupSpec rowsFrame = new OverGroupSpec(new int[] {1}, order, true, FrameBound.unboundedPreceding(),
                FrameBound.currentRow(), List.of(fn(OverFunctionKind.SUM, INT, 3), fn(OverFunctionKind.COUNT, BIGINT)));
        var out = run(in, List.of(range, rowsFrame), rows, 0, 2);
        assertEquals(List.of(10, 1L, 10, 1L), out.get(1));
        assertEquals(List.of(60, 3L, 30, 2L), out.get(2));
        assertEquals(List.of(60, 3L, 60, 3L), out.get(3));
        assertEquals(List.of(60, 3L, 60, 4L), out.get(4));
        assertEquals(List.of(5, 1L, 5, 1L), out.get(5));
    }

    @Test
    void movingAveragesOverTwoPrecedingRows() throws Exception {
        RowType in = rowType("id", INT, "i", INT, "d", LogicalType.doubleType(), "m", LogicalType.decimal(10, 2));
        double[] ds = {0.1, 0.2, 0.3, 0.4};
        int[] is = {1, 2, 4, 7};
        String[] ms = {"1.00", "2.00", "4.01", "7.00"};
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            rows.add(row(k, is[k], ds[k], new BigDecimal(ms[k])));
        }
        OverGroupSpec g = new OverGroupSpec(new int[0], new SortKey[] {SortKey.asc(0)}, true,
                FrameBound.preceding(2L), FrameBound.currentRow(), List.of(
                        fn(OverFunctionKind.AVG, INT, 1),
                        fn(OverFunctionKind.AVG, LogicalType.doubleType(), 2),
                        fn(OverFunctionKind.SUM, LogicalType.doubleType(), 2),
                        fn(OverFunctionKind.AVG, LogicalType.decimal(38, 6), 3)));
        var out = run(in, List.of(g), rows, 0, 10);
        assertEquals(List.of(1, 0.1, 0.1, new BigDecimal("1.000000")), out.get(0));
        assertEquals(List.of(1, (0.1 + 0.2) / 2, 0.1 + 0.2, new BigDecimal("1.500000")), out.get(1));
        assertEquals(List.of(2, (0.1 + 0.2 + 0.3) / 3, 0.1 + 0.2 + 0.3, new BigDecimal("2.336667")), out.get(2));
        // after the frame drops 0.1 the double sum is a fresh left-to-right sum, not a difference
        assertEquals(List.of(4, (0.2 + 0.3 + 0.4) / 3, 0.2 + 0.3 + 0.4, new BigDecimal("4.336667")), out.get(3));
    }

    @Test
    void rangeFramesWithAnIntervalOffsetOverATimestamp() throws Exception {
        RowType in = rowType("id", INT, "ts", LogicalType.timestamp(3), "v", INT);
        LocalDateTime t0 = LocalDateTime.of(2024, 5, 1, 12, 0, 0);
        List<Object[]> rows = List.of(row(1, t0, 1), row(2, t0.plusSeconds(5), 2), row(3, t0.plusSeconds(10), 3),
                row(4, t0.plusSeconds(10), 4), row(5, t0.plusSeconds(21), 5));
        SortKey[] order = {SortKey.asc(1)};
        OverGroupSpec back = new OverGroupSpec(new int[0], order, false, FrameBound.preceding(10_000L),
                FrameBound.currentRow(), List.of(fn(OverFunctionKind.SUM, INT, 2), fn(OverFunctionKind.MIN, INT, 2)));
        OverGroupSpec ahead = new OverGroupSpec(new int[0], order, false, FrameBound.currentRow(),
                FrameBound.following(new BigDecimal("5000")), List.of(fn(OverFunctionKind.SUM, INT, 2)));
        var out = run(in, List.of(back, ahead), rows, 0, 10);
        assertEquals(List.of(1, 1, 3), out.get(1));
        assertEquals(List.of(3, 1, 9), out.get(2));
        assertEquals(List.of(10, 1, 7), out.get(3));
        assertEquals(List.of(10, 1, 7), out.get(4));
        assertEquals(List.of(5, 5, 5), out.get(5));

        // DESC: "preceding" rows are the later timestamps
        OverGroupSpec desc = new OverGroupSpec(new int[0], new SortKey[] {SortKey.desc(1)}, false,
                FrameBound.preceding(5_000L), FrameBound.currentRow(), List.of(fn(OverFunctionKind.SUM, INT, 2)));
        var d = run(in, List.of(desc), rows, 0, 10);
        assertEquals(List.of(3), d.get(1));
        assertEquals(List.of(9), d.get(2));
        assertEquals(List.of(7), d.get(3));
        assertEquals(List.of(5), d.get(5));
    }

    @Test
    void rankingFunctionsWithTies() throws Exception {
        RowType in = rowType("id", INT, "score", INT);
        List<Object[]> rows = List.of(row(1, 80), row(2, 90), row(3, 100), row(4, 90), row(5, 70));
        LogicalType dbl = LogicalType.doubleType();
        OverGroupSpec g = new OverGroupSpec(new int[0], new SortKey[] {SortKey.desc(1)}, false,
                FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(
                        fn(OverFunctionKind.ROW_NUMBER, BIGINT), fn(OverFunctionKind.RANK, BIGINT),
                        fn(OverFunctionKind.DENSE_RANK, BIGINT), fn(OverFunctionKind.PERCENT_RANK, dbl),
                        fn(OverFunctionKind.CUME_DIST, dbl), fn(OverFunctionKind.NTILE, BIGINT, new int[0], 3)));
        var out = run(in, List.of(g), rows, 0, 10);
        assertEquals(List.of(1L, 1L, 1L, 0.0, 0.2, 1L), out.get(3));
        assertEquals(List.of(2L, 2L, 2L, 0.25, 0.6, 1L), out.get(2));
        assertEquals(List.of(3L, 2L, 2L, 0.25, 0.6, 2L), out.get(4)); // input order breaks the tie
        assertEquals(List.of(4L, 4L, 3L, 0.75, 0.8, 2L), out.get(1));
        assertEquals(List.of(5L, 5L, 4L, 1.0, 1.0, 3L), out.get(5));
    }

    @Test
    void nullsInPartitionAndOrderKeys() throws Exception {
        RowType in = rowType("id", INT, "p", INT, "o", INT);
        List<Object[]> rows = List.of(row(1, null, 5), row(2, 1, null), row(3, null, null), row(4, 1, 3),
                row(5, 1, null), row(6, null, 5));
        OverGroupSpec g = new OverGroupSpec(new int[] {1}, new SortKey[] {new SortKey(2, true, true)}, false,
                FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(
                        fn(OverFunctionKind.RANK, BIGINT), fn(OverFunctionKind.COUNT, BIGINT),
                        fn(OverFunctionKind.COUNT, BIGINT, 2)));
        var out = run(in, List.of(g), rows, 0, 10);
        // partition NULL: o = NULL, 5, 5
        assertEquals(List.of(1L, 1L, 0L), out.get(3));
        assertEquals(List.of(2L, 3L, 2L), out.get(1));
        assertEquals(List.of(2L, 3L, 2L), out.get(6));
        // partition 1: o = NULL, NULL (peers), 3
        assertEquals(List.of(1L, 2L, 0L), out.get(2));
        assertEquals(List.of(1L, 2L, 0L), out.get(5));
        assertEquals(List.of(3L, 3L, 1L), out.get(4));
    }

    @Test
    void lagLeadAndFrameValueFunctions() throws Exception {
        RowType in = rowType("id", INT, "p", LogicalType.string(), "v", INT);
        List<Object[]> rows = List.of(row(1, "a", 10), row(2, "a", null), row(3, "a", 30), row(4, "a", 40),
                row(5, "b", 50));
        OverGroupSpec positions = new OverGroupSpec(new int[] {1}, new SortKey[] {SortKey.asc(0)}, true,
                FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(
                        fn(OverFunctionKind.LAG, INT, new int[] {2}),
                        fn(OverFunctionKind.LEAD, INT, new int[] {2}, 2, -1),
                        fn(OverFunctionKind.LAG, INT, new int[] {2, 0}, 1)));
        OverGroupSpec sliding = new OverGroupSpec(new int[] {1}, new SortKey[] {SortKey.asc(0)}, true,
                FrameBound.preceding(1L), FrameBound.following(1L), List.of(
                        fn(OverFunctionKind.MIN, INT, 2), fn(OverFunctionKind.MAX, INT, 2),
                        fn(OverFunctionKind.FIRST_VALUE, INT, 2), fn(OverFunctionKind.LAST_VALUE, INT, 2),
                        fn(OverFunctionKind.SUM0, INT, 2)));
        var out = run(in, List.of(positions, sliding), rows, 0, 10);
        assertEquals(Arrays.asList(null, 30, 1, 10, 10, 10, 10, 10), out.get(1));
        assertEquals(Arrays.asList(10, 40, 10, 10, 30, 10, 30, 40), out.get(2));
        // LAG(v, 1, id) of id 3: the previous value is NULL, so Flink returns the default (id = 3)
        assertEquals(Arrays.asList(null, -1, 3, 30, 40, 30, 40, 70), out.get(3));
        assertEquals(Arrays.asList(30, -1, 30, 30, 40, 30, 40, 70), out.get(4));
        assertEquals(Arrays.asList(null, -1, 5, 50, 50, 50, 50, 50), out.get(5));
    }

    @Test
    void emptyFramesGiveNullAndCountZero() throws Exception {
        RowType in = rowType("id", INT, "v", INT);
        List<Object[]> rows = List.of(row(1, 1), row(2, 2), row(3, 3));
        OverGroupSpec g = new OverGroupSpec(new int[0], new SortKey[] {SortKey.asc(0)}, true,
                FrameBound.preceding(5L), FrameBound.preceding(2L), List.of(fn(OverFunctionKind.SUM, INT, 1),
                        fn(OverFunctionKind.COUNT, BIGINT, 1), fn(OverFunctionKind.SUM0, INT, 1)));
        var out = run(in, List.of(g), rows, 0, 10);
        assertEquals(Arrays.asList(null, 0L, 0), out.get(1));
        assertEquals(Arrays.asList(null, 0L, 0), out.get(2));
        assertEquals(Arrays.asList(1, 1L, 1), out.get(3));
    }

    @Test
    void emptyInputEmitsNothing() throws Exception {
        RowType in = rowType("id", INT);
        List<OverGroupSpec> groups = List.of(new OverGroupSpec(new int[0], new SortKey[] {SortKey.asc(0)}, true,
                FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(fn(OverFunctionKind.ROW_NUMBER,
                        BIGINT))));
        OverWindowOperator op = new OverWindowOperator(in, groups, outputType(in, groups));
        List<RowBatch> input = List.of(batch(allocator, in));
        var out = OperatorTestSupport.run(op, allocator, 10, input);
        assertTrue(out.rows.isEmpty());
    }

    @Test
    void closeWithoutEndInputReleasesBufferedRows() throws Exception {
        RowType in = rowType("id", INT, "s", LogicalType.string());
        List<OverGroupSpec> groups = List.of(new OverGroupSpec(new int[0], new SortKey[] {SortKey.asc(0)}, true,
                FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(fn(OverFunctionKind.ROW_NUMBER,
                        BIGINT))));
        OverWindowOperator op = new OverWindowOperator(in, groups, outputType(in, groups));
        op.open(OperatorTestSupport.context(allocator, 10), new OperatorTestSupport.Collector());
        op.processBatch(0, batch(allocator, in, row(1, "a"), row(2, "b")));
        op.close(); // as after a failure upstream; the allocator check in @AfterEach finds any leak
    }

    @Test
    void stringResultsAreRightWhenRowsArriveOutOfWindowOrder() throws Exception {
        RowType in = rowType("o", INT, "s", LogicalType.string());
        List<Object[]> rows = List.of(row(4, "dddd"), row(3, "c"), row(2, "bbbbbb"), row(1, "aa"));
        OverGroupSpec running = new OverGroupSpec(new int[0], new SortKey[] {SortKey.asc(0)}, true,
                FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(
                        fn(OverFunctionKind.MAX, LogicalType.string(), 1),
                        fn(OverFunctionKind.LAG, LogicalType.string(), new int[] {1})));
        var out = run(in, List.of(running), rows, 0, 10);
        assertEquals(Arrays.asList("aa", null), out.get(1));
        assertEquals(Arrays.asList("bbbbbb", "aa"), out.get(2));
        assertEquals(Arrays.asList("c", "bbbbbb"), out.get(3));
        assertEquals(Arrays.asList("dddd", "c"), out.get(4));
    }
}
