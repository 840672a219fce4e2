package io.sluice.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.codegen.runtime.DecimalRuntime;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DECIMAL division, MOD, CASE, COALESCE, IF and NULLIF on unscaled longs (results of precision &le; 18): the
 * {@code long} kernels against the {@code BigDecimal} kernels on random values and edges (&plusmn;(10^18 - 1),
 * {@code Long.MIN_VALUE}, scale changes, zero divisors), and generated code against a {@code BigDecimal}
 * evaluation of the same expressions, with no boxing in the generated source.
 */
class CompactDecimalDivisionAndBranchesTest {
    private static final long MAX18 = 999_999_999_999_999_999L;
    private static final LogicalType[] TYPES = {LogicalType.decimal(5, 2), LogicalType.decimal(3, 1),
        LogicalType.integer(), LogicalType.decimal(18, 2), LogicalType.bigint(), LogicalType.decimal(10, 3)};
    private BufferAllocator allocator;
    private ExpressionHarness h;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        h = new ExpressionHarness(allocator, new Configuration(), TYPES);
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private static long expected(BigDecimal fitted) {
        return fitted == null ? DecimalRuntime.OVERFLOW : fitted.unscaledValue().longValueExact();
    }

    @Test
    void longDivideAndModMatchBigDecimalKernels() {
        Random random = new Random(5);
        long[] edges = {0, 1, -1, 2, -2, 3, 5, -5, 7, MAX18, -MAX18, MAX18 - 1, 500000000000000000L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 4999999999L, 333333333333333333L};
        int divisions = 0;
        for (int k = 0; k < 50_000; k++) {
            boolean edge = k < edges.length * edges.length;
            long a = edge ? edges[k % edges.length] : random.nextLong() >> random.nextInt(64);
            long b = edge ? edges[k / edges.length] : random.nextLong() >> random.nextInt(64);
            int sa = random.nextInt(19);
            int sb = random.nextInt(19);
            int p = 1 + random.nextInt(18);
            int s = random.nextInt(p + 1);
            BigDecimal x = BigDecimal.valueOf(a, sa);
            BigDecimal y = BigDecimal.valueOf(b, sb);
            String at = a + "@" + sa + ", " + b + "@" + sb + " as (" + p + ", " + s + ")";
            if (b == 0) {
                assertThrows(ArithmeticException.class, () -> DecimalRuntime.divide(x, y, p, s), at);
                assertEquals("Division by zero", assertThrows(ArithmeticException.class,
                        () -> DecimalRuntime.divide(a, sa, b, sb, p, s), at).getMessage());
                assertEquals("Division by zero", assertThrows(ArithmeticException.class,
                        () -> DecimalRuntime.mod(a, sa, b, sb, p, s), at).getMessage());
                continue;
            }
            long quotient = DecimalRuntime.divide(a, sa, b, sb, p, s);
            assertEquals(expected(DecimalRuntime.divide(x, y, p, s)), quotient, at);
            assertEquals(expected(DecimalRuntime.mod(x, y, p, s)), DecimalRuntime.mod(a, sa, b, sb, p, s), at);
            divisions += quotient != DecimalRuntime.OVERFLOW ? 1 : 0;
        }
        assertTrue(divisions > 5_000, "enough quotients fit their type to test rounding: " + divisions);
    }

    @Test
    void divisionRoundsHalfUpAtTies() {
        // 1 / 8 = 0.125 at scale 2: a tie, away from zero
        assertEquals(13L, DecimalRuntime.divide(1, 0, 8, 0, 5, 2));
        assertEquals(-13L, DecimalRuntime.divide(-1, 0, 8, 0, 5, 2));
        assertEquals(-13L, DecimalRuntime.divide(1, 0, -8, 0, 5, 2));
        assertEquals(12L, DecimalRuntime.divide(1249, 4, 1, 0, 5, 2));
        // 2 / 3 at scale 17, precision 18; then a quotient needing 19 digits is NULL
        assertEquals(66666666666666667L, DecimalRuntime.divide(2, 0, 3, 0, 18, 17));
        assertEquals(DecimalRuntime.OVERFLOW, DecimalRuntime.divide(MAX18, 0, 1, 1, 18, 0));
    }

