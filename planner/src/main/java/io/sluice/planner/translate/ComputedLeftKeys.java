package io.sluice.planner.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The left input and condition of a temporal join whose equalities compare an expression over left columns
 * (not a plain column, e.g. {@code UPPER(o.currency) = r.currency}) with right columns: each such expression
 * becomes a column appended to the left input by a projection, and the equality compares that column, so that
 * it is an equi-join key (the versioned side's primary key must be one). The left columns keep their positions.
 */
final class ComputedLeftKeys {
    /** The left input, with the computed keys appended as columns (or the left input itself when there are none). */
    final RelNode left;
    /** The condition over the new left columns then the right columns. */
    final RexNode condition;
    /** How many columns were appended to the left input. */
    final int added;

    private ComputedLeftKeys(RelNode left, RexNode condition, int added) {
        this.left = left;
        this.condition = condition;
        this.added = added;
    }

    /** The computed keys of {@code condition}, over the columns of {@code left} then {@code right}. */
    static ComputedLeftKeys of(RexBuilder rex, RelNode left, RelNode right, RexNode condition) {
        int leftCount = left.getRowType().getFieldCount();
        int rightCount = right.getRowType().getFieldCount();
        List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
        List<RexNode> computed = new ArrayList<>();
        for (RexNode c : conjuncts) {
            RexNode expr = computedLeftOperand(c, leftCount, rightCount);
            if (expr != null && !computed.contains(expr)) {
                computed.add(expr);
            }
        }
        if (computed.isEmpty()) {
            return new ComputedLeftKeys(left, condition, 0);
        }
        int added = computed.size();
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>(left.getRowType().getFieldNames());
        for (int i = 0; i < leftCount; i++) {
            exprs.add(rex.makeInputRef(left, i));
        }
        exprs.addAll(computed);
        for (int i = 0; i < added; i++) {
            names.add("$f" + (leftCount + i));
        }
        RelNode projected = LogicalProject.create(left, List.of(), exprs,
                SqlValidatorUtil.uniquify(names, true), Set.of());
        RexShuttle shiftRight = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return ref.getIndex() < leftCount ? ref : new RexInputRef(ref.getIndex() + added, ref.getType());
            }
        };
        List<RexNode> rewritten = new ArrayList<>();
        for (RexNode c : conjuncts) {
            RexNode expr = computedLeftOperand(c, leftCount, rightCount);
            if (expr == null) {
                rewritten.add(c.accept(shiftRight));
            } else {
                List<RexNode> operands = ((RexCall) c).getOperands();
                RexNode other = operands.get(operands.get(0).equals(expr) ? 1 : 0);
                rewritten.add(rex.makeCall(SqlStdOperatorTable.EQUALS,
                        new RexInputRef(leftCount + computed.indexOf(expr), expr.getType()), other.accept(shiftRight)));
            }
        }
        return new ComputedLeftKeys(projected, RexUtil.composeConjunction(rex, rewritten), added);
    }

    /**
     * The left operand of an equality between an expression over left columns (not a plain column) and one over
     * right columns, or null when {@code c} is not such an equality.
     */
    private static RexNode computedLeftOperand(RexNode c, int leftCount, int rightCount) {
        if (c.getKind() != SqlKind.EQUALS) {
            return null;
        }
        List<RexNode> operands = ((RexCall) c).getOperands();
        for (int i = 0; i < 2; i++) {
            RexNode mine = operands.get(i);
            RexNode other = operands.get(1 - i);
            if (isComputedOver(mine, 0, leftCount) && isOver(other, leftCount, leftCount + rightCount)) {
                return mine;
            }
        }
        return null;
    }

    /** Whether {@code e} is an expression (not a plain column) over fields in [from, to) only, with one at least. */
    private static boolean isComputedOver(RexNode e, int from, int to) {
        return !(e instanceof RexInputRef) && isOver(e, from, to)
                && RexUtil.isDeterministic(e);
    }

    /** Whether {@code e} refers to input fields, all in [from, to), and no correlation variable. */
    private static boolean isOver(RexNode e, int from, int to) {
        ImmutableBitSet fields = RelOptUtil.InputFinder.bits(e);
        return !fields.isEmpty() && fields.nth(0) >= from && fields.length() <= to
                && !RexUtil.containsCorrelation(e);
    }
}
