package io.sluice.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logic, comparisons, arithmetic, conditionals and IN lists through planned SQL. */
class CoreExpressionTest {
    private BufferAllocator allocator;
    private ExpressionHarness h;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        h = new ExpressionHarness(allocator, new Configuration(), LogicalType.integer(), LogicalType.bigint(),
                LogicalType.doubleType(), LogicalType.decimal(10, 2), LogicalType.string(), LogicalType.booleanType(),
                LogicalType.booleanType());
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private static Object[] row(Object... v) {
        return v;
    }

    @Test
    void threeValuedLogic() {
        Object[][] rows = {
            row(null, null, null, null, null, true, null),
            row(null, null, null, null, null, false, null),
            row(null, null, null, null, null, null, null),
            row(null, null, null, null, null, true, true),
            row(null, null, null, null, null, false, false),
        };
        assertEquals(Arrays.asList(null, false, null, true, false), h.column("c5 AND c6", rows));
        assertEquals(Arrays.asList(true, null, null, true, false), h.column("c5 OR c6", rows));
        assertEquals(Arrays.asList(false, true, null, false, true), h.column("NOT c5", rows));
        assertEquals(Arrays.asList(false, false, true, false, false), h.column("c6 IS NULL AND c5 IS NULL", rows));
        assertEquals(Arrays.asList(true, false, false, true, false), h.column("c5 IS TRUE", rows));
        assertEquals(Arrays.asList(false, true, true, false, true), h.column("c5 IS NOT TRUE", rows));
        assertEquals(Arrays.asList(false, true, false, false, true), h.column("c5 IS FALSE", rows));
        assertEquals(Arrays.asList(true, false, true, true, false), h.column("c5 IS NOT FALSE", rows));
        // three operands, short-circuit on FALSE even if a later operand would fail
        assertEquals(Arrays.asList(false), h.column("c5 AND c6 AND 1 / c0 = 1",
                row(0, null, null, null, null, false, true)));
        assertEquals(Arrays.asList(true), h.column("c5 OR 1 / c0 = 1", row(0, null, null, null, null, true, true)));
    }

    @Test
    void comparisonsAcrossNumericTypes() {
        Object[][] rows = {row(3, 3L, 3.0, new BigDecimal("3.00"), null, null, null),
            row(2, 5L, 2.5, new BigDecimal("2.49"), null, null, null),
            row(null, 1L, 1.0, null, null, null, null)};
        assertEquals(Arrays.asList(true, false, null), h.column("c0 = c1", rows));
        assertEquals(Arrays.asList(true, false, null), h.column("c0 = c2", rows));
        assertEquals(Arrays.asList(true, false, null), h.column("c0 = c3", rows));
        assertEquals(Arrays.asList(false, true, null), h.column("c3 < c2", rows));
        assertEquals(Arrays.asList(true, true, true), h.column("c1 >= c2", rows));
        assertEquals(Arrays.asList(false, true, null), h.column("c0 <> 3", rows));
        assertEquals(Arrays.asList(true, false, null), h.column("c0 BETWEEN 3 AND 4", rows));
    }

    @Test
    void stringComparisonsUseCodePointOrder() {
        Object[][] rows = {row(null, null, null, null, "abc", null, null), row(null, null, null, null, "äbc", null, null),
            row(null, null, null, null, "\uD83D\uDE00", null, null), row(null, null, null, null, null, null, null),
            row(null, null, null, null, "\uFFFF", null, null)};
        assertEquals(Arrays.asList(true, false, false, null, false), h.column("c4 = 'abc'", rows));
        assertEquals(Arrays.asList(false, true, false, null, false), h.column("c4 = 'äbc'", rows));
        assertEquals(Arrays.asList(false, true, true, null, true), h.column("c4 > 'z'", rows));
        assertEquals(Arrays.asList(true, true, true, null, true), h.column("c4 >= 'abc'", rows));
        assertEquals(Arrays.asList(false, false, false, null, false), h.column("UPPER(c4) < 'A'", rows));
        assertEquals(Arrays.asList(true, true, true, null, true), h.column("c4 = c4", rows));
    }

    @Test
    void integerArithmeticWrapsAndDivisionByZeroFails() {
        Object[][] rows = {row(Integer.MAX_VALUE, Long.MAX_VALUE, 1.0, null, null, null, null)};
        assertEquals(List.of(Integer.MIN_VALUE), h.column("c0 + 1", rows));
        assertEquals(List.of(Long.MIN_VALUE), h.column("c1 + 1", rows));
        assertEquals(List.of(-2), h.column("c0 * 2", rows));
        assertEquals(List.of(Integer.MAX_VALUE / 2), h.column("c0 / 2", rows));
        assertEquals(List.of(1), h.column("MOD(c0, 2)", rows));
        assertEquals(List.of(1), h.column("c0 % 2", rows));
        assertEquals(List.of(-Integer.MAX_VALUE), h.column("-c0", rows));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> h.column("c0 / 0", row(1, null, null, null, null, null, null)));
        assertTrue(e.getMessage().contains("by zero"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> h.column("MOD(c0, c0 - 1)", row(1, null, null, null, null, null,
                null)));
        Object[][] nulls = {row(null, null, null, null, null, null, null)};
        assertEquals(Arrays.asList((Object) null), h.column("c0 + 1", nulls));
    }

