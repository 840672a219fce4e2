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
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free DECIMAL kernels (precision &le; 18, unscaled longs): boundaries at 18 digits, negative values,
 * scale changes and overflow to NULL, checked against the BigDecimal kernels they replace.
 */
class CompactDecimalTest {
    private static final BigDecimal MAX18 = new BigDecimal("999999999999999999");
    private BufferAllocator allocator;
    private ExpressionHarness h;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        // c0 DECIMAL(18, 2), c1 DECIMAL(18, 0), c2 DECIMAL(10, 3), c3 BIGINT, c4 DECIMAL(30, 2)
        h = new ExpressionHarness(allocator, new Configuration(), LogicalType.decimal(18, 2),
                LogicalType.decimal(18, 0), LogicalType.decimal(10, 3), LogicalType.bigint(),
                LogicalType.decimal(30, 2));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private Object one(String expr, Object... row) {
        return h.column(expr, row).get(0);
    }

    @Test
    void readsUnscaledLongsFromTheVectorSlot() {
        try (DecimalVector v = new DecimalVector("d", allocator, 18, 2)) {
            v.allocateNew(3);
            v.set(0, d("-12.34"));
            v.set(1, MAX18.movePointLeft(2));
            v.set(2, MAX18.negate().movePointLeft(2));
            v.setValueCount(3);
            assertEquals(-1234L, DecimalRuntime.unscaled(v, 0));
            assertEquals(999999999999999999L, DecimalRuntime.unscaled(v, 1));
            assertEquals(-999999999999999999L, DecimalRuntime.unscaled(v, 2));
        }
        try (DecimalVector wide = new DecimalVector("w", allocator, 38, 0)) {
            wide.allocateNew(1);
            wide.set(0, new BigDecimal("100000000000000000000"));
            wide.setValueCount(1);
            assertThrows(ArithmeticException.class, () -> DecimalRuntime.unscaled(wide, 0));
        }
    }

    @Test
    void rescaleRoundsHalfUpAndOverflowsToNull() {
        assertEquals(125L, DecimalRuntime.rescale(1245L, 2, 1, 18));
        assertEquals(-125L, DecimalRuntime.rescale(-1245L, 2, 1, 18));
        assertEquals(124L, DecimalRuntime.rescale(1244L, 2, 1, 18));
        assertEquals(-124L, DecimalRuntime.rescale(-1244L, 2, 1, 18));
        assertEquals(123400L, DecimalRuntime.rescale(1234L, 2, 4, 18));
        assertEquals(DecimalRuntime.OVERFLOW, DecimalRuntime.rescale(1234L, 2, 4, 5));
        assertEquals(DecimalRuntime.OVERFLOW, DecimalRuntime.rescale(999999999999999999L, 0, 2, 18));
        assertEquals(DecimalRuntime.OVERFLOW, DecimalRuntime.rescale(Long.MAX_VALUE, 0, 1, 18));
        assertEquals(1L, DecimalRuntime.rescale(Long.MAX_VALUE, 19, 0, 18));
        assertEquals(0L, DecimalRuntime.rescale(0L, 0, 30, 18));
    }

