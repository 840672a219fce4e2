package io.sluice.runtime.operator.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Navigation and aggregates over a hand-made match: rows (price) 10, 20, 30, 40 mapped to A, A, B, C. */
class NavigationTest {
    private static final long[] PRICES = {10, 20, 30, 40};
    private static final int[] ELEMENTS = {0, 0, 1, 2};

    /** The first {@code size} rows; the last is the row being tested. */
    private static MatchView view(int size) {
        return new MatchView() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Object[] row(int i) {
                return new Object[] {PRICES[i], i == 1 ? null : BigDecimal.valueOf(PRICES[i], 1)};
            }

            @Override
            public int element(int i) {
                return ELEMENTS[i];
            }

            @Override
            public String variable(int element) {
                return "ABC".substring(element, element + 1);
            }
        };
    }

    private static Object eval(Navigation.Kind kind, int element, int column, int offset, int size) {
        LogicalType type = column == 1 ? LogicalType.decimal(10, 1) : LogicalType.bigint();
        return new Navigation(kind, element, column, offset, type).evaluate(view(size), 0);
    }

    @Test
    void logicalOffsets() {
        assertEquals(40L, eval(Navigation.Kind.LAST, -1, 0, 0, 4));
        assertEquals(30L, eval(Navigation.Kind.LAST, -1, 0, 1, 4));
        assertEquals(20L, eval(Navigation.Kind.LAST, 0, 0, 0, 4));
        assertEquals(10L, eval(Navigation.Kind.LAST, 0, 0, 1, 4));
        assertNull(eval(Navigation.Kind.LAST, 0, 0, 2, 4));
        assertEquals(20L, eval(Navigation.Kind.FIRST, 0, 0, 1, 4));
        assertNull(eval(Navigation.Kind.FIRST, 1, 0, 1, 4));
    }

    @Test
    void physicalOffsetsCountBackFromTheElement() {
        // Testing C (row 3): PREV(C.price, 0) is the row itself, PREV(C.price, 1) the row before.
        assertEquals(40L, eval(Navigation.Kind.PREV, 2, 0, 0, 4));
        assertEquals(30L, eval(Navigation.Kind.PREV, 2, 0, 1, 4));
        // PREV(A.price, 1) in the condition of C: the last row of A; PREV(A.price, 2) the one before.
        assertEquals(20L, eval(Navigation.Kind.PREV, 0, 0, 1, 4));
        assertEquals(10L, eval(Navigation.Kind.PREV, 0, 0, 2, 4));
        assertNull(eval(Navigation.Kind.PREV, 0, 0, 3, 4));
        assertNull(eval(Navigation.Kind.PREV, 0, 0, 0, 4));
    }

    @Test
    void aggregatesSkipNulls() {
        assertEquals(100L, eval(Navigation.Kind.SUM, -1, 0, 0, 4));
        assertEquals(30L, eval(Navigation.Kind.SUM, 0, 0, 0, 4));
        assertEquals(15L, eval(Navigation.Kind.AVG, 0, 0, 0, 4));
        assertEquals(2L, eval(Navigation.Kind.COUNT, 0, 0, 0, 4));
        assertEquals(1L, eval(Navigation.Kind.COUNT, 0, 1, 0, 4));
        assertEquals(new BigDecimal("8.0"), eval(Navigation.Kind.SUM, -1, 1, 0, 4));
        assertEquals(10L, eval(Navigation.Kind.MIN, -1, 0, 0, 4));
        assertEquals(40L, eval(Navigation.Kind.MAX, -1, 0, 0, 4));
        assertNull(eval(Navigation.Kind.SUM, 2, 0, 0, 3));
        assertEquals(0L, eval(Navigation.Kind.SUM0, 2, 0, 0, 3));
        assertEquals(0L, eval(Navigation.Kind.COUNT, 2, 0, 0, 3));
        assertEquals("C", new Navigation(Navigation.Kind.CLASSIFIER, -1, -1, 0, LogicalType.string())
                .evaluate(view(4), 0));
    }
}