    @Test
    void doubleAndDecimalArithmetic() {
        Object[][] rows = {row(0, 0L, 0.0, new BigDecimal("99999999.99"), null, null, null)};
        assertEquals(List.of(Double.POSITIVE_INFINITY), h.column("1.0E0 / c2", rows));
        assertTrue(Double.isNaN((Double) h.column("c2 / c2", rows).get(0)));
        assertEquals(List.of(new BigDecimal("99999999.99")), h.column("c3 + CAST(0 AS DECIMAL(10, 2))", rows));
        // DECIMAL(10,2) * 100: overflow of the result precision gives NULL in Flink
        Object prod = h.column("c3 * CAST(1000000000000000000 AS DECIMAL(19, 0)) * "
                + "CAST(1000000000000000000 AS DECIMAL(19, 0))", rows).get(0);
        assertNull(prod);
        assertEquals(List.of(new BigDecimal("1.00")), h.column("CAST(c3 / c3 AS DECIMAL(10, 2))", rows));
        assertThrows(ArithmeticException.class, () -> h.column("c3 / CAST(c2 AS DECIMAL(10, 2))", rows));
        assertEquals(List.of(new BigDecimal("100000000.00")), h.column("c3 + 0.01", rows));
    }

    @Test
    void conditionals() {
        Object[][] rows = {row(1, null, null, null, "a", null, null), row(2, 7L, null, null, null, null, null),
            row(null, null, null, null, null, null, null)};
        assertEquals(Arrays.asList("one", "two", "other"),
                h.column("CASE WHEN c0 = 1 THEN 'one' WHEN c0 = 2 THEN 'two' ELSE 'other' END", rows));
        assertEquals(Arrays.asList("one", null, null), h.column("CASE c0 WHEN 1 THEN 'one' END", rows));
        assertEquals(Arrays.asList(1L, 7L, -1L), h.column("COALESCE(c1, c0, -1)", rows));
        assertEquals(Arrays.asList(null, 2, null), h.column("NULLIF(c0, 1)", rows));
        assertEquals(Arrays.asList("a", "x", "x"), h.column("IF(c4 IS NULL, 'x', c4)", rows));
        assertEquals(Arrays.asList(true, true, false), h.column("c0 IS DISTINCT FROM c1", rows));
        assertEquals(Arrays.asList(false, false, true), h.column("c0 IS NOT DISTINCT FROM c1", rows));
        // only the taken branch is evaluated
        assertEquals(Arrays.asList(0, 0, 0), h.column("CASE WHEN c0 IS NULL OR c0 > 0 THEN 0 ELSE 1 / 0 END", rows));
    }

    @Test
    void inLists() {
        Object[][] rows = {row(1, null, null, null, "b", null, null), row(5, null, null, null, "z", null, null),
            row(null, null, null, null, null, null, null)};
        assertEquals(Arrays.asList(true, false, null), h.column("c0 IN (1, 2, 3)", rows));
        assertEquals(Arrays.asList(false, true, null), h.column("c0 NOT IN (1, 2, 3)", rows));
        assertEquals(Arrays.asList(true, false, null), h.column("c4 IN ('a', 'b')", rows));
        assertEquals(List.of(0), h.select("c0 IN (1, 2) OR c4 = 'q'", rows));
    }

    @Test
    void predicateSelectsOnlyTrueRows() {
        Object[][] rows = {row(1, null, null, null, "a", true, null), row(2, null, null, null, "b", false, null),
            row(3, null, null, null, null, null, null), row(4, null, null, null, "d", true, null)};
        assertEquals(List.of(0, 3), h.select("c5", rows));
        assertEquals(List.of(1), h.select("NOT c5", rows));
        assertEquals(List.of(1, 2, 3), h.select("c0 > 1", rows));
        assertEquals(List.of(3), h.select("c0 > 1 AND c4 LIKE 'd%'", rows));
    }

    @Test
    void calcFiltersAndProjectsSeveralColumns() {
        Object[][] rows = {row(1, 10L, null, null, "héllo", true, null), row(2, 20L, null, null, null, false, null),
            row(3, 30L, null, null, "wörld", true, null)};
        List<List<Object>> out = h.run("SELECT c4, c1 * 2, c0 FROM t WHERE c5", rows);
        assertEquals(List.of(Arrays.asList("héllo", 20L, 1), Arrays.asList("wörld", 60L, 3)), out);
        List<List<Object>> all = h.run("SELECT c4, c5 FROM t", rows);
        assertEquals(Arrays.asList(null, false), all.get(1));
    }
}