    @Test
    void longKernelsMatchBigDecimalKernels() {
        Random random = new Random(42);
        long[] edges = {0, 1, -1, 5, -5, 999999999999999999L, -999999999999999999L, 500000000000000000L,
            Long.MAX_VALUE, Long.MIN_VALUE + 1, 4999999999L};
        for (int k = 0; k < 20_000; k++) {
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
            assertEquals(expected(DecimalRuntime.fit(x.add(y), p, s)), DecimalRuntime.add(a, sa, b, sb, p, s), at);
            assertEquals(expected(DecimalRuntime.fit(x.subtract(y), p, s)),
                    DecimalRuntime.subtract(a, sa, b, sb, p, s), at);
            assertEquals(expected(DecimalRuntime.fit(x.multiply(y), p, s)),
                    DecimalRuntime.multiply(a, sa, b, sb, p, s), at);
            assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(DecimalRuntime.compare(a, sa, b, sb)), at);
            assertEquals(expected(DecimalRuntime.fit(x, p, s)), DecimalRuntime.rescale(a, sa, s, p), at);
        }
    }

    private static long expected(BigDecimal fitted) {
        return fitted == null ? DecimalRuntime.OVERFLOW : fitted.unscaledValue().longValueExact();
    }

    @Test
    void arithmeticOnColumnsAtTheEighteenDigitBoundary() {
        BigDecimal big = MAX18.movePointLeft(2);
        Object[] row = {big, MAX18, d("-1234567.891"), 3L, d("1.00")};
        // DECIMAL(18, 2) + DECIMAL(10, 3) is DECIMAL(19, 3): exceeds 18 digits, computed with BigDecimal
        assertEquals(big.add(d("-1234567.891")), one("c0 + c2", row));
        // DECIMAL(10, 3) + DECIMAL(10, 3) is DECIMAL(11, 3): the inline long path
        assertEquals(d("-2469135.782"), one("c2 + c2", row));
        assertEquals(d("0.000"), one("c2 - c2", row));
        assertEquals(d("1234567.891"), one("-c2", row));
        assertEquals(big.negate(), one("-c0", row));
        // DECIMAL(10, 3) * BIGINT is DECIMAL(29, 3); CAST back into 18 digits rescales through the long kernels
        assertEquals(d("-3703703.673"), one("CAST(c2 * c3 AS DECIMAL(18, 3))", row));
        assertEquals(d("-3703703.67"), one("CAST(c2 * 3 AS DECIMAL(18, 2))", row));
        assertEquals(d("-1234567.9"), one("CAST(c2 AS DECIMAL(18, 1))", row));
        assertNull(one("CAST(c2 AS DECIMAL(5, 1))", row));
        assertNull(one("CAST(c1 AS DECIMAL(18, 1))", row), "18 nines do not fit 17 integer digits");
        assertEquals(MAX18, one("CAST(c1 AS DECIMAL(18, 0))", row));
        assertEquals(-1234567, one("CAST(c2 AS INT)", row));
        assertEquals(-1234567L, one("CAST(c2 AS BIGINT)", row));
        assertEquals(d("3.000"), one("CAST(c3 AS DECIMAL(10, 3))", row));
    }

    @Test
    void multiplicationStaysExactAcrossTheLongRange() {
        Object[] row = {d("12345.67"), d("7"), d("-0.001"), 2L, d("1.00")};
        // DECIMAL(10, 3) * DECIMAL(10, 3) is DECIMAL(20, 6)
        assertEquals(d("0.000001"), one("c2 * c2", row));
        // CAST to DECIMAL(5, 2) and multiply: DECIMAL(5, 2) * DECIMAL(5, 2) = DECIMAL(10, 4), the inline long path
        assertEquals(d("864.1500"), one("CAST(c1 AS DECIMAL(5, 2)) * CAST(c1 + 116.45 AS DECIMAL(5, 2))", row));
        Object[] bigRow = {d("9999999999999999.99"), d("999999999999999999"), d("0.001"), 1L, d("1.00")};
        assertNull(one("CAST(c0 * c0 AS DECIMAL(18, 2))", bigRow), "product overflows 18 digits: NULL");
        assertEquals(d("99999999999999999.90"), one("CAST(c0 * 10 AS DECIMAL(19, 2))", bigRow));
    }

    @Test
    void comparisonsAcrossScalesAndTypes() {
        Object[] row = {d("-12.30"), d("-12"), d("-12.300"), -12L, d("-12.30")};
        assertEquals(List.of(0), h.select("c0 = c2 AND c1 = c3 AND c0 < c1 AND c2 <= c0 AND c0 = c4", row));
        assertEquals(List.of(), h.select("c0 > c2 OR c1 <> c3 OR c0 >= c1", row));
        Object[] edge = {d("9999999999999999.99"), d("999999999999999999"), d("0.001"), Long.MAX_VALUE, d("0")};
        // rescaling c1 to scale 2 overflows a long: the comparison falls back to BigDecimal
        assertEquals(List.of(0), h.select("c1 > c0 AND c3 > c1 AND c2 > 0 AND c2 < 0.0011", edge));
    }

    @Test
    void nullsPropagate() {
        Object[] row = {null, d("1"), null, null, null};
        assertNull(one("c0 + c0", row));
        assertNull(one("-c2", row));
        assertNull(one("CAST(c2 AS DECIMAL(5, 1))", row));
        assertEquals(List.of(), h.select("c0 < c1", row));
    }

    @Test
    void generatedCodeDoesNotBoxCompactDecimals() {
        ExpressionHarness.Planned p = h.plan("SELECT c2 + c2, -c2, CAST(c2 AS DECIMAL(12, 1)), c2 * c2 > c2 "
                + "FROM t WHERE c2 > 0");
        GeneratedClass<BatchCalc> gc = new CodeGenerator(new Configuration()).generateCalc("test", p.inputType,
                p.condition, p.projects);
        String source = gc.source();
        assertFalse(source.contains("getObject"), source);
        assertTrue(source.contains("DecimalRuntime.unscaled(in2, i)"), source);
        List<List<Object>> rows = h.runCalc(gc, p.projects, new Object[][] {
            {null, null, d("1.250"), null, null}, {null, null, d("-1.000"), null, null}});
        List<List<Object>> expected = new ArrayList<>();
        expected.add(List.of(d("2.500"), d("-1.250"), d("1.3"), true));
        assertEquals(expected, rows);
    }
}
