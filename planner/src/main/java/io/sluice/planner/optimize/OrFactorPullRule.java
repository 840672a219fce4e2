package io.sluice.planner.optimize;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls the factors common to every branch of an OR out of it, in filter and join conditions:
 * {@code (a = b AND x) OR (a = b AND y)} becomes {@code a = b AND (x OR y)} (AND and OR distribute in
 * SQL's three-valued logic too, so the rewrite is exact). An equality between the two sides of a join
 * that only appears inside each branch (TPC-H q19) then becomes an equi-join key instead of a nested
 * loop join's predicate, and single-side factors can be pushed below the join.
 */
public final class OrFactorPullRule extends RelOptRule {
    /** The rule on {@link LogicalFilter}s. */
    public static final OrFactorPullRule FILTER = new OrFactorPullRule(LogicalFilter.class, "OrFactorPullRule:Filter");
    /** The rule on {@link LogicalJoin}s. */
    public static final OrFactorPullRule JOIN = new OrFactorPullRule(LogicalJoin.class, "OrFactorPullRule:Join");

    private OrFactorPullRule(Class<? extends org.apache.calcite.rel.RelNode> type, String description) {
        super(operand(type, any()), description);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        org.apache.calcite.rel.RelNode rel = call.rel(0);
        if (rel instanceof Filter filter) {
            RexNode pulled = pulled(filter.getCondition(), call);
            if (pulled != null) {
                call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), pulled));
            }
        } else if (rel instanceof Join join) {
            RexNode pulled = pulled(join.getCondition(), call);
            if (pulled != null) {
                call.transformTo(join.copy(join.getTraitSet(), pulled, join.getLeft(), join.getRight(),
                        join.getJoinType(), join.isSemiJoinDone()));
            }
        }
    }

    /** The condition with the factors pulled out, or null if there are none (so the rule does not fire again). */
    private static RexNode pulled(RexNode condition, RelOptRuleCall call) {
        if (!containsOr(condition)) {
            return null;
        }
        RexNode pulled = RexUtil.pullFactors(call.builder().getRexBuilder(), condition);
        return pulled.toString().equals(condition.toString()) ? null : pulled;
    }

    private static boolean containsOr(RexNode node) {
        if (node.getKind() == org.apache.calcite.sql.SqlKind.OR) {
            return true;
        }
        if (node instanceof org.apache.calcite.rex.RexCall c && node.getKind() == org.apache.calcite.sql.SqlKind.AND) {
            for (RexNode operand : c.getOperands()) {
                if (containsOr(operand)) {
                    return true;
                }
            }
        }
        return false;
    }
}
