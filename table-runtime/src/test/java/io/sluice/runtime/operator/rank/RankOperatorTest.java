package io.sluice.runtime.operator.rank;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.rank.ChangelogCollector.changelog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RankOperatorTest {
    private static final RowKind I = RowKind.INSERT;
    private static final RowKind UB = RowKind.UPDATE_BEFORE;
    private static final RowKind UA = RowKind.UPDATE_AFTER;
    private static final RowKind D = RowKind.DELETE;

    /** (k, name, score), partitioned by k, ordered by score DESC. */
    private static final RowType SCORES = rowType("k", LogicalType.string(), "name", LogicalType.string(),
            "score", LogicalType.integer());
    private static final SortKey[] BY_SCORE_DESC = {SortKey.desc(2)};

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static RowType withRank(RowType in) {
        List<String> names = new ArrayList<>(in.names());
        List<LogicalType> types = new ArrayList<>(in.types());
        names.add("rn");
        types.add(LogicalType.bigint().notNull());
        return new RowType(names, types);
    }

    private RankOperator open(int[] partition, long start, long end, boolean rankNumber, boolean insertOnly,
            ChangelogCollector out, int batchSize) throws Exception {
        RankOperator op = new RankOperator(SCORES, partition, BY_SCORE_DESC, start, end, rankNumber, insertOnly,
                rankNumber ? withRank(SCORES) : SCORES);
        op.open(TestBatches.context(allocator, batchSize), out);
        return op;
    }

    @Test
    void topTwoWithRankNumberShiftsLowerRanksOnInsertOnlyInput() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(new int[] {0}, 1, 2, true, true, out, 1024)) {
            op.processBatch(0, batch(allocator, SCORES, row("a", "x", 10), row("a", "y", 20), row("b", "m", 1),
                    row("a", "z", 5), row("a", "w", 20)));
            assertEquals(List.of("+I[a, x, 10, 1]",
                    "-U[a, x, 10, 1]", "+U[a, y, 20, 1]", "+I[a, x, 10, 2]",
                    "+I[b, m, 1, 1]",
                    // z (5) does not enter; w ties with y and ranks after it
                    "-U[a, x, 10, 2]", "+U[a, w, 20, 2]"), out.take());
            op.processBatch(0, batch(allocator, SCORES, row("a", "q", 30), row("a", "t", 20), row("b", "n", 2)));
            assertEquals(List.of("-U[a, y, 20, 1]", "+U[a, q, 30, 1]", "-U[a, w, 20, 2]", "+U[a, y, 20, 2]",
                    // t ties with y at rank 2 and arrives later: rank 3, nothing
                    "-U[b, m, 1, 1]", "+U[b, n, 2, 1]", "+I[b, m, 1, 2]"), out.take());
            op.endInput(0);
        }
    }

    @Test
    void topTwoWithoutRankNumberEmitsInsertAndDeleteOfTheRowPushedOut() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(new int[] {0}, 1, 2, false, true, out, 1024)) {
            op.processBatch(0, batch(allocator, SCORES, row("a", "x", 10), row("a", "y", 20), row("b", "m", 1),
                    row("a", "z", 5), row("a", "w", 20), row("a", "q", 30), row("a", "t", 20)));
        }
        assertEquals(List.of("+I[a, x, 10]", "+I[a, y, 20]", "+I[b, m, 1]",
                "-D[a, x, 10]", "+I[a, w, 20]",
                "-D[a, w, 20]", "+I[a, q, 30]"), out.rows);
    }

    @Test
    void retractingInputPromotesTheNextRowWithRankNumber() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(new int[0], 1, 2, true, false, out, 1024)) {
            op.processBatch(0, changelog(allocator, SCORES, row(I, "a", "a", 10), row(I, "b", "b", 20),
                    row(I, "c", "c", 5)));
            assertEquals(List.of("+I[a, a, 10, 1]", "-U[a, a, 10, 1]", "+U[b, b, 20, 1]", "+I[a, a, 10, 2]"),
                    out.take());
            op.processBatch(0, changelog(allocator, SCORES, row(D, "b", "b", 20)));
            assertEquals(List.of("-U[b, b, 20, 1]", "+U[a, a, 10, 1]", "-U[a, a, 10, 2]", "+U[c, c, 5, 2]"),
                    out.take());
            // an update of a: retract the old row, then accumulate the new one
            op.processBatch(0, changelog(allocator, SCORES, row(UB, "a", "a", 10), row(UA, "a", "a", 30),
                    row(D, "z", "z", 99)));
            assertEquals(List.of("-U[a, a, 10, 1]", "+U[c, c, 5, 1]", "-D[c, c, 5, 2]",
                    "-U[c, c, 5, 1]", "+U[a, a, 30, 1]", "+I[c, c, 5, 2]"), out.take());
        }
    }

    @Test
    void retractingInputWithoutRankNumberDeletesAndInsertsThePromotedRow() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(new int[0], 1, 2, false, false, out, 1024)) {
            op.processBatch(0, changelog(allocator, SCORES, row(I, "a", "a", 10), row(I, "b", "b", 20),
                    row(I, "c", "c", 5), row(D, "b", "b", 20), row(I, "d", "d", 15), row(D, "c", "c", 5),
                    row(D, "a", "a", 10)));
        }
        assertEquals(List.of("+I[a, a, 10]", "+I[b, b, 20]",
                "-D[b, b, 20]", "+I[c, c, 5]",
                "-D[c, c, 5]", "+I[d, d, 15]",
                // c (rank 3) leaves silently; a leaves the top 2 with nobody to promote
                "-D[a, a, 10]"), out.rows);
    }

    @Test
    void retractionRemovesOneOfTwoEqualRowsAndRanksFollowArrivalOrder() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(new int[] {0}, 1, 3, true, false, out, 1024)) {
            op.processBatch(0, changelog(allocator, SCORES, row(I, "p", "x", 7), row(I, "p", "y", 7),
                    row(I, "p", "x", 7), row(D, "p", "x", 7)));
        }
        assertEquals(List.of("+I[p, x, 7, 1]", "+I[p, y, 7, 2]", "+I[p, x, 7, 3]",
                "-U[p, x, 7, 1]", "+U[p, y, 7, 1]", "-U[p, y, 7, 2]", "+U[p, x, 7, 2]", "-D[p, x, 7, 3]"),
                out.rows);
    }

    @Test
    void rankRangeWithOffsetEmitsOnlyRanksInRange() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(new int[0], 2, 3, true, true, out, 1024)) {
            op.processBatch(0, batch(allocator, SCORES, row("a", "a", 10), row("b", "b", 20), row("c", "c", 30)));
        }
        assertEquals(List.of("+I[a, a, 10, 2]",
                "-U[a, a, 10, 2]", "+U[b, b, 20, 2]", "+I[a, a, 10, 3]"), out.rows);
    }

    @Test
    void longRunsCompactStateAndSplitOutputBatches() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        int n = 3000;
        try (RankOperator op = open(new int[0], 1, 1, false, true, out, 4)) {
            for (int start = 0; start < n; start += 500) {
                Object[][] rows = new Object[500][];
                for (int k = 0; k < 500; k++) {
                    rows[k] = row("g", "r" + (start + k), start + k);
                }
                op.processBatch(0, batch(allocator, SCORES, rows));
            }
            op.processBatch(0, batch(allocator, SCORES, row("g", "low", 5), row("g", "top", 5000)));
            assertEquals(2, op.storedRowIds(), "dead rows were compacted away");
        }
        assertEquals(1 + 2 * (n - 1) + 2, out.rows.size());
        assertEquals(List.of("-D[g, r2999, 2999]", "+I[g, top, 5000]"), out.rows.subList(out.rows.size() - 2,
                out.rows.size()));
        assertEquals(4, out.maxBatchRows);
    }

    @Test
    void forwardsWatermarks() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(new int[] {0}, 1, 2, true, true, out, 1024)) {
            op.processWatermark(0, 42L, out);
        }
        assertEquals(List.of(42L), out.watermarks);
    }

    @Test
    void rejectsRetractionsOnInsertOnlyInputAndRankFunctionsOtherThanRowNumber() throws Exception {
        ChangelogCollector out = new ChangelogCollector();
        try (RankOperator op = open(new int[] {0}, 1, 2, true, true, out, 1024)) {
            RowBatch b = changelog(allocator, SCORES, row(D, "a", "x", 1));
            assertThrows(IllegalStateException.class, () -> op.processBatch(0, b));
        }
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> new RankOperator(SCORES, new int[0], BY_SCORE_DESC, RankType.RANK, 1, 2, true, true,
                        withRank(SCORES)));
        assertTrue(e.getMessage().startsWith("not supported yet: RANK()"));
    }
}
