package io.sluice.runtime.operator.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code long} DECIMAL SUM/AVG accumulators (input precision &le; 18), batch and retractable: checked against
 * {@code BigDecimal} arithmetic and against the general 128-bit accumulator on random values with NULLs, the
 * &plusmn;(10^18 - 1) edges, overflow of the {@code long} (one group only), retraction back to empty, and checkpoint
 * round trips.
 */
class CompactDecimalSumTest {
    private static final long MAX18 = 999_999_999_999_999_999L;
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** A DECIMAL(18, scale) vector holding {@code unscaled} (null entries are NULL). */
    private DecimalVector input(int scale, Long... unscaled) {
        DecimalVector v = new DecimalVector("in", allocator, 18, scale);
        v.allocateNew(unscaled.length);
        for (int i = 0; i < unscaled.length; i++) {
            if (unscaled[i] == null) {
                v.setNull(i);
            } else {
                v.set(i, BigDecimal.valueOf(unscaled[i], scale));
            }
        }
        v.setValueCount(unscaled.length);
        return v;
    }

    private DecimalVector output(int groups, int scale) {
        DecimalVector out = new DecimalVector("out", allocator, 38, scale);
        out.allocateNew(groups);
        out.setValueCount(groups);
        return out;
    }

    private BigDecimal[] results(Accumulator acc, int groups, int scale) {
        try (DecimalVector out = output(groups, scale)) {
            acc.write(0, groups, out);
            BigDecimal[] r = new BigDecimal[groups];
            for (int g = 0; g < groups; g++) {
                r[g] = out.getObject(g);
            }
            return r;
        }
    }

    @Test
    void sumAndAverageMatchBigDecimalOnRandomValuesWithNulls() {
        Random random = new Random(7);
        int groups = 13;
        int scale = 2;
        CompactDecimalSumAccumulator sum = new CompactDecimalSumAccumulator(AggregateKind.SUM, scale);
        CompactDecimalSumAccumulator avg = new CompactDecimalSumAccumulator(AggregateKind.AVG, scale);
        DecimalSumAccumulator wide = new DecimalSumAccumulator(AggregateKind.SUM, scale);
        BigDecimal[] expected = new BigDecimal[groups];
        long[] counts = new long[groups];
        long[] edges = {MAX18, -MAX18, 0, 1, -1, 5, -5};
        for (Accumulator a : new Accumulator[] {sum, avg, wide}) {
            a.ensureCapacity(groups);
        }
        for (int batch = 0; batch < 20; batch++) {
            int rows = 500;
            Long[] values = new Long[rows];
            int[] groupIds = new int[rows];
            for (int i = 0; i < rows; i++) {
                groupIds[i] = random.nextInt(groups + 1) - 1; // -1: row skipped by the operator
                int pick = random.nextInt(10);
                values[i] = pick == 0 ? null : pick == 1 ? edges[random.nextInt(edges.length)]
                        : (random.nextLong() % MAX18) >> random.nextInt(60);
                int g = groupIds[i];
                if (g >= 0 && values[i] != null) {
                    BigDecimal v = BigDecimal.valueOf(values[i], scale);
                    expected[g] = expected[g] == null ? v : expected[g].add(v);
                    counts[g]++;
                }
            }
            try (DecimalVector in = input(scale, values)) {
                for (Accumulator a : new Accumulator[] {sum, avg, wide}) {
                    a.accumulate(groupIds, in, rows);
                }
            }
        }
        BigDecimal[] sums = results(sum, groups, scale);
        BigDecimal[] wideSums = results(wide, groups, scale);
        BigDecimal[] avgs = results(avg, groups, 6);
        for (int g = 0; g < groups; g++) {
            assertEquals(expected[g], sums[g], "group " + g);
            assertEquals(wideSums[g], sums[g], "group " + g);
            BigDecimal expectedAvg = expected[g] == null ? null
                    : expected[g].divide(BigDecimal.valueOf(counts[g]), 6, RoundingMode.HALF_UP);
            assertEquals(expectedAvg, avgs[g], "group " + g);
        }
    }

