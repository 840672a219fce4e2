package io.sluice.planner.translate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The rank range a filter puts on a ROW_NUMBER column ({@code rn <= 3}, {@code rn = 1},
 * {@code rn BETWEEN 2 AND 5}, {@code 3 >= rn}, ...), and the rest of the filter.
 */
public final class RankRange {
    final long start;
    final long end;
    /** The conjuncts that do not bound the rank number (null when none). */
    final RexNode remainder;

    /** The first rank kept (1-based). */
    public long start() {
        return start;
    }

    /** The last rank kept. */
    public long end() {
        return end;
    }

    /** The conjuncts that do not bound the rank number, or null. */
    public RexNode remainder() {
        return remainder;
    }

    private RankRange(long start, long end, RexNode remainder) {
        this.start = start;
        this.end = end;
        this.remainder = remainder;
    }

    /** The range bounded by {@code condition} on field {@code rankField}, or null when it has no upper bound. */
    public static RankRange of(RexBuilder rexBuilder, RexNode condition, int rankField) {
        long start = 1;
        long end = Long.MAX_VALUE;
        List<RexNode> rest = new ArrayList<>();
        for (RexNode c : RelOptUtilConjunctions.of(condition)) {
            long[] bound = bound(c, rankField);
            if (bound == null) {
                rest.add(c);
            } else {
                start = Math.max(start, bound[0]);
                end = Math.min(end, bound[1]);
            }
        }
        if (end == Long.MAX_VALUE) {
            return null;
        }
        return new RankRange(start, end, rest.isEmpty() ? null : RexUtil.composeConjunction(rexBuilder, rest));
    }

    /** [low, high] implied by one comparison of the rank field with a literal, or null. */
    private static long[] bound(RexNode c, int rankField) {
        if (!(c instanceof RexCall) || ((RexCall) c).getOperands().size() != 2) {
            return null;
        }
        RexCall call = (RexCall) c;
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (isField(b, rankField) && a instanceof RexLiteral) {
            RexNode t = a;
            a = b;
            b = t;
            kind = kind.reverse();
        }
        if (!isField(a, rankField) || !(b instanceof RexLiteral)) {
            return null;
        }
        BigDecimal v = ((RexLiteral) b).getValueAs(BigDecimal.class);
        if (v == null) {
            return null;
        }
        long n = v.setScale(0, java.math.RoundingMode.FLOOR).longValue();
        boolean integral = v.stripTrailingZeros().scale() <= 0;
        switch (kind) {
            case LESS_THAN_OR_EQUAL:
                return new long[] {1, n};
            case LESS_THAN:
                return new long[] {1, integral ? n - 1 : n};
            case EQUALS:
                return integral ? new long[] {n, n} : new long[] {1, 0};
            case GREATER_THAN_OR_EQUAL:
                return new long[] {integral ? n : n + 1, Long.MAX_VALUE};
            case GREATER_THAN:
                return new long[] {n + 1, Long.MAX_VALUE};
            default:
                return null;
        }
    }

    private static boolean isField(RexNode e, int field) {
        RexNode stripped = e;
        while (stripped.getKind() == SqlKind.CAST) {
            stripped = ((RexCall) stripped).getOperands().get(0);
        }
        return stripped instanceof RexInputRef && ((RexInputRef) stripped).getIndex() == field;
    }

    /** Calcite's conjunction splitting, kept in one place. */
    private static final class RelOptUtilConjunctions {
        static List<RexNode> of(RexNode condition) {
            return org.apache.calcite.plan.RelOptUtil.conjunctions(condition);
        }
    }
}
