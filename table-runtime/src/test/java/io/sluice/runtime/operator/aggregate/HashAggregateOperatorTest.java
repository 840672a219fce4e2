package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.keys.TestBatches.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static AggregateSpec agg(AggregateKind kind, LogicalType result, int... args) {
        return new AggregateSpec(kind, args, false, -1, result, kind.name().toLowerCase());
    }

    private static AggregateSpec distinct(AggregateKind kind, LogicalType result, int... args) {
        return new AggregateSpec(kind, args, true, -1, result, kind.name().toLowerCase());
    }

    private static RowType outputType(RowType input, int[] groupFields, List<AggregateSpec> aggs) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int g : groupFields) {
            names.add(input.name(g));
            types.add(input.type(g));
        }
        for (int k = 0; k < aggs.size(); k++) {
            names.add("a" + k);
            types.add(aggs.get(k).resultType());
        }
        return new RowType(names, types);
    }

    /** Runs the operator over the batches (each closed by the operator) and returns the output. */
    private CollectingOutput run(RowType input, int[] groupFields, List<AggregateSpec> aggs, int batchSize,
            Object[][]... batches) throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (HashAggregateOperator op = new HashAggregateOperator(input, groupFields, aggs,
                outputType(input, groupFields, aggs))) {
            op.open(TestBatches.context(allocator, batchSize), out);
            for (Object[][] rows : batches) {
                op.processBatch(0, batch(allocator, input, rows));
            }
            op.endInput(0);
        }
        return out;
    }

    @Test
    void groupsByStringWithCountSumAvgMinMax() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.integer());
        List<AggregateSpec> aggs = List.of(
                agg(AggregateKind.COUNT, LogicalType.bigint().notNull()),
                agg(AggregateKind.COUNT, LogicalType.bigint().notNull(), 1),
                agg(AggregateKind.SUM, LogicalType.integer(), 1),
                agg(AggregateKind.SUM0, LogicalType.integer(), 1),
                agg(AggregateKind.AVG, LogicalType.integer(), 1),
                agg(AggregateKind.MIN, LogicalType.integer(), 1),
                agg(AggregateKind.MAX, LogicalType.integer(), 1));
        CollectingOutput out = run(in, new int[] {0}, aggs, 100,
                new Object[][] {row("a", 1), row("b", null), row("a", 2)},
                new Object[][] {row("a", 2), row(null, 7), row("b", null), row("c", -3), row("c", -4)});
        assertEquals(sorted(List.of(
                list("a", 3L, 3L, 5, 5, 1, 1, 2),
                list("b", 2L, 0L, null, 0, null, null, null),
                list("c", 2L, 2L, -7, -7, -3, -4, -3),
                list(null, 1L, 1L, 7, 7, 7, 7, 7))), sorted(out.rows));
    }

    @Test
    void integralKeysAndIntegerAggregatesAtEveryWidthAgreeWithAReference() throws Exception {
        RowType in = rowType("k", LogicalType.bigint(), "t", LogicalType.tinyint(), "s", LogicalType.smallint(),
                "i", LogicalType.integer(), "b", LogicalType.bigint(), "bool", LogicalType.booleanType());
        List<AggregateSpec> aggs = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            aggs.add(agg(AggregateKind.SUM, LogicalType.bigint(), c));
            aggs.add(agg(AggregateKind.MIN, in.type(c), c));
            aggs.add(agg(AggregateKind.MAX, in.type(c), c));
        }
        aggs.add(agg(AggregateKind.MIN, LogicalType.booleanType(), 5));
        aggs.add(agg(AggregateKind.MAX, LogicalType.booleanType(), 5));
        long[] keys = {Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE, 1L << 40};
        java.util.Random random = new java.util.Random(7);
        java.util.Map<Long, long[]> expected = new java.util.HashMap<>(); // per key: sum, min, max per column
        java.util.Map<Long, boolean[]> bools = new java.util.HashMap<>(); // seen false, seen true
        Object[][][] batches = new Object[5][][];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = new Object[300][];
            for (int r = 0; r < 300; r++) {
                Long k = random.nextInt(12) == 0 ? null : keys[random.nextInt(keys.length)];
                Object[] row = new Object[6];
                row[0] = k;
                long[] extremes = {Byte.MIN_VALUE, Byte.MAX_VALUE, Short.MIN_VALUE, Short.MAX_VALUE,
                    Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE};
                long[] acc = expected.computeIfAbsent(k, x -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE,
                    0, Long.MAX_VALUE, Long.MIN_VALUE, 0, Long.MAX_VALUE, Long.MIN_VALUE,
                    0, Long.MAX_VALUE, Long.MIN_VALUE});
                for (int c = 1; c <= 4; c++) {
                    if (random.nextInt(10) == 0) {
                        continue; // NULL
                    }
                    long v = random.nextInt(4) == 0 ? extremes[2 * (c - 1) + random.nextInt(2)]
                            : random.nextInt(201) - 100;
                    row[c] = c == 1 ? (Object) (byte) v : c == 2 ? (Object) (short) v : c == 3 ? (Object) (int) v : v;
                    int a = 3 * (c - 1);
                    acc[a] += v;
                    acc[a + 1] = Math.min(acc[a + 1], v);
                    acc[a + 2] = Math.max(acc[a + 2], v);
                }
                if (random.nextInt(3) > 0) {
                    boolean v = random.nextBoolean();
                    row[5] = v;
                    bools.computeIfAbsent(k, x -> new boolean[2])[v ? 1 : 0] = true;
                }
                batches[b][r] = row;
            }
        }
        CollectingOutput out = run(in, new int[] {0}, aggs, 3, batches);
        List<List<Object>> want = new ArrayList<>();
        for (java.util.Map.Entry<Long, long[]> e : expected.entrySet()) {
            long[] acc = e.getValue();
            List<Object> row = new ArrayList<>();
            row.add(e.getKey());
            row.add(acc[0]);
            row.add((byte) acc[1]);
            row.add((byte) acc[2]);
            row.add(acc[3]);
            row.add((short) acc[4]);
            row.add((short) acc[5]);
            row.add(acc[6]);
            row.add((int) acc[7]);
            row.add((int) acc[8]);
            row.add(acc[9]); // wraps on overflow, as Java does
            row.add(acc[10]);
            row.add(acc[11]);
            boolean[] seen = bools.get(e.getKey());
            row.add(seen == null ? null : !seen[0]);
            row.add(seen == null ? null : seen[1]);
            want.add(row);
        }
        assertEquals(sorted(want), sorted(out.rows));
    }

    @Test
    void noGroupFieldsEmitsOneRowEvenForEmptyInput() throws Exception {
        RowType in = rowType("v", LogicalType.bigint(), "d", LogicalType.doubleType());
        List<AggregateSpec> aggs = List.of(
                agg(AggregateKind.COUNT, LogicalType.bigint().notNull()),
                agg(AggregateKind.SUM, LogicalType.bigint(), 0),
                agg(AggregateKind.SUM0, LogicalType.bigint().notNull(), 0),
                agg(AggregateKind.MIN, LogicalType.bigint(), 0),
                agg(AggregateKind.AVG, LogicalType.doubleType(), 1),
                agg(AggregateKind.BOOL_AND, LogicalType.booleanType(), 0));
        // BOOL_AND over BIGINT is a planning error; check the operator refuses it clearly
        assertThrows(UnsupportedFeatureException.class, () -> run(in, new int[0], aggs, 10));
        List<AggregateSpec> valid = aggs.subList(0, 5);
        CollectingOutput empty = run(in, new int[0], valid, 10);
        assertEquals(List.of(list(0L, null, 0L, null, null)), empty.rows);
        CollectingOutput emptyBatches = run(in, new int[0], valid, 10, new Object[0][]);
        assertEquals(List.of(list(0L, null, 0L, null, null)), emptyBatches.rows);
        CollectingOutput some = run(in, new int[0], valid, 10,
                new Object[][] {row(5L, 1.0), row(null, null)}, new Object[][] {row(-2L, 2.0)});
        assertEquals(List.of(list(3L, 3L, 3L, -2L, 1.5)), some.rows);
    }

    @Test
    void groupedAggregationOfEmptyInputEmitsNothing() throws Exception {
        RowType in = rowType("k", LogicalType.integer());
        CollectingOutput out = run(in, new int[] {0},
                List.of(agg(AggregateKind.COUNT, LogicalType.bigint().notNull())), 10);
        assertTrue(out.rows.isEmpty());
    }

    @Test
    void integerAverageTruncatesLikeFlink() throws Exception {
        RowType in = rowType("v", LogicalType.integer());
        CollectingOutput out = run(in, new int[0], List.of(
                agg(AggregateKind.AVG, LogicalType.integer(), 0),
                agg(AggregateKind.AVG, LogicalType.doubleType(), 0),
                agg(AggregateKind.AVG, LogicalType.decimal(38, 6), 0)), 10,
                new Object[][] {row(1), row(2), row(2), row(-10)});
        assertEquals(List.of(list(-1, -1.25, new BigDecimal("-1.250000"))), out.rows);
    }

    @Test
    void decimalSumAndAverageUseTheResultTypesScale() throws Exception {
        RowType in = rowType("k", LogicalType.integer(), "d", LogicalType.decimal(10, 2));
        CollectingOutput out = run(in, new int[] {0}, List.of(
                agg(AggregateKind.SUM, LogicalType.decimal(38, 2), 1),
                agg(AggregateKind.AVG, LogicalType.decimal(38, 6), 1),
                agg(AggregateKind.MIN, LogicalType.decimal(10, 2), 1),
                agg(AggregateKind.MAX, LogicalType.decimal(10, 2), 1),
                agg(AggregateKind.SUM0, LogicalType.decimal(38, 2), 1)), 10,
                new Object[][] {row(1, new BigDecimal("10.25")), row(1, new BigDecimal("-0.50")),
                    row(1, new BigDecimal("0.01")), row(2, null)});
        assertEquals(sorted(List.of(
                list(1, new BigDecimal("9.76"), new BigDecimal("3.253333"), new BigDecimal("-0.50"),
                        new BigDecimal("10.25"), new BigDecimal("9.76")),
                list(2, null, null, null, null, new BigDecimal("0.00")))), sorted(out.rows));
    }

    @Test
    void decimalSumsBeyondSixtyFourBitsStayExact() throws Exception {
        RowType in = rowType("d", LogicalType.decimal(38, 0));
        BigDecimal big = new BigDecimal("90000000000000000000000000000000000000"); // 9e37
        BigDecimal neg = new BigDecimal("-12345678901234567890123");
        CollectingOutput out = run(in, new int[0], List.of(agg(AggregateKind.SUM, LogicalType.decimal(38, 0), 0),
                agg(AggregateKind.MIN, LogicalType.decimal(38, 0), 0)), 10,
                new Object[][] {row(big), row(neg), row(neg)});
        assertEquals(List.of(list(big.add(neg).add(neg), neg)), out.rows);
        CollectingOutput overflow = run(in, new int[0], List.of(agg(AggregateKind.SUM, LogicalType.decimal(38, 0), 0)),
                10, new Object[][] {row(big), row(big)});
        assertEquals(List.of(list((Object) null)), overflow.rows);
    }

    @Test
    void minAndMaxOnEveryComparableType() throws Exception {
        RowType in = rowType("s", LogicalType.string(), "d", LogicalType.date(), "ts", LogicalType.timestamp(3),
                "b", LogicalType.booleanType(), "f", LogicalType.doubleType(), "t", LogicalType.tinyint(),
                "bin", LogicalType.bytes());
        List<AggregateSpec> aggs = new ArrayList<>();
        for (int c = 0; c < in.size(); c++) {
            aggs.add(agg(AggregateKind.MIN, in.type(c), c));
            aggs.add(agg(AggregateKind.MAX, in.type(c), c));
        }
        CollectingOutput out = run(in, new int[0], aggs, 10, new Object[][] {
            row("zebra", LocalDate.of(2024, 3, 1), LocalDateTime.of(2024, 1, 1, 0, 0), true, 2.5, (byte) -1, new byte[] {5}),
            row("émile", LocalDate.of(1999, 12, 31), LocalDateTime.of(2023, 6, 1, 8, 30), false, -1.0, (byte) 7, new byte[] {(byte) 0xff}),
            row(null, null, null, null, null, null, null),
            row("apple", LocalDate.of(2000, 1, 1), LocalDateTime.of(2025, 1, 1, 0, 0, 0, 5_000_000), true, 0.0, (byte) 3, new byte[] {})});
        List<Object> r = out.rows.get(0);
        assertEquals("apple", r.get(0));
        assertEquals("émile", r.get(1)); // UTF-8 byte order: é (0xC3) sorts after z
        assertEquals(LocalDate.of(1999, 12, 31), r.get(2));
        assertEquals(LocalDate.of(2024, 3, 1), r.get(3));
        assertEquals(LocalDateTime.of(2023, 6, 1, 8, 30), r.get(4));
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0, 0, 5_000_000), r.get(5));
        assertEquals(false, r.get(6));
        assertEquals(true, r.get(7));
        assertEquals(-1.0, r.get(8));
        assertEquals(2.5, r.get(9));
        assertEquals((byte) -1, r.get(10));
        assertEquals((byte) 7, r.get(11));
        assertEquals(0, ((byte[]) r.get(12)).length);
        assertEquals((byte) 0xff, ((byte[]) r.get(13))[0]);
    }

    @Test
    void distinctAggregatesCountEachValueOncePerGroup() throws Exception {
        RowType in = rowType("k", LogicalType.integer(), "v", LogicalType.string(), "n", LogicalType.integer());
        CollectingOutput out = run(in, new int[] {0}, List.of(
                distinct(AggregateKind.COUNT, LogicalType.bigint().notNull(), 1),
                distinct(AggregateKind.SUM, LogicalType.integer(), 2),
                agg(AggregateKind.SUM, LogicalType.integer(), 2),
                distinct(AggregateKind.COUNT, LogicalType.bigint().notNull(), 1, 2)), 2,
                new Object[][] {row(1, "x", 5), row(1, "x", 5), row(1, "y", 5), row(2, "x", null)},
                new Object[][] {row(1, null, 3), row(2, "x", 4), row(1, "y", 6), row(2, "x", 4)});
        assertEquals(sorted(List.of(
                list(1, 2L, 14, 24, 3L),
                list(2, 1L, 4, 8, 1L))), sorted(out.rows));
    }

    @Test
    void filterColumnKeepsOnlyTrueRows() throws Exception {
        RowType in = rowType("v", LogicalType.integer(), "f", LogicalType.booleanType());
        List<AggregateSpec> aggs = List.of(
                new AggregateSpec(AggregateKind.COUNT, new int[0], false, 1, LogicalType.bigint().notNull(), "c"),
                new AggregateSpec(AggregateKind.SUM, new int[] {0}, false, 1, LogicalType.integer(), "s"),
                new AggregateSpec(AggregateKind.COUNT, new int[] {0}, true, 1, LogicalType.bigint().notNull(), "cd"),
                agg(AggregateKind.COUNT, LogicalType.bigint().notNull()));
        CollectingOutput out = run(in, new int[0], aggs, 10,
                new Object[][] {row(1, true), row(2, false), row(3, null), row(1, true), row(4, true), row(3, false)});
        assertEquals(List.of(list(3L, 6, 2L, 6L)), out.rows);
    }

    @Test
    void singleValueFailsOnASecondRowAndAnyValueTakesAValue() throws Exception {
        RowType in = rowType("k", LogicalType.integer(), "v", LogicalType.string());
        CollectingOutput ok = run(in, new int[] {0}, List.of(
                agg(AggregateKind.SINGLE_VALUE, LogicalType.string(), 1),
                agg(AggregateKind.ANY_VALUE, LogicalType.string(), 1)), 10,
                new Object[][] {row(2, null), row(1, "one")}, new Object[][] {row(3, "three")});
        assertEquals(sorted(List.of(list(1, "one", "one"), list(2, null, null), list(3, "three", "three"))),
                sorted(ok.rows));
        TableException e = assertThrows(TableException.class, () -> run(in, new int[0],
                List.of(agg(AggregateKind.SINGLE_VALUE, LogicalType.string(), 1)), 10,
                new Object[][] {row(1, "a")}, new Object[][] {row(2, "b")}));
        assertTrue(e.getMessage().contains("more than one row"), e.getMessage());
        CollectingOutput any = run(in, new int[0], List.of(agg(AggregateKind.ANY_VALUE, LogicalType.string(), 1)),
                10, new Object[][] {row(1, null), row(2, "b"), row(3, "c")});
        assertEquals(List.of(list("b")), any.rows);
    }

    @Test
    void boolAndOr() throws Exception {
        RowType in = rowType("k", LogicalType.integer(), "b", LogicalType.booleanType());
        CollectingOutput out = run(in, new int[] {0}, List.of(
                agg(AggregateKind.BOOL_AND, LogicalType.booleanType(), 1),
                agg(AggregateKind.BOOL_OR, LogicalType.booleanType(), 1)), 10,
                new Object[][] {row(1, true), row(1, false), row(2, true), row(2, null), row(3, null),
                    row(4, false)});
        assertEquals(sorted(List.of(list(1, false, true), list(2, true, true), list(3, null, null),
                list(4, false, false))), sorted(out.rows));
    }

    @Test
    void manyGroupsAreEmittedInBatchesOfAtMostBatchSize() throws Exception {
        RowType in = rowType("k", LogicalType.bigint(), "s", LogicalType.string(), "v", LogicalType.doubleType());
        int n = 10_000;
        List<Object[][]> batches = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            for (int start = 0; start < n; start += 1000) {
                Object[][] rows = new Object[1000][];
                for (int i = 0; i < 1000; i++) {
                    long k = start + i;
                    rows[i] = row(k % 7 == 0 ? null : k, "s" + k, 0.5);
                }
                batches.add(rows);
            }
        }
        CollectingOutput out = run(in, new int[] {0, 1}, List.of(agg(AggregateKind.COUNT, LogicalType.bigint()),
                agg(AggregateKind.SUM, LogicalType.doubleType(), 2), agg(AggregateKind.MAX, LogicalType.string(), 1)),
                777, batches.toArray(new Object[0][][]));
        assertEquals(n, out.rows.size());
        assertEquals(777, out.maxBatchSize());
        for (List<Object> r : out.rows) {
            assertEquals(3L, r.get(2));
            assertEquals(1.5, r.get(3));
            assertEquals(r.get(1), r.get(4));
        }
    }

    @Test
    void groupKeysOfEveryTypeRoundTrip() throws Exception {
        RowType in = rowType("d", LogicalType.decimal(12, 3), "day", LogicalType.date(), "b", LogicalType.booleanType(),
                "ts", LogicalType.timestampLtz(3), "f", LogicalType.floatType());
        CollectingOutput out = run(in, new int[] {0, 1, 2, 3, 4}, List.of(agg(AggregateKind.COUNT,
                LogicalType.bigint())), 1,
                new Object[][] {row(new BigDecimal("1.500"), LocalDate.of(2020, 1, 1), true,
                    java.time.Instant.ofEpochMilli(1234), 1.5f),
                    row(new BigDecimal("1.500"), LocalDate.of(2020, 1, 1), true, java.time.Instant.ofEpochMilli(1234), 1.5f),
                    row(null, null, null, null, null)});
        assertEquals(sorted(List.of(
                list(new BigDecimal("1.500"), LocalDate.of(2020, 1, 1), true, java.time.Instant.ofEpochMilli(1234), 1.5f, 2L),
                list(null, null, null, null, null, 1L))), sorted(out.rows));
        assertEquals(List.of(1, 1), out.batchSizes);
    }

    @Test
    void retractionInputIsRejectedAndEverythingIsReleased() throws Exception {
        RowType in = rowType("k", LogicalType.integer());
        HashAggregateOperator op = new HashAggregateOperator(in, new int[] {0},
                List.of(agg(AggregateKind.COUNT, LogicalType.bigint())), rowType("k", LogicalType.integer(),
                        "c", LogicalType.bigint()));
        op.open(TestBatches.context(allocator, 10), new CollectingOutput());
        op.processBatch(0, batch(allocator, in, row(1), row(2)));
        RowBatch b = batch(allocator, in, row(1));
        TinyIntVector kinds = new TinyIntVector("kind", allocator);
        kinds.allocateNew(1);
        kinds.set(0, 3); // DELETE
        kinds.setValueCount(1);
        b.setRowKinds(kinds);
        assertThrows(UnsupportedFeatureException.class, () -> op.processBatch(0, b));
        op.close();
        assertEquals(0, allocator.getAllocatedMemory());
    }
}
