package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingJoinOperatorTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "lv", LogicalType.string());
    private static final RowType R = rowType("k", LogicalType.integer(), "rv", LogicalType.string());
    private static final boolean[] NOT_NULL_SAFE = {false};

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Collects emitted rows as {@code +I[...]} strings and watermarks. */
    static final class ChangelogOutput implements Output {
        final List<String> rows = new ArrayList<>();
        final List<Long> watermarks = new ArrayList<>();
        int maxBatch;

        @Override
        public void emit(RowBatch b) {
            try (b) {
                maxBatch = Math.max(maxBatch, b.rowCount());
                for (int i = 0; i < b.rowCount(); i++) {
                    rows.add(b.getRow(i).toString());
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            watermarks.add(watermark);
        }

        List<String> drain() {
            List<String> copy = new ArrayList<>(rows);
            rows.clear();
            return copy;
        }
    }

    /** Drives one operator: {@code send(input, "+I", 1, "a", "-D", 2, "b")} sends one batch of rows. */
    final class Harness implements AutoCloseable {
        final StreamingJoinOperator op;
        final ChangelogOutput out = new ChangelogOutput();
        private final RowType[] types;

        Harness(JoinType type, RowType left, RowType right, boolean[] nullSafe,
                GeneratedClass<BatchPredicate> residual, int batchSize) throws Exception {
            types = new RowType[] {left, right};
            op = new StreamingJoinOperator(type, left, right, new int[] {0}, new int[] {0}, nullSafe, residual,
                    outputType(type, left, right));
            op.open(TestBatches.context(allocator, batchSize), out);
        }

        Harness(JoinType type) throws Exception {
            this(type, L, R, NOT_NULL_SAFE, null, 100);
        }

        /** Sends one batch of rows written as kind, then the row's values, repeated; returns the output. */
        List<String> send(int input, Object... kindsAndValues) throws Exception {
            int width = types[input].size() + 1;
            int n = kindsAndValues.length / width;
            RowKind[] kinds = new RowKind[n];
            Object[][] rows = new Object[n][];
            for (int r = 0; r < n; r++) {
                kinds[r] = kind((String) kindsAndValues[r * width]);
                rows[r] = Arrays.copyOfRange(kindsAndValues, r * width + 1, (r + 1) * width);
            }
            op.processBatch(input, changelog(types[input], kinds, rows));
            return out.drain();
        }

        @Override
        public void close() throws Exception {
            op.close();
        }
    }

    private static RowKind kind(String s) {
        for (RowKind k : RowKind.values()) {
            if (k.shortString().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException(s);
    }

    RowBatch changelog(RowType type, RowKind[] kinds, Object[][] rows) {
        RowBatch b = batch(allocator, type, rows);
        TinyIntVector k = new TinyIntVector("$row_kind", allocator);
        k.allocateNew(Math.max(1, rows.length));
        for (int i = 0; i < rows.length; i++) {
            k.set(i, kinds[i].toByteValue());
        }
        k.setValueCount(rows.length);
        b.setRowKinds(k);
        return b;
    }

    @Test
    void innerJoinOnInterleavedInsertOnlyBatches() throws Exception {
        try (Harness h = new Harness(JoinType.INNER)) {
            assertEquals(List.of(), h.send(0, "+I", 1, "a"));
            assertEquals(List.of("+I[1, a, 1, x]"), h.send(1, "+I", 1, "x", "+I", 2, "y"));
            assertEquals(List.of("+I[2, b, 2, y]", "+I[1, c, 1, x]"), h.send(0, "+I", 2, "b", "+I", 1, "c", "+I", 3, "d"));
            assertEquals(List.of("+I[1, a, 1, z]", "+I[1, c, 1, z]", "+I[3, d, 3, w]"),
                    h.send(1, "+I", 1, "z", "+I", 3, "w"));
            assertEquals(4, h.op.stateRows(0));
            assertEquals(4, h.op.stateRows(1));
        }
    }

    @Test
    void innerJoinForwardsTheInputRowKind() throws Exception {
        try (Harness h = new Harness(JoinType.INNER)) {
            h.send(0, "+I", 1, "a", "+I", 1, "b");
            assertEquals(List.of("+U[1, a, 1, x]", "+U[1, b, 1, x]"), h.send(1, "+U", 1, "x"));
            assertEquals(List.of("-U[1, a, 1, x]", "-U[1, b, 1, x]"), h.send(1, "-U", 1, "x"));
            assertEquals(List.of(), h.send(1, "-D", 1, "x"), "retracting a row not in state is ignored");
            h.send(1, "+I", 1, "y");
            assertEquals(List.of("-D[1, a, 1, y]", "+I[1, c, 1, y]"), h.send(0, "-D", 1, "a", "+I", 1, "c"));
            assertEquals(List.of("-D[1, b, 1, y]", "-D[1, c, 1, y]"), h.send(1, "-D", 1, "y"));
            assertEquals(2, h.op.stateRows(0));
            assertEquals(0, h.op.stateRows(1));
        }
    }

    @Test
    void retractionWithinOneBatchOnlySeesEarlierRows() throws Exception {
        try (Harness h = new Harness(JoinType.INNER)) {
            h.send(1, "+I", 1, "x");
            // the -D comes before its +I: ignored; the +I stays
            assertEquals(List.of("+I[1, a, 1, x]"), h.send(0, "-D", 1, "a", "+I", 1, "a"));
            assertEquals(List.of("-D[1, a, 1, x]", "+I[1, a, 1, x]", "-D[1, a, 1, x]"),
                    h.send(0, "-D", 1, "a", "+I", 1, "a", "-D", 1, "a"));
            assertEquals(0, h.op.stateRows(0));
        }
    }

    @Test
    void leftJoinChangelogSequence() throws Exception {
        try (Harness h = new Harness(JoinType.LEFT)) {
            assertEquals(List.of("+I[1, a, null, null]"), h.send(0, "+I", 1, "a"));
            assertEquals(List.of("-D[1, a, null, null]", "+I[1, a, 1, x]"), h.send(1, "+I", 1, "x"));
            assertEquals(List.of("+I[1, a, 1, y]"), h.send(1, "+U", 1, "y"));
            assertEquals(List.of("+I[1, b, 1, x]", "+I[1, b, 1, y]"), h.send(0, "+I", 1, "b"));
            assertEquals(List.of("-D[1, a, 1, x]", "-D[1, b, 1, x]"), h.send(1, "-D", 1, "x"));
            assertEquals(List.of("-U[1, a, 1, y]", "+I[1, a, null, null]", "-U[1, b, 1, y]", "+I[1, b, null, null]"),
                    h.send(1, "-U", 1, "y"));
            assertEquals(List.of("-D[1, a, null, null]"), h.send(0, "-U", 1, "a"));
            assertEquals(List.of("+I[2, c, null, null]", "-D[2, c, null, null]"), h.send(0, "+I", 2, "c", "-D", 2, "c"));
            assertEquals(List.of(), h.send(0, "-D", 2, "c"));
            assertEquals(1, h.op.stateRows(0));
        }
    }

    @Test
    void leftJoinRetractingTheOuterRowDeletesEveryJoinedRow() throws Exception {
        try (Harness h = new Harness(JoinType.LEFT)) {
            h.send(1, "+I", 1, "x", "+I", 1, "y", "+I", 2, "z");
            assertEquals(List.of("+I[1, a, 1, x]", "+I[1, a, 1, y]"), h.send(0, "+I", 1, "a"));
            assertEquals(List.of("-D[1, a, 1, x]", "-D[1, a, 1, y]"), h.send(0, "-D", 1, "a"));
            assertEquals(List.of(), h.send(1, "-D", 1, "x"), "no left row holds an association any more");
        }
    }

    @Test
    void rightJoinMirrorsLeftJoin() throws Exception {
        try (Harness h = new Harness(JoinType.RIGHT)) {
            assertEquals(List.of(), h.send(0, "+I", 1, "a"));
            assertEquals(List.of("+I[1, a, 1, x]", "+I[null, null, 2, y]"), h.send(1, "+I", 1, "x", "+I", 2, "y"));
            assertEquals(List.of("-D[null, null, 2, y]", "+I[2, b, 2, y]"), h.send(0, "+I", 2, "b"));
            assertEquals(List.of("-D[1, a, 1, x]", "+I[null, null, 1, x]"), h.send(0, "-D", 1, "a"));
            assertEquals(List.of("-D[null, null, 1, x]"), h.send(1, "-D", 1, "x"));
        }
    }

    @Test
    void fullJoinPadsAndUnpadsBothSides() throws Exception {
        try (Harness h = new Harness(JoinType.FULL)) {
            assertEquals(List.of("+I[1, a, null, null]"), h.send(0, "+I", 1, "a"));
            assertEquals(List.of("-D[1, a, null, null]", "+I[1, a, 1, x]", "+I[null, null, 2, y]"),
                    h.send(1, "+I", 1, "x", "+I", 2, "y"));
            assertEquals(List.of("-D[1, a, 1, x]", "+I[null, null, 1, x]"), h.send(0, "-D", 1, "a"));
            assertEquals(List.of("-D[null, null, 1, x]", "+I[1, b, 1, x]"), h.send(0, "+I", 1, "b"));
            assertEquals(List.of("-D[1, b, 1, x]", "+I[1, b, null, null]"), h.send(1, "-D", 1, "x"));
            assertEquals(List.of("-D[null, null, 2, y]"), h.send(1, "-D", 2, "y"));
        }
    }

    @Test
    void duplicateRowsAreAMultiset() throws Exception {
        try (Harness h = new Harness(JoinType.LEFT)) {
            assertEquals(List.of("+I[1, a, null, null]", "+I[1, a, null, null]"), h.send(0, "+I", 1, "a", "+I", 1, "a"));
            assertEquals(List.of("-D[1, a, null, null]", "+I[1, a, 1, x]", "-D[1, a, null, null]", "+I[1, a, 1, x]"),
                    h.send(1, "+I", 1, "x"));
            assertEquals(List.of("-D[1, a, 1, x]"), h.send(0, "-D", 1, "a"));
            assertEquals(List.of("+I[1, a, 1, x]"), h.send(1, "+I", 1, "x"));
            assertEquals(List.of("-D[1, a, 1, x]"), h.send(1, "-D", 1, "x"));
            assertEquals(List.of("-D[1, a, 1, x]", "+I[1, a, null, null]"), h.send(1, "-D", 1, "x"));
        }
    }

    @Test
    void nullKeysNeverMatchUnlessNullSafe() throws Exception {
        try (Harness h = new Harness(JoinType.FULL)) {
            assertEquals(List.of("+I[null, a, null, null]"), h.send(0, "+I", null, "a"));
            assertEquals(List.of("+I[null, null, null, x]"), h.send(1, "+I", null, "x"));
            assertEquals(List.of("-D[null, a, null, null]"), h.send(0, "-D", null, "a"));
            assertEquals(List.of(), h.send(0, "-D", null, "a"));
        }
        try (Harness h = new Harness(JoinType.INNER)) {
            h.send(0, "+I", null, "a");
            assertEquals(List.of(), h.send(1, "+I", null, "x"));
            assertEquals(0, h.op.stateRows(0), "an inner side need not keep rows that can never match");
        }
        try (Harness h = new Harness(JoinType.LEFT, L, R, new boolean[] {true}, null, 100)) {
            assertEquals(List.of("+I[null, a, null, null]"), h.send(0, "+I", null, "a"));
            assertEquals(List.of("-D[null, a, null, null]", "+I[null, a, null, x]"), h.send(1, "+I", null, "x"));
        }
    }

    @Test
    void residualConditionDecidesAssociations() throws Exception {
        RowType l = rowType("k", LogicalType.integer(), "x", LogicalType.integer());
        RowType r = rowType("k", LogicalType.integer(), "y", LogicalType.integer());
        try (Harness h = new Harness(JoinType.LEFT, l, r, NOT_NULL_SAFE, IntComparePredicate.lessThan(1, 3), 100)) {
            assertEquals(List.of("+I[1, 5, null, null]", "+I[1, 1, null, null]"), h.send(0, "+I", 1, 5, "+I", 1, 1));
            assertEquals(List.of("-D[1, 1, null, null]", "+I[1, 1, 1, 3]"), h.send(1, "+I", 1, 3));
            assertEquals(List.of("-D[1, 5, null, null]", "+I[1, 5, 1, 9]", "+I[1, 1, 1, 9]"), h.send(1, "+I", 1, 9));
            assertEquals(List.of("-D[1, 5, 1, 9]", "+I[1, 5, null, null]", "-D[1, 1, 1, 9]"), h.send(1, "-D", 1, 9));
            assertEquals(List.of(), h.send(1, "+I", 1, 0));
            assertEquals(List.of("+I[1, 2, 1, 3]"), h.send(0, "+I", 1, 2));
        }
    }

    @Test
    void semiJoinEmitsAndRetractsLeftRowsAsMatchesComeAndGo() throws Exception {
        try (Harness h = new Harness(JoinType.SEMI)) {
            assertEquals(List.of(), h.send(0, "+I", 1, "a"));
            assertEquals(List.of("+I[1, a]"), h.send(1, "+I", 1, "x"));
            assertEquals(List.of(), h.send(1, "+I", 1, "y"));
            assertEquals(List.of("+I[1, b]"), h.send(0, "+I", 1, "b"));
            assertEquals(List.of(), h.send(1, "-D", 1, "x"));
            assertEquals(List.of("-U[1, a]", "-U[1, b]"), h.send(1, "-U", 1, "y"));
            assertEquals(List.of(), h.send(0, "-D", 1, "b"));
            assertEquals(List.of("+U[1, a]"), h.send(1, "+U", 1, "z"));
            assertEquals(List.of("-D[1, a]"), h.send(0, "-D", 1, "a"));
        }
    }

    @Test
    void antiJoinEmitsLeftRowsWithoutMatches() throws Exception {
        try (Harness h = new Harness(JoinType.ANTI)) {
            assertEquals(List.of("+I[1, a]", "+I[null, n]"), h.send(0, "+I", 1, "a", "+I", null, "n"));
            assertEquals(List.of("-D[1, a]"), h.send(1, "+I", 1, "x", "+I", null, "w"));
            assertEquals(List.of(), h.send(0, "+I", 1, "b"));
            assertEquals(List.of("+I[1, a]", "+I[1, b]"), h.send(1, "-D", 1, "x"));
            assertEquals(List.of("-D[1, b]", "-D[null, n]"), h.send(0, "-D", 1, "b", "-D", null, "n"));
        }
    }

    @Test
    void outputBatchesRespectTheBatchSize() throws Exception {
        try (Harness h = new Harness(JoinType.INNER, L, R, NOT_NULL_SAFE, null, 4)) {
            Object[] lefts = new Object[3 * 10];
            for (int i = 0; i < 10; i++) {
                lefts[3 * i] = "+I";
                lefts[3 * i + 1] = 7;
                lefts[3 * i + 2] = "l" + i;
            }
            h.send(0, lefts);
            assertEquals(20, h.send(1, "+I", 7, "x", "+I", 7, "y").size());
            assertEquals(4, h.out.maxBatch);
        }
    }

    @Test
    void compactsStateAfterManyRetractions() throws Exception {
        try (Harness h = new Harness(JoinType.LEFT, L, R, NOT_NULL_SAFE, null, 1000)) {
            int n = 3000;
            Object[] inserts = new Object[3 * n];
            Object[] deletes = new Object[3 * (n - 2)];
            for (int i = 0; i < n; i++) {
                inserts[3 * i] = "+I";
                inserts[3 * i + 1] = i % 3;
                inserts[3 * i + 2] = "v" + i;
                if (i >= 2) {
                    deletes[3 * (i - 2)] = "-D";
                    deletes[3 * (i - 2) + 1] = i % 3;
                    deletes[3 * (i - 2) + 2] = "v" + i;
                }
            }
            assertEquals(n, h.send(0, inserts).size());
            long before = h.op.stateSizeInBytes();
            assertEquals(n - 2, h.send(0, deletes).size());
            assertTrue(h.op.stateSizeInBytes() < before, "state shrinks after compaction");
            assertEquals(2, h.op.stateRows(0));
            assertEquals(List.of("-D[0, v0, null, null]", "+I[0, v0, 0, x]"), h.send(1, "+I", 0, "x"));
            assertEquals(List.of("-D[1, v1, null, null]", "+I[1, v1, 1, y]"), h.send(1, "+I", 1, "y"));
            assertEquals(List.of("-D[0, v0, 0, x]", "+I[0, v0, null, null]"), h.send(1, "-D", 0, "x"));
        }
    }

    @Test
    void forwardsTheCombinedWatermarkWhenItAdvances() throws Exception {
        try (Harness h = new Harness(JoinType.INNER)) {
            h.op.processWatermark(1, 5, h.out); // the executor combines both inputs
            h.op.processWatermark(0, 10, h.out);
            h.op.processWatermark(0, 10, h.out);
            h.op.processWatermark(1, 20, h.out);
            assertEquals(List.of(5L, 10L, 20L), h.out.watermarks);
        }
    }

    @Test
    void rejectsKeysOfDifferentTypes() {
        RowType r = rowType("k", LogicalType.bigint(), "rv", LogicalType.string());
        assertThrows(IllegalArgumentException.class, () -> new StreamingJoinOperator(JoinType.INNER, L, r,
                new int[] {0}, new int[] {0}, NOT_NULL_SAFE, null, outputType(JoinType.INNER, L, r)));
    }
}
