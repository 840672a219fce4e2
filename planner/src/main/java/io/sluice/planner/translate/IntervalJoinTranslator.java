package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.join.IntervalJoinOperator;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.types.RowType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Recognizes a streaming join whose condition bounds one side's rowtime attribute by the other's, as
 * Flink's interval join does ({@code l.t BETWEEN r.t - INTERVAL '4' HOUR AND r.t},
 * {@code l.t >= r.t AND l.t < r.t + INTERVAL '10' MINUTE}, {@code l.t = r.t}), and translates it into an
 * {@link IntervalJoinOperator}. The time conjuncts are comparisons ({@code < <= > >= =}) between a left
 * and a right rowtime attribute, each optionally plus or minus a day-time interval literal; they must
 * bound the difference {@code left.t - right.t} from both sides (one-sided bounds are a regular join).
 * The remaining conjuncts give the equi-join keys and a residual condition. INNER, LEFT, RIGHT and FULL
 * joins qualify; both time columns must be TIMESTAMP(3) or TIMESTAMP_LTZ(3). Bounds between two PROCTIME()
 * attributes make a processing-time interval join (rows timed by their arrival, intervals ended by the clock).
 */
public final class IntervalJoinTranslator {
    private final CodeGenerator codegen;

    public IntervalJoinTranslator(CodeGenerator codegen) {
        this.codegen = codegen;
    }

    /**
     * The time bounds found in a join condition: {@code right[rightTime] + lower <= left[leftTime] <=
     * right[rightTime] + upper} (fields of each input, milliseconds), and the other conjuncts.
     */
    record Bounds(int leftTime, int rightTime, long lower, long upper, List<RexNode> remaining, boolean rowtime) {
    }

    /** A field plus a constant number of milliseconds. */
    private record Term(int field, long offset) {
    }

    /** Whether {@code join}'s condition bounds one input's time attribute by the other's from both sides. */
    public static boolean isIntervalJoin(Join join) {
        return analyze(join) != null;
    }

