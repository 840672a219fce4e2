package io.sluice.benchmarks.tpch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compares a query's rows from two engines: same row count, and cell by cell the same value, numbers
 * within {@code max(1e-4, 1e-6 * |expected|)} (engines round decimal division and averages differently).
 * Rows are compared in order first; if that fails (ties under ORDER BY may come in either order) both
 * sides are sorted and compared again.
 */
final class ResultCheck {
    private ResultCheck() {
    }

    /** A cell as compared: numbers as {@link BigDecimal}, dates as {@link LocalDate}, the rest as strings. */
    static Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate) {
            return value;
        }
        return value.toString();
    }

    /** {@code null} if {@code actual} matches {@code expected}, else what differs first. */
    static String compare(List<List<Object>> expected, List<List<Object>> actual) {
        if (expected.size() != actual.size()) {
            return "row count " + actual.size() + ", expected " + expected.size();
        }
        String inOrder = compareRows(expected, actual);
        if (inOrder == null) {
            return null;
        }
        String sorted = compareRows(sorted(expected), sorted(actual));
        return sorted == null ? null : sorted;
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(ResultCheck::sortKey));
        return copy;
    }

    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object cell : row) {
            if (cell instanceof BigDecimal d) {
                // rounded so that values within the tolerance sort alike
                key.append(d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            } else {
                key.append(cell);
            }
            key.append('\u0001');
        }
        return key.toString();
    }

    private static String compareRows(List<List<Object>> expected, List<List<Object>> actual) {
        for (int r = 0; r < expected.size(); r++) {
            List<Object> e = expected.get(r);
            List<Object> a = actual.get(r);
            if (e.size() != a.size()) {
                return "row " + (r + 1) + " has " + a.size() + " columns, expected " + e.size();
            }
            for (int c = 0; c < e.size(); c++) {
                if (!same(e.get(c), a.get(c))) {
                    return "row " + (r + 1) + " column " + (c + 1) + ": " + a.get(c) + ", expected " + e.get(c)
                        + " (row " + a + ", expected " + e + ")";
                }
            }
        }
        return null;
    }

    static boolean same(Object expected, Object actual) {
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            BigDecimal tolerance = e.abs().multiply(new BigDecimal("1e-6")).max(new BigDecimal("1e-4"));
            return e.subtract(a).abs().compareTo(tolerance) <= 0;
        }
        return Objects.equals(expected, actual);
    }
}
