package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.join.JoinKeys;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * What the join translators share about a join condition: the mapping of Calcite's join types, the
 * split of a condition into equi-join keys (which the runtime compares through a key table) and a
 * residual condition (compiled into a predicate over the left columns followed by the right columns).
 */
public final class JoinConditions {
    private JoinConditions() {
    }

    /**
     * The equi-join keys {@code left[leftKeys[i]] = right[rightKeys[i]]} ({@code IS NOT DISTINCT FROM}
     * where {@code nullSafe[i]}) and the residual condition (null when there is none).
     */
    record Split(int[] leftKeys, int[] rightKeys, boolean[] nullSafe, GeneratedClass<BatchPredicate> residual) {
    }

    /**
     * Splits {@code condition} (conjuncts over {@code join}'s inputs) into equi-join keys and a residual
     * condition, generated with the description {@code residualLabel + " " + residual}. When a key pair's
     * types cannot share a key table, no keys are used and the whole condition is the residual.
     */
    static Split split(Join join, RexNode condition, RowType leftType, RowType rightType, CodeGenerator codegen,
            String residualLabel) {
        RelNode l = join.getLeft();
        RelNode r = join.getRight();
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> nonEqui = new ArrayList<>();
        RelOptUtil.splitJoinCondition(l, r, condition, leftKeys, rightKeys, filterNulls, nonEqui);
        RexNode rest = RexUtil.composeConjunction(rexBuilder, nonEqui);
        if (!keyTypesMatch(leftType, rightType, leftKeys, rightKeys)) {
            // keys of different physical types are compared by the generated condition instead
            leftKeys.clear();
            rightKeys.clear();
            filterNulls.clear();
            rest = condition;
        }
        int[] lk = leftKeys.stream().mapToInt(Integer::intValue).toArray();
        int[] rk = rightKeys.stream().mapToInt(Integer::intValue).toArray();
        boolean[] nullSafe = new boolean[lk.length];
        for (int i = 0; i < nullSafe.length; i++) {
            nullSafe[i] = !filterNulls.get(i);
        }
        GeneratedClass<BatchPredicate> residual = null;
        if (!rest.isAlwaysTrue()) {
            RelDataType pairType = join.getCluster().getTypeFactory().builder()
                    .addAll(l.getRowType().getFieldList()).addAll(r.getRowType().getFieldList())
                    .uniquify().build();
            residual = codegen.generatePredicate(residualLabel + " " + rest, pairType,
                    RexUtil.expandSearch(rexBuilder, null, rest));
        }
        return new Split(lk, rk, nullSafe, residual);
    }

    /** Whether every key pair's types can share one key table ({@link JoinKeys#typesMatch}). */
    public static boolean keyTypesMatch(RowType left, RowType right, List<Integer> leftKeys, List<Integer> rightKeys) {
        for (int i = 0; i < leftKeys.size(); i++) {
            if (!JoinKeys.typesMatch(left.type(leftKeys.get(i)), right.type(rightKeys.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** The runtime join type of {@code t}; null for the join types Sluice does not run. */
    public static JoinType joinType(JoinRelType t) {
        switch (t) {
            case INNER:
                return JoinType.INNER;
            case LEFT:
                return JoinType.LEFT;
            case RIGHT:
                return JoinType.RIGHT;
            case FULL:
                return JoinType.FULL;
            case SEMI:
                return JoinType.SEMI;
            case ANTI:
                return JoinType.ANTI;
            default:
                return null;
        }
    }
}