    @Test
    void overflowOfTheLongFallsBackForThatGroupOnly() throws IOException {
        CompactDecimalSumAccumulator sum = new CompactDecimalSumAccumulator(AggregateKind.SUM, 3);
        CompactDecimalSumAccumulator avg = new CompactDecimalSumAccumulator(AggregateKind.AVG, 3);
        sum.ensureCapacity(3);
        avg.ensureCapacity(3);
        int rows = 40; // 40 * (10^18 - 1) needs 20 digits: overflows a long 4 times
        Long[] values = new Long[rows];
        int[] groupIds = new int[rows];
        for (int i = 0; i < rows; i++) {
            groupIds[i] = i % 2 == 0 ? 0 : i % 4 == 1 ? 1 : 2;
            values[i] = groupIds[i] == 0 ? MAX18 : groupIds[i] == 1 ? -MAX18 : 7L;
        }
        try (DecimalVector in = input(3, values)) {
            sum.accumulate(groupIds, in, rows);
            avg.accumulate(groupIds, in, rows);
        }
        BigDecimal max = BigDecimal.valueOf(MAX18, 3);
        BigDecimal[] expected = {max.multiply(BigDecimal.valueOf(20)), max.negate().multiply(BigDecimal.valueOf(10)),
            new BigDecimal("0.070")};
        BigDecimal[] sums = results(sum, 3, 3);
        for (int g = 0; g < 3; g++) {
            assertEquals(expected[g], sums[g], "group " + g);
        }
        BigDecimal[] avgs = results(avg, 3, 6);
        assertEquals(max.setScale(6), avgs[0]);
        assertEquals(max.negate().setScale(6), avgs[1]);
        assertEquals(new BigDecimal("0.007000"), avgs[2]);

        CompactDecimalSumAccumulator restored = new CompactDecimalSumAccumulator(AggregateKind.SUM, 3);
        roundTrip(sum, restored, 3);
        restored.ensureCapacity(3);
        assertEquals(java.util.List.of(sums), java.util.List.of(results(restored, 3, 3)));
    }

    @Test
    void emptyGroupsAreNullExceptSumZero() {
        for (AggregateKind kind : new AggregateKind[] {AggregateKind.SUM, AggregateKind.SUM0, AggregateKind.AVG}) {
            CompactDecimalSumAccumulator acc = new CompactDecimalSumAccumulator(kind, 2);
            acc.ensureCapacity(2);
            try (DecimalVector in = input(2, null, 150L)) {
                acc.accumulate(new int[] {0, 1}, in, 2);
            }
            BigDecimal[] r = results(acc, 2, kind == AggregateKind.AVG ? 6 : 2);
            if (kind == AggregateKind.SUM0) {
                assertEquals(0, BigDecimal.ZERO.compareTo(r[0]));
            } else {
                assertNull(r[0], kind.name());
            }
            assertEquals(0, new BigDecimal("1.50").compareTo(r[1]), kind.name());
        }
    }

    @Test
    void averageRoundsHalfUpAwayFromZero() {
        CompactDecimalSumAccumulator avg = new CompactDecimalSumAccumulator(AggregateKind.AVG, 0);
        avg.ensureCapacity(4);
        // averages: group 0 3/2, group 1 -1/2, group 2 2/3, group 3 -1/3 (after cancelling the 18-digit values)
        try (DecimalVector in = input(0, 1L, 2L, -1L, 0L, 1L, 1L, 0L, MAX18, -MAX18, -1L)) {
            avg.accumulate(new int[] {0, 0, 1, 1, 2, 2, 2, 3, 3, 3}, in, 10);
        }
        try (DecimalVector out = output(4, 6)) {
            avg.write(0, 4, out);
            assertEquals(new BigDecimal("1.500000"), out.getObject(0));
            assertEquals(new BigDecimal("-0.500000"), out.getObject(1));
            assertEquals(new BigDecimal("0.666667"), out.getObject(2));
            assertEquals(new BigDecimal("-0.333333"), out.getObject(3));
        }
        try (DecimalVector out = output(4, 0)) {
            avg.write(0, 4, out);
            assertEquals(new BigDecimal("2"), out.getObject(0));
            assertEquals(new BigDecimal("-1"), out.getObject(1));
            assertEquals(new BigDecimal("1"), out.getObject(2));
            assertEquals(new BigDecimal("0"), out.getObject(3));
        }
    }

