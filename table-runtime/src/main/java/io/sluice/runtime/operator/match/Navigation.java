package io.sluice.runtime.operator.match;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One value a DEFINE condition or a measure reads from the rows of a match: a column of a row found by
 * navigation, an aggregate over the rows of a pattern variable, the classifier or the match time. The planner
 * replaces each such sub-expression by a reference to a column of a one-row "navigation row", which the
 * generated condition or projection then reads.
 *
 * <p>{@code element} is the pattern element whose rows are meant, or -1 for all rows of the match. A column
 * is a column of the stored rows (input columns, then columns the planner derived from an expression over one
 * row, such as {@code A.price * A.tax}).
 */
public record Navigation(Kind kind, int element, int column, int offset, LogicalType type) {

    /** What is read. */
    public enum Kind {
        /**
         * The row {@code offset} rows back (physically, within the match) from the row being tested when it is
         * mapped to the element, else from just after the element's last row: {@code PREV(A.price, 1)} in the
         * condition of B is the last row of A. Only in DEFINE.
         */
        PREV,
        /** The {@code offset}-th last row of the element (0 = the last). */
        LAST,
        /** The {@code offset}-th row of the element (0 = the first). */
        FIRST,
        SUM, SUM0, COUNT, MIN, MAX, AVG,
        /** The name of the variable the last row is mapped to. */
        CLASSIFIER,
        /** The time attribute of the last row (column = the time column). */
        MATCH_ROWTIME,
        /** The current processing time. */
        MATCH_PROCTIME,
        /** A user-defined aggregate function: {@code column} is the index of its {@link UserAggregateCall}. */
        USER_AGGREGATE
    }

    /** The value over {@code view}, as an external Java value of {@link #type()}, or null. */
    public Object evaluate(MatchView view, long nowMillis) {
        switch (kind) {
            case PREV: {
                // Only valid in DEFINE, where the last row of the view is the row being tested. Counted back from
                // just after the rows mapped (so far) to the element and the elements before it in the pattern.
                int current = view.size() - 1;
                if (current < 0) {
                    return null;
                }
                if (offset == 0) {
                    return element < 0 || view.element(current) == element ? view.row(current)[column] : null;
                }
                int base = 0;
                for (int i = 0; i < current; i++) {
                    if (element < 0 || view.element(i) <= element) {
                        base++;
                    }
                }
                int i = base - offset;
                return i >= 0 ? view.row(i)[column] : null;
            }
            case LAST: {
                int seen = 0;
                for (int i = view.size() - 1; i >= 0; i--) {
                    if (matches(view, i) && seen++ == offset) {
                        return view.row(i)[column];
                    }
                }
                return null;
            }
            case FIRST: {
                int seen = 0;
                for (int i = 0; i < view.size(); i++) {
                    if (matches(view, i) && seen++ == offset) {
                        return view.row(i)[column];
                    }
                }
                return null;
            }
            case CLASSIFIER:
                return view.size() == 0 ? null : view.variable(view.element(view.size() - 1));
            case MATCH_ROWTIME:
                return view.size() == 0 ? null : asType(view.row(view.size() - 1)[column]);
            case MATCH_PROCTIME:
                return asType(Instant.ofEpochMilli(nowMillis));
            case USER_AGGREGATE:
                throw new IllegalStateException("a user-defined aggregate is evaluated by its UserAggregateEvaluator");
            default:
                return aggregate(view);
        }
    }

    private boolean matches(MatchView view, int i) {
        return element < 0 || view.element(i) == element;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object aggregate(MatchView view) {
        long count = 0;
        long longSum = 0;
        double doubleSum = 0;
        BigDecimal decimalSum = BigDecimal.ZERO;
        Comparable best = null;
        for (int i = 0; i < view.size(); i++) {
            if (!matches(view, i)) {
                continue;
            }
            Object v = column < 0 ? Boolean.TRUE : view.row(i)[column];
            if (v == null) {
                continue;
            }
            count++;
            switch (kind) {
                case MIN:
                case MAX: {
                    Comparable c = (Comparable) v;
                    if (best == null || (kind == Kind.MIN ? c.compareTo(best) < 0 : c.compareTo(best) > 0)) {
                        best = c;
                    }
                    break;
                }
                case SUM:
                case SUM0:
                case AVG:
                    if (v instanceof BigDecimal) {
                        decimalSum = decimalSum.add((BigDecimal) v);
                    } else if (v instanceof Double || v instanceof Float) {
                        doubleSum += ((Number) v).doubleValue();
                    } else {
                        longSum += ((Number) v).longValue();
                        decimalSum = decimalSum.add(BigDecimal.valueOf(((Number) v).longValue()));
                        doubleSum += ((Number) v).doubleValue();
                    }
                    break;
                default:
                    break;
            }
        }
        switch (kind) {
            case COUNT:
                return count;
            case MIN:
            case MAX:
                return best;
            case SUM:
                return count == 0 ? null : number(longSum, doubleSum, decimalSum);
            case SUM0:
                return number(longSum, doubleSum, decimalSum);
            default: // AVG
                if (count == 0) {
                    return null;
                }
                if (type.root() == TypeRoot.DECIMAL) {
                    return decimalSum.divide(BigDecimal.valueOf(count), type.scale(), RoundingMode.HALF_UP);
                }
                if (type.root() == TypeRoot.DOUBLE || type.root() == TypeRoot.FLOAT) {
                    return doubleSum / count;
                }
                return longSum / count;
        }
    }

    private Object number(long longSum, double doubleSum, BigDecimal decimalSum) {
        switch (type.root()) {
            case DECIMAL:
                return decimalSum;
            case DOUBLE:
            case FLOAT:
                return doubleSum;
            default:
                return longSum;
        }
    }

    /** Converts a time value between TIMESTAMP (LocalDateTime) and TIMESTAMP_LTZ (Instant) as the type needs. */
    private Object asType(Object v) {
        if (type.root() == TypeRoot.TIMESTAMP && v instanceof Instant) {
            return LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC);
        }
        if (type.root() == TypeRoot.TIMESTAMP_LTZ && v instanceof LocalDateTime) {
            return ((LocalDateTime) v).toInstant(ZoneOffset.UTC);
        }
        return v;
    }
}
