package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupAggregateOperatorTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static AggregateSpec agg(AggregateKind kind, LogicalType result, int... args) {
        return new AggregateSpec(kind, args, false, -1, result, kind.name().toLowerCase());
    }

    /** Collects emitted rows as {@code +I[k, v]} strings. */
    private static final class ChangelogOutput implements Output {
        final List<String> rows = new ArrayList<>();

        @Override
        public void emit(RowBatch b) {
            try (b) {
                for (int i = 0; i < b.rowCount(); i++) {
                    rows.add(b.getRow(i).toString());
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
        }
    }

    /** A batch whose rows carry the given kinds. */
    private RowBatch changelog(RowType type, RowKind[] kinds, Object[]... rows) {
        return TestBatches.changelog(allocator, type, kinds, rows);
    }

    private GroupAggregateOperator open(RowType in, int[] groupFields, List<AggregateSpec> aggs, ChangelogOutput out)
            throws Exception {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int g : groupFields) {
            names.add(in.name(g));
            types.add(in.type(g));
        }
        for (int k = 0; k < aggs.size(); k++) {
            names.add("a" + k);
            types.add(aggs.get(k).resultType());
        }
        GroupAggregateOperator op = new GroupAggregateOperator(in, groupFields, aggs, new RowType(names, types));
        op.open(TestBatches.context(allocator, 1024), out);
        return op;
    }

    @Test
    void emitsInsertThenUpdatePairsPerRowAndSkipsUnchangedResults() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.integer());
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(in, new int[] {0},
                List.of(agg(AggregateKind.COUNT, LogicalType.bigint().notNull()),
                        agg(AggregateKind.MAX, LogicalType.integer(), 1)), out)) {
            op.processBatch(0, batch(allocator, in, row("a", 1), row("b", 5), row("a", 3)));
            op.processBatch(0, batch(allocator, in, row("a", null)));
            op.endInput(0);
        }
        assertEquals(List.of("+I[a, 1, 1]", "+I[b, 1, 5]", "-U[a, 1, 1]", "+U[a, 2, 3]",
                "-U[a, 2, 3]", "+U[a, 3, 3]"), out.rows);
    }

    @Test
    void withoutUpdateBeforeOnlyTheNewResultsAreEmitted() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.integer());
        ChangelogOutput out = new ChangelogOutput();
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.COUNT, LogicalType.bigint().notNull()),
                agg(AggregateKind.MAX, LogicalType.integer(), 1));
        GroupAggregateOperator op = new GroupAggregateOperator(in, new int[] {0}, aggs,
                rowType("k", LogicalType.string(), "a0", LogicalType.bigint().notNull(), "a1", LogicalType.integer()));
        op.dropUpdateBefore();
        op.open(TestBatches.context(allocator, 1024), out);
        try (op) {
            op.processBatch(0, batch(allocator, in, row("a", 1), row("b", 5), row("a", 3)));
            op.processBatch(0, changelog(in, new RowKind[] {RowKind.DELETE, RowKind.DELETE},
                    row("b", 5), row("a", 1)));
            op.endInput(0);
        }
        assertEquals(List.of("+I[a, 1, 1]", "+I[b, 1, 5]", "+U[a, 2, 3]", "-D[b, 1, 5]", "+U[a, 1, 3]"), out.rows);
    }

    /**
     * Without {@code -U} rows the changelog is the full one less its {@code -U} rows, over random changelog input with a
     * string key, a FILTER, NULL arguments, DISTINCT and string MAX, with and without an unfiltered COUNT(*) (with it,
     * the operator writes only the new results of an added row).
     */
    @Test
    void droppingUpdateBeforeLeavesTheFullChangelogLessItsUpdateBeforeRows() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.bigint(), "s", LogicalType.string(),
                "f", LogicalType.booleanType());
        AggregateSpec countStar = agg(AggregateKind.COUNT, LogicalType.bigint().notNull());
        AggregateSpec filteredSum = new AggregateSpec(AggregateKind.SUM, new int[] {1}, false, 3,
                LogicalType.bigint(), "fsum");
        AggregateSpec distinctCount = new AggregateSpec(AggregateKind.COUNT, new int[] {1}, true, -1,
                LogicalType.bigint().notNull(), "cd");
        AggregateSpec maxString = agg(AggregateKind.MAX, LogicalType.string(), 2);
        java.util.Random random = new java.util.Random(7);
        for (List<AggregateSpec> aggs : List.of(List.of(countStar, filteredSum, distinctCount, maxString),
                List.of(filteredSum, maxString, distinctCount))) {
            List<RowKind[]> kinds = new ArrayList<>();
            List<Object[][]> batches = new ArrayList<>();
            List<Object[]> held = new ArrayList<>();
            for (int b = 0; b < 6; b++) {
                int n = 1 + random.nextInt(40);
                RowKind[] k = new RowKind[n];
                Object[][] rows = new Object[n][];
                for (int r = 0; r < n; r++) {
                    if (!held.isEmpty() && random.nextInt(4) == 0) {
                        rows[r] = held.remove(random.nextInt(held.size()));
                        k[r] = random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE;
                    } else {
                        rows[r] = row("k" + random.nextInt(3), random.nextInt(5) == 0 ? null : (long) random.nextInt(6),
                                random.nextInt(5) == 0 ? null : "s" + random.nextInt(9),
                                random.nextInt(5) == 0 ? null : random.nextBoolean());
                        k[r] = random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER;
                        held.add(rows[r]);
                    }
                }
                kinds.add(k);
                batches.add(rows);
            }
            ChangelogOutput full = new ChangelogOutput();
            ChangelogOutput dropped = new ChangelogOutput();
            for (ChangelogOutput out : List.of(full, dropped)) {
                List<String> names = new ArrayList<>(List.of("k"));
                List<LogicalType> types = new ArrayList<>(List.of(LogicalType.string()));
                for (int a = 0; a < aggs.size(); a++) {
                    names.add("a" + a);
                    types.add(aggs.get(a).resultType());
                }
                GroupAggregateOperator op = new GroupAggregateOperator(in, new int[] {0}, aggs,
                        new RowType(names, types));
                if (out == dropped) {
                    op.dropUpdateBefore();
                }
                op.open(TestBatches.context(allocator, 1024), out);
                try (op) {
                    for (int b = 0; b < batches.size(); b++) {
                        op.processBatch(0, changelog(in, kinds.get(b), batches.get(b)));
                    }
                    op.endInput(0);
                }
            }
            List<String> expected = full.rows.stream().filter(r -> !r.startsWith("-U")).toList();
            assertEquals(expected, dropped.rows, "aggregates " + aggs.size());
            assertEquals(true, full.rows.size() > expected.size(), "the input updates groups");
        }
    }

    /**
     * String MIN/MAX over an insert-only input (one value per group, compared as UTF-8 bytes) give what the general
     * MIN/MAX (every value kept, compared as code points) gives, with characters beyond the BMP, where UTF-16 order
     * differs from code point order.
     */
    @Test
    void insertOnlyStringMinMaxFollowCodePointOrder() throws Exception {
        RowType in = rowType("k", LogicalType.integer(), "s", LogicalType.string());
        String[] pieces = {"a", "b", "ab", "\uFF5E", "\uD83D\uDE00", "\u00E9", "", "z\uD83D\uDE00"};
        java.util.Random random = new java.util.Random(11);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 400; r++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(3); n >= 0; n--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            rows.add(row(random.nextInt(4), random.nextInt(10) == 0 ? null : b.toString()));
        }
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.MIN, LogicalType.string(), 1),
                agg(AggregateKind.MAX, LogicalType.string(), 1));
        ChangelogOutput general = new ChangelogOutput();
        ChangelogOutput insertOnly = new ChangelogOutput();
        for (ChangelogOutput out : List.of(general, insertOnly)) {
            GroupAggregateOperator op = new GroupAggregateOperator(in, new int[] {0}, aggs,
                    rowType("k", LogicalType.integer(), "a0", LogicalType.string(), "a1", LogicalType.string()));
            if (out == insertOnly) {
                op.assumeInsertOnlyInput();
            }
            op.open(TestBatches.context(allocator, 1024), out);
            try (op) {
                for (int from = 0; from < rows.size(); from += 50) {
                    op.processBatch(0, batch(allocator, in, rows.subList(from, from + 50).toArray(new Object[0][])));
                }
            }
        }
        assertEquals(general.rows, insertOnly.rows);
        assertEquals(true, general.rows.size() > 20, "the extremes change");
    }

    @Test
    void unchangedResultEmitsNothing() throws Exception {
        RowType in = rowType("k", LogicalType.integer(), "v", LogicalType.integer());
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(in, new int[] {0},
                List.of(agg(AggregateKind.MAX, LogicalType.integer(), 1)), out)) {
            op.processBatch(0, batch(allocator, in, row(1, 7), row(1, 2), row(1, 9)));
        }
        assertEquals(List.of("+I[1, 7]", "-U[1, 7]", "+U[1, 9]"), out.rows);
    }

    @Test
    void retractionsUpdateMinMaxSumAndDeleteEmptyGroups() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.integer(), "d",
                LogicalType.decimal(10, 2));
        ChangelogOutput out = new ChangelogOutput();
        RowKind i = RowKind.INSERT;
        try (GroupAggregateOperator op = open(in, new int[] {0},
                List.of(agg(AggregateKind.MIN, LogicalType.integer(), 1),
                        agg(AggregateKind.SUM, LogicalType.integer(), 1),
                        agg(AggregateKind.SUM, LogicalType.decimal(38, 2), 2)), out)) {
            op.processBatch(0, changelog(in, new RowKind[] {i, i, RowKind.UPDATE_BEFORE, RowKind.DELETE,
                    RowKind.DELETE, RowKind.DELETE},
                    row("x", 1, new BigDecimal("1.50")), row("x", 4, new BigDecimal("2.00")),
                    row("x", 1, new BigDecimal("1.50")), row("x", 4, new BigDecimal("2.00")),
                    row("y", 3, null), row("x", 4, null)));
        }
        assertEquals(List.of("+I[x, 1, 1, 1.50]", "-U[x, 1, 1, 1.50]", "+U[x, 1, 5, 3.50]",
                "-U[x, 1, 5, 3.50]", "+U[x, 4, 4, 2.00]", "-D[x, 4, 4, 2.00]"), out.rows);
    }

    @Test
    void globalAggregateWithDistinctCountsEachValueOnceUnderRetraction() throws Exception {
        RowType in = rowType("v", LogicalType.integer());
        ChangelogOutput out = new ChangelogOutput();
        AggregateSpec countDistinct = new AggregateSpec(AggregateKind.COUNT, new int[] {0}, true, -1,
                LogicalType.bigint().notNull(), "cd");
        try (GroupAggregateOperator op = open(in, new int[0], List.of(countDistinct), out)) {
            op.processBatch(0, changelog(in, new RowKind[] {RowKind.INSERT, RowKind.INSERT, RowKind.INSERT,
                    RowKind.DELETE, RowKind.DELETE}, row(5), row(5), row(6), row(5), row(5)));
        }
        assertEquals(List.of("+I[1]", "-U[1]", "+U[2]", "-U[2]", "+U[1]"), out.rows);
    }

    @Test
    void snapshotAndRestoreContinueExactlyWhereTheStateWas() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.integer(), "d", LogicalType.decimal(10, 2));
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.COUNT, LogicalType.bigint().notNull()),
                agg(AggregateKind.MAX, LogicalType.integer(), 1),
                agg(AggregateKind.SUM, LogicalType.decimal(38, 2), 2),
                new AggregateSpec(AggregateKind.COUNT, new int[] {1}, true, -1, LogicalType.bigint().notNull(), "cd"));
        Object[][] first = {row("a", 1, new BigDecimal("1.10")), row("b", 5, null), row("a", 3, new BigDecimal("2.00"))};
        Object[][] second = {row("a", 1, new BigDecimal("0.01")), row("c", 7, new BigDecimal("3.00")),
                row("b", 6, new BigDecimal("1.00"))};

        ChangelogOutput uninterrupted = new ChangelogOutput();
        try (GroupAggregateOperator op = open(in, new int[] {0}, aggs, uninterrupted)) {
            op.processBatch(0, batch(allocator, in, first));
            op.processBatch(0, batch(allocator, in, second));
        }

        ChangelogOutput restoredOut = new ChangelogOutput();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (GroupAggregateOperator op = open(in, new int[] {0}, aggs, restoredOut)) {
            op.processBatch(0, batch(allocator, in, first));
            op.snapshotState(new io.sluice.runtime.state.StateWriter(bytes));
        }
        try (GroupAggregateOperator op = open(in, new int[] {0}, aggs, restoredOut)) {
            op.restoreState(new io.sluice.runtime.state.StateReader(
                    new java.io.ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, batch(allocator, in, second));
        }
        assertEquals(uninterrupted.rows, restoredOut.rows);
    }

    /**
     * An asynchronous snapshot written after more rows were folded (new groups, so the key table grows and
     * reallocates; updated accumulators) holds the groups at the barrier, byte for byte the synchronous snapshot.
     */
    @Test
    void anAsynchronousSnapshotHoldsTheGroupsAtTheBarrier() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.integer(), "d", LogicalType.decimal(10, 2));
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.COUNT, LogicalType.bigint().notNull()),
                agg(AggregateKind.MAX, LogicalType.integer(), 1),
                agg(AggregateKind.SUM, LogicalType.decimal(38, 2), 2),
                new AggregateSpec(AggregateKind.COUNT, new int[] {1}, true, -1, LogicalType.bigint().notNull(), "cd"));
        Object[][] first = new Object[300][];
        Object[][] second = new Object[3000][];
        for (int i = 0; i < first.length; i++) {
            first[i] = row("key-" + (i % 100), i, new BigDecimal(i + ".25"));
        }
        for (int i = 0; i < second.length; i++) {
            second[i] = row("other-key-" + i, -i, null);
        }
        ChangelogOutput out = new ChangelogOutput();
        try (GroupAggregateOperator op = open(in, new int[] {0}, aggs, out)) {
            op.processBatch(0, batch(allocator, in, first));
            java.io.ByteArrayOutputStream sync = new java.io.ByteArrayOutputStream();
            op.snapshotState(new io.sluice.runtime.state.StateWriter(sync));
            java.io.ByteArrayOutputStream async = new java.io.ByteArrayOutputStream();
            try (io.sluice.runtime.state.StateSnapshot frozen = op.snapshotStateAsync()) {
                op.processBatch(0, batch(allocator, in, second));
                op.processBatch(0, batch(allocator, in, first));
                frozen.write(new io.sluice.runtime.state.StateWriter(async));
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(sync.toByteArray(), async.toByteArray());
            java.io.ByteArrayOutputStream now = new java.io.ByteArrayOutputStream();
            op.snapshotState(new io.sluice.runtime.state.StateWriter(now));
            org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(sync.toByteArray(),
                    now.toByteArray()));
        }
    }

    @Test
    void minAndMaxOverAnInsertOnlyInputKeepOneValueAndShareTheMultisetsCheckpointFormat() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.bigint(), "s", LogicalType.string(),
                "i", LogicalType.integer());
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.MIN, LogicalType.bigint(), 1),
                agg(AggregateKind.MAX, LogicalType.bigint(), 1), agg(AggregateKind.MIN, LogicalType.string(), 2),
                agg(AggregateKind.MAX, LogicalType.string(), 2), agg(AggregateKind.MAX, LogicalType.integer(), 3));
        Object[][] first = {row("a", 5L, "pear", 1), row("b", null, null, null), row("a", -3L, "apple", 7)};
        Object[][] second = {row("a", 9L, "zoo", 2), row("b", 4L, "kiwi", -1), row("a", 0L, "b", 8)};

        ChangelogOutput multiset = new ChangelogOutput();
        java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
        try (GroupAggregateOperator op = open(in, new int[] {0}, aggs, multiset)) {
            op.processBatch(0, batch(allocator, in, first));
            op.snapshotState(new io.sluice.runtime.state.StateWriter(saved));
            op.processBatch(0, batch(allocator, in, second));
        }
        // an insert-only operator restored from the multiset operator's checkpoint emits the same changes
        ChangelogOutput insertOnly = new ChangelogOutput();
        java.io.ByteArrayOutputStream resaved = new java.io.ByteArrayOutputStream();
        try (GroupAggregateOperator op = openInsertOnly(in, aggs, insertOnly)) {
            op.processBatch(0, batch(allocator, in, first));
            op.snapshotState(new io.sluice.runtime.state.StateWriter(resaved));
        }
        try (GroupAggregateOperator op = openInsertOnly(in, aggs, insertOnly)) {
            op.restoreState(new io.sluice.runtime.state.StateReader(
                    new java.io.ByteArrayInputStream(saved.toByteArray())));
            op.processBatch(0, batch(allocator, in, second));
        }
        assertEquals(multiset.rows, insertOnly.rows);
        assertEquals(List.of("+I[a, 5, 5, pear, pear, 1]", "+I[b, null, null, null, null, null]",
                "-U[a, 5, 5, pear, pear, 1]", "+U[a, -3, 5, apple, pear, 7]"), multiset.rows.subList(0, 4));
        // and the insert-only operator's checkpoint restores into the multiset operator
        ChangelogOutput back = new ChangelogOutput();
        try (GroupAggregateOperator op = open(in, new int[] {0}, aggs, back)) {
            op.restoreState(new io.sluice.runtime.state.StateReader(
                    new java.io.ByteArrayInputStream(resaved.toByteArray())));
            op.processBatch(0, batch(allocator, in, second));
        }
        assertEquals(multiset.rows.subList(4, multiset.rows.size()), back.rows);
    }

    @Test
    void aRetractionReachingAnInsertOnlyMinFailsTheJob() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "v", LogicalType.bigint());
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.MIN, LogicalType.bigint(), 1));
        try (GroupAggregateOperator op = openInsertOnly(in, aggs, new ChangelogOutput())) {
            op.processBatch(0, batch(allocator, in, new Object[][] {row("a", 1L)}));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> op.processBatch(0,
                    changelog(in, new RowKind[] {RowKind.DELETE}, new Object[][] {row("a", 1L)})));
        }
    }

    private GroupAggregateOperator openInsertOnly(RowType in, List<AggregateSpec> aggs, ChangelogOutput out)
            throws Exception {
        List<String> names = new ArrayList<>(List.of(in.name(0)));
        List<LogicalType> types = new ArrayList<>(List.of(in.type(0)));
        for (int k = 0; k < aggs.size(); k++) {
            names.add("a" + k);
            types.add(aggs.get(k).resultType());
        }
        GroupAggregateOperator op = new GroupAggregateOperator(in, new int[] {0}, aggs, new RowType(names, types))
                .assumeInsertOnlyInput();
        op.open(TestBatches.context(allocator, 1024), out);
        return op;
    }
}