    /**
     * The streaming translation of {@code join} as an interval join, with {@code left} and {@code right}
     * its translated inputs; null when the join is not an interval join.
     */
    public Transformation translate(Join join, Transformation left, Transformation right) {
        Bounds bounds = analyze(join);
        if (bounds == null) {
            return null;
        }
        RelNode l = join.getLeft();
        RelNode r = join.getRight();
        RowType leftType = JobGraphGenerator.rowType(l);
        RowType rightType = JobGraphGenerator.rowType(r);
        RowType outputType = JobGraphGenerator.rowType(join);
        RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), bounds.remaining());
        JoinConditions.Split split = JoinConditions.split(join, remaining, leftType, rightType, codegen,
                "interval join residual");
        int[] lk = split.leftKeys();
        int[] rk = split.rightKeys();
        boolean[] nullSafe = split.nullSafe();
        GeneratedClass<BatchPredicate> residualClass = split.residual();
        JoinType type = JoinConditions.joinType(join.getJoinType());
        String name = "IntervalJoin(joinType=[" + type + "], windowBounds=[isRowTime=" + bounds.rowtime()
                + ", leftLowerBound=" + bounds.lower() + ", leftUpperBound=" + bounds.upper()
                + ", leftTimeIndex=" + bounds.leftTime() + ", rightTimeIndex=" + bounds.rightTime() + "], where=[" + join.getCondition() + "])";
        int leftTime = bounds.leftTime();
        int rightTime = bounds.rightTime();
        long lower = bounds.lower();
        long upper = bounds.upper();
        java.util.function.LongSupplier clock = bounds.rowtime() ? null : System::currentTimeMillis;
        InputPartitioning lp = lk.length == 0 ? InputPartitioning.single() : InputPartitioning.hash(lk);
        InputPartitioning rp = rk.length == 0 ? InputPartitioning.single() : InputPartitioning.hash(rk);
        return new OperatorTransformation(name, List.of(left, right),
                () -> new IntervalJoinOperator(type, leftType, rightType, lk, rk, nullSafe, leftTime, rightTime,
                        lower, upper, residualClass, outputType, clock), outputType)
                .withInputPartitioning(0, lp).withInputPartitioning(1, rp)
                .withChangelogMode(ChangelogMode.insertOnly());
    }

    /**
     * Whether output field {@code field} of {@code join} is a rowtime attribute: an interval join keeps
     * the rowtime attributes of both inputs (a regular join does not).
     */
    static boolean keepsRowtime(Join join, int field) {
        Bounds bounds = analyze(join);
        if (bounds == null || !bounds.rowtime()) {
            return false;
        }
        int leftFields = join.getLeft().getRowType().getFieldCount();
        return field < leftFields ? TimeAttributes.isRowtime(join.getLeft(), field)
                : TimeAttributes.isRowtime(join.getRight(), field - leftFields);
    }

    /** The time bounds of an interval join, or null when {@code join} is not one. */
    static Bounds analyze(Join join) {
        switch (join.getJoinType()) {
            case INNER:
            case LEFT:
            case RIGHT:
            case FULL:
                break;
            default:
                return null;
        }
        int leftFields = join.getLeft().getRowType().getFieldCount();
        RowType leftType = JobGraphGenerator.rowType(join.getLeft());
        RowType rightType = JobGraphGenerator.rowType(join.getRight());
        int leftTime = -1;
        int rightTime = -1;
        long lower = Long.MIN_VALUE;
        long upper = Long.MAX_VALUE;
        boolean rowtime = true;
        List<RexNode> remaining = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
            long[] range = timeRange(conjunct, leftFields);
            if (range == null) {
                remaining.add(conjunct);
                continue;
            }
            int lt = (int) range[0];
            int rt = (int) range[1];
            if (leftTime < 0) {
                boolean bothRowtime = TimeAttributes.isRowtime(join.getLeft(), lt)
                        && TimeAttributes.isRowtime(join.getRight(), rt);
                boolean bothProctime = TimeAttributes.isProctime(join.getLeft(), lt)
                        && TimeAttributes.isProctime(join.getRight(), rt);
                if (!bothRowtime && !bothProctime || !IntervalJoinOperator.isMillisTime(leftType, lt)
                        || !IntervalJoinOperator.isMillisTime(rightType, rt)) {
                    remaining.add(conjunct);
                    continue;
                }
                leftTime = lt;
                rightTime = rt;
                rowtime = bothRowtime;
            } else if (lt != leftTime || rt != rightTime) {
                remaining.add(conjunct); // a bound on other time columns is an ordinary condition
                continue;
            }
            lower = Math.max(lower, range[2]);
            upper = Math.min(upper, range[3]);
        }
        if (leftTime < 0 || lower == Long.MIN_VALUE || upper == Long.MAX_VALUE) {
            return null;
        }
        return new Bounds(leftTime, rightTime, lower, upper, remaining, rowtime);
    }

    /**
     * For a comparison between a left and a right time column (each plus or minus an interval literal):
     * {@code {leftField, rightField, lower, upper}} bounding {@code left - right} (inclusive, in ms; an
     * open side is {@code Long.MIN_VALUE}/{@code MAX_VALUE}); null for any other expression.
     */
    private static long[] timeRange(RexNode conjunct, int leftFields) {
        if (!(conjunct instanceof RexCall) || ((RexCall) conjunct).getOperands().size() != 2) {
            return null;
        }
        RexCall call = (RexCall) conjunct;
        SqlKind kind = call.getKind();
        if (kind != SqlKind.LESS_THAN && kind != SqlKind.LESS_THAN_OR_EQUAL && kind != SqlKind.GREATER_THAN
                && kind != SqlKind.GREATER_THAN_OR_EQUAL && kind != SqlKind.EQUALS) {
            return null;
        }
        Term a = term(call.getOperands().get(0));
        Term b = term(call.getOperands().get(1));
        if (a == null || b == null || (a.field() < leftFields) == (b.field() < leftFields)) {
            return null;
        }
        if (a.field() >= leftFields) { // put the left column first: b op a
            Term t = a;
            a = b;
            b = t;
            kind = kind.reverse();
        }
        // a.field + a.offset OP b.field + b.offset  <=>  left - right OP k
        long k = b.offset() - a.offset();
        long lower = Long.MIN_VALUE;
        long upper = Long.MAX_VALUE;
        switch (kind) {
            case LESS_THAN:
                upper = k - 1;
                break;
            case LESS_THAN_OR_EQUAL:
                upper = k;
                break;
            case GREATER_THAN:
                lower = k + 1;
                break;
            case GREATER_THAN_OR_EQUAL:
                lower = k;
                break;
            default: // EQUALS
                lower = k;
                upper = k;
        }
        return new long[] {a.field(), b.field() - leftFields, lower, upper};
    }

    /** {@code $i}, {@code $i + interval}, {@code interval + $i} or {@code $i - interval}; null otherwise. */
    private static Term term(RexNode node) {
        if (node instanceof RexInputRef) {
            return new Term(((RexInputRef) node).getIndex(), 0);
        }
        if (!(node instanceof RexCall) || ((RexCall) node).getOperands().size() != 2) {
            return null;
        }
        RexCall call = (RexCall) node;
        RexNode x = call.getOperands().get(0);
        RexNode y = call.getOperands().get(1);
        switch (call.getKind()) {
            case PLUS:
                if (x instanceof RexInputRef && intervalMillis(y) != null) {
                    return new Term(((RexInputRef) x).getIndex(), intervalMillis(y));
                }
                if (y instanceof RexInputRef && intervalMillis(x) != null) {
                    return new Term(((RexInputRef) y).getIndex(), intervalMillis(x));
                }
                return null;
            case MINUS:
                if (x instanceof RexInputRef && intervalMillis(y) != null) {
                    return new Term(((RexInputRef) x).getIndex(), -intervalMillis(y));
                }
                return null;
            default:
                return null;
        }
    }

    /** The milliseconds of a day-time interval literal; null for anything else (months vary in length). */
    private static Long intervalMillis(RexNode node) {
        if (!(node instanceof RexLiteral) || !SqlTypeFamily.INTERVAL_DAY_TIME.contains(node.getType())) {
            return null;
        }
        BigDecimal value = ((RexLiteral) node).getValueAs(BigDecimal.class);
        return value == null ? null : value.longValue();
    }
}