    @Test
    void retractableSumFollowsAddsAndRetractionsExactly() throws IOException {
        Random random = new Random(11);
        int groups = 5;
        int scale = 4;
        RetractableCompactDecimalSum sum = new RetractableCompactDecimalSum(AggregateKind.SUM, scale);
        RetractableCompactDecimalSum avg = new RetractableCompactDecimalSum(AggregateKind.AVG, scale);
        RetractableDecimalSum reference = new RetractableDecimalSum(AggregateKind.SUM);
        for (RetractableAccumulator a : new RetractableAccumulator[] {sum, avg, reference}) {
            a.ensureCapacity(groups);
        }
        java.util.List<java.util.List<Long>> live = new java.util.ArrayList<>();
        for (int g = 0; g < groups; g++) {
            live.add(new java.util.ArrayList<>());
        }
        Long[] pool = new Long[64];
        for (int k = 0; k < pool.length; k++) {
            pool[k] = k < 8 ? (k % 2 == 0 ? MAX18 : -MAX18) + (k / 2) * (k % 2 == 0 ? -1 : 1)
                    : random.nextLong() % MAX18;
        }
        try (DecimalVector in = input(scale, pool)) {
            for (int step = 0; step < 5000; step++) {
                int g = random.nextInt(groups);
                java.util.List<Long> values = live.get(g);
                boolean retract = !values.isEmpty() && random.nextInt(5) < 2;
                if (retract) {
                    Long v = values.remove(random.nextInt(values.size()));
                    int row = java.util.Arrays.asList(pool).indexOf(v);
                    for (RetractableAccumulator a : new RetractableAccumulator[] {sum, avg, reference}) {
                        a.retract(g, in, row);
                    }
                } else {
                    // mostly the big edge values, so the long overflows in both directions
                    int row = random.nextInt(3) == 0 ? random.nextInt(pool.length) : random.nextInt(8);
                    values.add(pool[row]);
                    for (RetractableAccumulator a : new RetractableAccumulator[] {sum, avg, reference}) {
                        a.add(g, in, row);
                    }
                }
                check(sum, avg, reference, values, g, scale);
            }
            RetractableCompactDecimalSum restored = new RetractableCompactDecimalSum(AggregateKind.SUM, scale);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StateWriter w = new StateWriter(bytes);
            sum.snapshot(w, groups);
            w.flush();
            restored.restore(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            restored.ensureCapacity(groups);
            for (int g = 0; g < groups; g++) {
                assertEquals(written(sum, g, scale), written(restored, g, scale));
            }
        }
    }

    private void check(RetractableCompactDecimalSum sum, RetractableCompactDecimalSum avg,
            RetractableDecimalSum reference, java.util.List<Long> values, int g, int scale) {
        BigDecimal expected = null;
        for (Long v : values) {
            BigDecimal d = BigDecimal.valueOf(v, scale);
            expected = expected == null ? d : expected.add(d);
        }
        assertEquals(expected, written(sum, g, scale));
        assertEquals(written(reference, g, scale), written(sum, g, scale));
        BigDecimal expectedAvg = expected == null ? null
                : expected.divide(BigDecimal.valueOf(values.size()), 6, RoundingMode.HALF_UP);
        assertEquals(expectedAvg, written(avg, g, 6));
    }

    private BigDecimal written(RetractableAccumulator acc, int g, int scale) {
        try (DecimalVector out = output(1, scale)) {
            acc.write(g, out, 0);
            return out.getObject(0);
        }
    }

    @Test
    void retractingEverythingEmptiesTheGroup() {
        for (AggregateKind kind : new AggregateKind[] {AggregateKind.SUM, AggregateKind.SUM0, AggregateKind.AVG}) {
            RetractableCompactDecimalSum acc = new RetractableCompactDecimalSum(kind, 2);
            acc.ensureCapacity(1);
            try (DecimalVector in = input(2, MAX18, MAX18, 25L)) {
                for (int row = 0; row < 3; row++) {
                    acc.add(0, in, row);
                }
                assertFalse(written(acc, 0, 6) == null);
                for (int row = 0; row < 3; row++) {
                    acc.retract(0, in, row);
                }
                BigDecimal empty = written(acc, 0, 2);
                if (kind == AggregateKind.SUM0) {
                    assertEquals(0, BigDecimal.ZERO.compareTo(empty));
                } else {
                    assertNull(empty, kind.name());
                }
                acc.add(0, in, 2);
                assertEquals(0, new BigDecimal("0.25").compareTo(written(acc, 0, 6)), kind.name());
                acc.clear(0);
                assertTrue(kind == AggregateKind.SUM0 || written(acc, 0, 2) == null, kind.name());
            }
        }
    }

    @Test
    void factoriesChooseTheLongAccumulatorsUpToPrecision18() {
        AggregateSpec spec = new AggregateSpec(AggregateKind.SUM, new int[] {0}, false, -1,
                LogicalType.decimal(38, 2), "sum");
        assertTrue(Accumulators.create(spec, LogicalType.decimal(18, 2), null) instanceof CompactDecimalSumAccumulator);
        assertTrue(Accumulators.create(spec, LogicalType.decimal(19, 2), null) instanceof DecimalSumAccumulator);
        assertTrue(RetractableAccumulators.create(spec, LogicalType.decimal(10, 2), null)
                instanceof RetractableCompactDecimalSum);
        assertTrue(RetractableAccumulators.create(spec, LogicalType.decimal(20, 2), null)
                instanceof RetractableDecimalSum);
    }

    private static void roundTrip(Accumulator from, Accumulator to, int groups) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter w = new StateWriter(bytes);
        from.snapshot(w, groups);
        w.flush();
        to.restore(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