    /** Random rows of {@link #TYPES}; every 11th value NULL, some values at the edges of their precision. */
    private static Object[][] rows(int n, long seed) {
        Random random = new Random(seed);
        Object[][] rows = new Object[n][];
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[TYPES.length];
            for (int c = 0; c < TYPES.length; c++) {
                if (random.nextInt(11) == 0) {
                    continue;
                }
                LogicalType t = TYPES[c];
                if (t.root() == io.sluice.runtime.types.TypeRoot.INTEGER) {
                    row[c] = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : random.nextInt() >> random.nextInt(31);
                } else if (t.root() == io.sluice.runtime.types.TypeRoot.BIGINT) {
                    row[c] = random.nextInt(4) == 0 ? Long.MIN_VALUE + random.nextInt(2) : random.nextLong() >> 40;
                } else {
                    long limit = (long) Math.pow(10, t.precision()) - 1;
                    long u = random.nextInt(5) == 0 ? (random.nextBoolean() ? limit : -limit)
                            : random.nextLong() % (limit + 1);
                    row[c] = BigDecimal.valueOf(u, t.scale());
                }
            }
            rows[r] = row;
        }
        return rows;
    }

    private static BigDecimal dec(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof BigDecimal ? (BigDecimal) v : BigDecimal.valueOf(((Number) v).longValue());
    }

    /**
     * Runs {@code exprs} over random rows whose divisors are never zero, checks the result types are compact
     * DECIMALs and that the generated source does not box them, and compares every value with {@code reference}
     * fitted to the result type.
     */
    private void check(List<String> exprs, List<Function<Object[], BigDecimal>> reference) {
        ExpressionHarness.Planned p = h.plan("SELECT " + String.join(", ", exprs) + " FROM t");
        List<LogicalType> resultTypes = new ArrayList<>();
        for (int k = 0; k < exprs.size(); k++) {
            LogicalType t = RelTypes.toLogicalType(p.projects.get(k).getType());
            assertTrue(t.root() == io.sluice.runtime.types.TypeRoot.DECIMAL && t.precision() <= 18,
                    exprs.get(k) + ": " + t);
            resultTypes.add(t);
        }
        GeneratedClass<BatchCalc> gc = new CodeGenerator(new Configuration()).generateCalc("test", p.inputType,
                p.condition, p.projects);
        assertFalse(gc.source().contains("BigDecimal.valueOf"), gc.source());
        assertFalse(gc.source().contains("getObject"), gc.source());
        Object[][] rows = rows(3000, 17);
        for (Object[] row : rows) {
            for (int c : new int[] {0, 1}) {
                if (row[c] != null && ((BigDecimal) row[c]).signum() == 0) {
                    row[c] = BigDecimal.ONE.setScale(TYPES[c].scale());
                }
            }
        }
        List<List<Object>> actual = h.runCalc(gc, p.projects, rows);
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < exprs.size(); k++) {
                BigDecimal v = reference.get(k).apply(rows[r]);
                LogicalType t = resultTypes.get(k);
                assertEquals(v == null ? null : DecimalRuntime.fit(v, t.precision(), t.scale()), actual.get(r).get(k),
                        exprs.get(k) + " on row " + java.util.Arrays.toString(rows[r]));
            }
        }
    }

    private static Function<Object[], BigDecimal> divide(int a, int b, int precision, int scale) {
        return row -> row[a] == null || row[b] == null ? null
                : DecimalRuntime.divide(dec(row[a]), dec(row[b]), precision, scale);
    }

    private static Function<Object[], BigDecimal> mod(int a, int b, int precision, int scale) {
        return row -> row[a] == null || row[b] == null ? null
                : DecimalRuntime.mod(dec(row[a]), dec(row[b]), precision, scale);
    }

    @Test
    void divisionAndModOfColumnsMatchTheBigDecimalKernels() {
        // result types (Flink's rules): (5,2)/(3,1) is (10,6); (3,1)/(5,2) is (11,7); INT/(3,1) is (17,6);
        // (5,2)/INT... is not compact; MOD((18,2),(5,2)) is (5,2); MOD(BIGINT,(5,2)) is (5,2); MOD((10,3),(3,1)) (5,3)
        check(List.of("c0 / c1", "c1 / c0", "c2 / c1", "MOD(c3, c0)", "MOD(c4, c0)", "MOD(c5, c1)", "c3 % c3"),
                List.of(divide(0, 1, 10, 6), divide(1, 0, 11, 7), divide(2, 1, 17, 6), mod(3, 0, 5, 2),
                        mod(4, 0, 5, 2), mod(5, 1, 5, 3), row -> row[3] == null ? null : BigDecimal.ZERO));
    }

    @Test
    void divisionByZeroFailsAsInTheBigDecimalPath() {
        Object[] row = {new BigDecimal("1.00"), new BigDecimal("0.0"), 0, new BigDecimal("5.00"), 0L,
            new BigDecimal("1.000")};
        for (String e : new String[] {"c0 / c1", "c3 / c4", "MOD(c3, c0 - c0)", "MOD(c5, c1)",
            "CAST(c0 AS DECIMAL(30, 2)) / c1"}) {
            ArithmeticException error = assertThrows(ArithmeticException.class, () -> h.column(e, row), e);
            assertEquals("Division by zero", error.getMessage(), e);
        }
        Object[] nulls = {null, new BigDecimal("0.0"), null, null, null, null};
        assertNull(h.column("c0 / c1", nulls).get(0), "NULL / 0 is NULL, not an error");
    }

    @Test
    void conditionalsWithDecimalBranchesMatchBigDecimalEvaluation() {
        BigDecimal half = new BigDecimal("0.5");
        check(List.of(
                "CASE WHEN c2 > 0 THEN c0 WHEN c2 < -5 THEN c1 ELSE 0.5 END",
                "COALESCE(c0, c1, 7)",
                "COALESCE(c1, c0)",
                "NULLIF(c0, 1.5)",
                "IF(c2 > 0, c0, c3)",
                "CASE WHEN c2 = 1 THEN c5 WHEN c2 = 2 THEN c1 END",
                "CASE c2 WHEN 3 THEN c2 ELSE c1 END"),
                List.of(
                        row -> row[2] != null && (Integer) row[2] > 0 ? dec(row[0])
                                : row[2] != null && (Integer) row[2] < -5 ? dec(row[1]) : half,
                        row -> row[0] != null ? dec(row[0]) : row[1] != null ? dec(row[1]) : BigDecimal.valueOf(7),
                        row -> row[1] != null ? dec(row[1]) : dec(row[0]),
                        row -> row[0] == null || dec(row[0]).compareTo(new BigDecimal("1.5")) == 0 ? null
                                : dec(row[0]),
                        row -> row[2] != null && (Integer) row[2] > 0 ? dec(row[0]) : dec(row[3]),
                        row -> row[2] == null ? null : (Integer) row[2] == 1 ? dec(row[5])
                                : (Integer) row[2] == 2 ? dec(row[1]) : null,
                        row -> row[2] != null && (Integer) row[2] == 3 ? dec(row[2]) : dec(row[1])));
    }

    @Test
    void branchesAreRescaledToTheResultScaleAndConstantsAtGenerationTime() {
        ExpressionHarness.Planned p = h.plan("SELECT CASE WHEN c2 > 0 THEN c0 ELSE 0.5 END, COALESCE(c1, 12.25) "
                + "FROM t");
        String source = new CodeGenerator(new Configuration()).generateCalc("test", p.inputType, p.condition,
                p.projects).source();
        assertTrue(source.contains("= 50L;"), source);
        assertTrue(source.contains("= 1225L;"), source);
        assertTrue(source.contains("DecimalRuntime.rescale("), source);
        Object[] row = {new BigDecimal("-1.25"), new BigDecimal("-0.5"), 1, null, null, null};
        assertEquals(List.of(new BigDecimal("-1.25"), new BigDecimal("-0.50")),
                h.run("SELECT CASE WHEN c2 > 0 THEN c0 ELSE 0.5 END, COALESCE(c1, 12.25) FROM t", row).get(0));
        Object[] other = {null, null, 0, null, null, null};
        assertEquals(List.of(new BigDecimal("0.50"), new BigDecimal("12.25")),
                h.run("SELECT CASE WHEN c2 > 0 THEN c0 ELSE 0.5 END, COALESCE(c1, 12.25) FROM t", other).get(0));
    }

    @Test
    void wideResultsStillUseBigDecimal() {
        Object[] row = {null, null, 1, new BigDecimal("9999999999999999.99"), null, new BigDecimal("-1.234")};
        // DECIMAL(18, 2) vs DECIMAL(10, 3) is DECIMAL(19, 3): not compact
        assertEquals(new BigDecimal("9999999999999999.990"),
                h.column("CASE WHEN c2 > 0 THEN c3 ELSE c5 END", row).get(0));
        assertEquals(new BigDecimal("-1.234"), h.column("CASE WHEN c2 < 0 THEN c3 ELSE c5 END", row).get(0));
    }
}
