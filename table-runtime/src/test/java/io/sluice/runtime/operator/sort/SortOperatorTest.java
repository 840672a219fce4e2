package io.sluice.runtime.operator.sort;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.batch;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.batches;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SortOperatorTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close(); // fails on leaks
    }

    @Test
    void sortsByMultipleKeysWithDirectionsAndNullPlacementStably() throws Exception {
        RowType type = rowType("k", LogicalType.integer(), "s", LogicalType.string(), "id", LogicalType.integer());
        List<RowBatch> in = List.of(
                batch(allocator, type, row(2, "b", 1), row(null, "a", 2), row(1, null, 3)),
                batch(allocator, type, row(2, "a", 4), row(1, "z", 5), row(2, "b", 6), row(null, "c", 7)));
        SortKey[] keys = {new SortKey(0, false, false), new SortKey(1, true, true)};
        var out = run(new SortOperator(type, keys, 0, -1), allocator, 100, in);
        // k DESC NULLS LAST, s ASC NULLS FIRST; equal rows keep input order (ids 1 then 6)
        assertEquals(List.of(4, 1, 6, 3, 5, 2, 7), out.column(2));
    }

    @Test
    void stringsCompareByCodePointLikeFlink() throws Exception {
        RowType type = rowType("s", LogicalType.string());
        // UTF-16 order would put the emoji (a surrogate pair) before U+FFFD; code point order puts it after
        List<RowBatch> in = List.of(batch(allocator, type, row("\uD83D\uDE00"), row("\uFFFD"), row("é"), row("z"),
                row(""), row("Z"), row("zz")));
        var out = run(new SortOperator(type, new SortKey[] {SortKey.asc(0)}, 0, -1), allocator, 100, in);
        assertEquals(List.of("", "Z", "z", "zz", "é", "\uFFFD", "\uD83D\uDE00"), out.column(0));
    }

    @Test
    void sortsEveryComparableType() throws Exception {
        Object[][] columns = {
            {LogicalType.booleanType(), true, false, null},
            {LogicalType.tinyint(), (byte) 5, (byte) -7, null, (byte) 0},
            {LogicalType.smallint(), (short) 300, (short) -300, null},
            {LogicalType.integer(), 3, -2_000_000_000, 2_000_000_000, null},
            {LogicalType.bigint(), Long.MAX_VALUE, Long.MIN_VALUE, 0L, null},
            {LogicalType.floatType(), 1.5f, -0.5f, Float.NaN, null},
            {LogicalType.doubleType(), 2.5, -1e300, Double.NaN, 1e300, null},
            {LogicalType.decimal(20, 2), new BigDecimal("12.50"), new BigDecimal("-99999999999999.99"),
                new BigDecimal("3.01"), new BigDecimal("-0.01"), null},
            {LogicalType.string(), "b", "a", "ab", null},
            {LogicalType.bytes(), new byte[] {(byte) 0xFF}, new byte[] {1, 2}, new byte[] {1}, null},
            {LogicalType.date(), LocalDate.of(2024, 1, 2), LocalDate.of(1960, 5, 1), null},
            {LogicalType.of(io.sluice.runtime.types.TypeRoot.TIME, 0), LocalTime.of(23, 0), LocalTime.of(1, 2, 3), null},
            {LogicalType.timestamp(3), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000_000),
                LocalDateTime.of(1969, 12, 31, 23, 59), null},
            {LogicalType.timestampLtz(3), Instant.ofEpochMilli(5), Instant.ofEpochMilli(-5), null},
            {LogicalType.of(io.sluice.runtime.types.TypeRoot.INTERVAL_YEAR_MONTH), Period.of(1, 2, 0),
                Period.ofMonths(-1), null},
            {LogicalType.of(io.sluice.runtime.types.TypeRoot.INTERVAL_DAY_TIME), Duration.ofSeconds(5),
                Duration.ofMillis(-3), null},
        };
        for (Object[] col : columns) {
            LogicalType t = (LogicalType) col[0];
            RowType type = rowType("v", t);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 1; i < col.length; i++) {
                rows.add(row(col[i]));
            }
            List<Object> expected = new ArrayList<>();
            for (int i = 1; i < col.length; i++) {
                expected.add(col[i]);
            }
            // DESC NULLS LAST
            expected.sort(Comparator.nullsFirst(SortOperatorTest::compareExternal).reversed());
            var out = run(new SortOperator(type, new SortKey[] {SortKey.desc(0)}, 0, -1), allocator, 2,
                    List.of(batch(allocator, type, rows)));
            List<Object> actual = out.column(0);
            List<Object> exp = new ArrayList<>();
            for (Object o : expected) {
                exp.add(o instanceof byte[] ? Arrays.toString((byte[]) o) : o);
            }
            assertEquals(exp, actual, "type " + t);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareExternal(Object a, Object b) {
        if (a instanceof byte[]) {
            return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
        }
        if (a instanceof Period) {
            return Long.compare(((Period) a).toTotalMonths(), ((Period) b).toTotalMonths());
        }
        return ((Comparable) a).compareTo(b);
    }

    @Test
    void appliesOffsetAndFetchAndEmitsBoundedBatches() throws Exception {
        RowType type = rowType("v", LogicalType.bigint());
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 25; i++) {
            rows.add(row((i * 7) % 25));
        }
        var all = run(new SortOperator(type, new SortKey[] {SortKey.asc(0)}, 0, -1), allocator, 10,
                batches(allocator, type, rows, 4));
        assertEquals(List.of(10, 10, 5), all.batchSizes);
        assertEquals(0L, all.rows.get(0).get(0));
        assertEquals(24L, all.rows.get(24).get(0));

        var page = run(new SortOperator(type, new SortKey[] {SortKey.asc(0)}, 3, 4), allocator, 3,
                batches(allocator, type, rows, 4));
        assertEquals(List.of(3L, 4L, 5L, 6L), page.column(0));
        assertEquals(List.of(3, 1), page.batchSizes);

        var beyond = run(new SortOperator(type, new SortKey[] {SortKey.asc(0)}, 30, 5), allocator, 3,
                batches(allocator, type, rows, 4));
        assertTrue(beyond.rows.isEmpty());
        var none = run(new SortOperator(type, new SortKey[] {SortKey.asc(0)}, 0, 0), allocator, 3,
                batches(allocator, type, rows, 4));
        assertTrue(none.rows.isEmpty());
    }

    @Test
    void emptyInputEmitsNothing() throws Exception {
        RowType type = rowType("v", LogicalType.integer());
        var out = run(new SortOperator(type, new SortKey[] {SortKey.asc(0)}, 0, -1), allocator, 10, List.of());
        assertTrue(out.rows.isEmpty());
    }

    @Test
    void smallFetchKeepsOnlyTopRowsAndMatchesFullSort() throws Exception {
        RowType type = rowType("k", LogicalType.integer(), "pad", LogicalType.string(), "id", LogicalType.integer());
        Random random = new Random(42);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row(random.nextInt(500), "padding-padding-padding-" + i, i));
        }
        SortKey[] keys = {SortKey.desc(0)};
        long fullPeak;
        List<List<Object>> full;
        try (BufferAllocator child = allocator.newChildAllocator("full", 0, Long.MAX_VALUE)) {
            var out = run(new SortOperator(type, keys, 0, -1), child, 256, batches(allocator, type, rows, 256));
            fullPeak = child.getPeakMemoryAllocation();
            full = out.rows;
        }
        long topPeak;
        try (BufferAllocator child = allocator.newChildAllocator("top", 0, Long.MAX_VALUE)) {
            var out = run(new SortOperator(type, keys, 2, 10), child, 256, batches(allocator, type, rows, 256));
            topPeak = child.getPeakMemoryAllocation();
            assertEquals(full.subList(2, 12), out.rows); // same rows, same tie order
        }
        assertTrue(topPeak * 10 < fullPeak, "top-N peak " + topPeak + " vs full sort " + fullPeak);
    }

    @Test
    void rowComparatorComparesAcrossVectorSets() throws Exception {
        RowType type = rowType("a", LogicalType.integer(), "b", LogicalType.string());
        try (RowBatch left = batch(allocator, type, row(1, "x"), row(2, null));
             RowBatch right = batch(allocator, type, row(1, "y"), row(2, "a"))) {
            RowComparator cmp = new RowComparator(type, new SortKey[] {SortKey.asc(0), new SortKey(1, true, false)});
            cmp.bind(left.root().getFieldVectors(), right.root().getFieldVectors());
            assertTrue(cmp.compare(0, 0) < 0);
            assertTrue(cmp.compare(1, 1) > 0); // NULL LAST
            assertTrue(cmp.compare(0, 1) < 0);
        }
    }

    @Test
    void closeWithoutEndInputReleasesBufferedRows() throws Exception {
        RowType type = rowType("v", LogicalType.string());
        SortOperator op = new SortOperator(type, new SortKey[] {SortKey.asc(0)}, 0, 1);
        op.open(OperatorTestSupport.context(allocator, 2), new OperatorTestSupport.Collector());
        for (int i = 0; i < 5; i++) {
            op.processBatch(0, batch(allocator, type, row("x" + i), row("y" + i))); // compacts on the way
        }
        op.close();
    }
}
