package io.sluice.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCheckTest {
    private static List<Object> row(Object... cells) {
        return java.util.Arrays.stream(cells).map(ResultCheck::normalize).toList();
    }

    @Test
    void numbersOfDifferentTypesCompareByValueWithinTheTolerance() {
        assertNull(ResultCheck.compare(List.of(row(1L, new BigDecimal("2.500000"), "x")),
            List.of(row(1, 2.5, "x"))));
        assertNull(ResultCheck.compare(List.of(row(new BigDecimal("123456789.12"))),
            List.of(row(new BigDecimal("123456789.1234")))));
        assertTrue(ResultCheck.compare(List.of(row(new BigDecimal("0.04"))), List.of(row(new BigDecimal("0.041"))))
            .startsWith("row 1 column 1"));
    }

    @Test
    void datesStringsAndCounts() {
        assertNull(ResultCheck.compare(List.of(row(java.sql.Date.valueOf("1995-03-15"))),
            List.of(row(LocalDate.of(1995, 3, 15)))));
        assertEquals("row count 0, expected 1", ResultCheck.compare(List.of(row("a")), List.of()));
        assertTrue(ResultCheck.compare(List.of(row("a")), List.of(row("b"))).contains("expected a"));
    }

    @Test
    void tiesMayComeInAnyOrder() {
        assertNull(ResultCheck.compare(List.of(row("a", 1), row("b", 1)), List.of(row("b", 1), row("a", 1))));
    }
}
