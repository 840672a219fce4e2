package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.translate.JoinConditions;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * What the join nodes share: the runtime join type, the equi-join keys of the condition (none when the key types
 * differ physically, e.g. DECIMAL scales: the generated condition compares them then) and its residual.
 */
abstract class PhysicalJoin extends Join implements PhysicalRel {
    PhysicalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
            JoinRelType joinType) {
        super(cluster, traits, List.of(), left, right, condition, Set.of(), joinType);
    }

    /** The runtime join type; fails for a type no operator implements. */
    static JoinType runtimeJoinType(JoinRelType t) {
        JoinType type = JoinConditions.joinType(t);
        if (type == null) {
            throw new UnsupportedFeatureException("join type " + t);
        }
        return type;
    }

    /** The equi-join keys and the rest of a join condition. */
    record Keys(int[] left, int[] right, boolean[] nullSafe, RexNode residual) {
        boolean isEmpty() {
            return left.length == 0;
        }
    }

    static Keys keys(Join join) {
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> nonEqui = new ArrayList<>();
        RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(), leftKeys, rightKeys,
                filterNulls, nonEqui);
        RexNode rest = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), nonEqui);
        RowType leftType = RelTypes.toRowType(join.getLeft().getRowType());
        RowType rightType = RelTypes.toRowType(join.getRight().getRowType());
        if (!leftKeys.isEmpty() && !JoinConditions.keyTypesMatch(leftType, rightType, leftKeys, rightKeys)) {
            leftKeys.clear();
            rightKeys.clear();
        }
        boolean[] nullSafe = new boolean[leftKeys.size()];
        for (int i = 0; i < nullSafe.length; i++) {
            nullSafe[i] = !filterNulls.get(i);
        }
        return new Keys(leftKeys.stream().mapToInt(Integer::intValue).toArray(),
                rightKeys.stream().mapToInt(Integer::intValue).toArray(), nullSafe, rest);
    }

    final Keys keys() {
        return keys(this);
    }

    final JoinType runtimeJoinType() {
        return runtimeJoinType(getJoinType());
    }

    final RowType leftType() {
        return RelTypes.toRowType(getLeft().getRowType());
    }

    final RowType rightType() {
        return RelTypes.toRowType(getRight().getRowType());
    }

    final RowType outputType() {
        return RelTypes.toRowType(getRowType());
    }

    /** The left input's columns followed by the right's (names made unique): what join conditions read. */
    final RelDataType pairType() {
        return getCluster().getTypeFactory().builder().addAll(getLeft().getRowType().getFieldList())
                .addAll(getRight().getRowType().getFieldList()).uniquify().build();
    }

    /** The generated residual condition over a pair of rows, or null when there is none. */
    final GeneratedClass<BatchPredicate> residual(TranslationContext context, Keys keys) {
        return keys.residual().isAlwaysTrue() ? null : context.codegen().generatePredicate("join residual "
                + keys.residual(), pairType(), PhysicalCalcRule.expand(getCluster().getRexBuilder(), keys.residual()));
    }

    /** Creates an equi-join operator from the join's type, input and output types, keys and residual. */
    interface KeyedJoinOperator {
        StreamOperator create(JoinType type, RowType left, RowType right, int[] leftKeys, int[] rightKeys,
                boolean[] nullSafe, GeneratedClass<BatchPredicate> residual, RowType output);
    }

    /** The transformation named {@code name} running {@code operator} on the equi-join keys. */
    final OperatorTransformation keyedJoin(TranslationContext context, List<Transformation> inputs, String name,
            KeyedJoinOperator operator, int[] inputReadOrder) {
        Keys keys = keys();
        JoinType type = runtimeJoinType();
        RowType leftType = leftType();
        RowType rightType = rightType();
        RowType outputType = outputType();
        GeneratedClass<BatchPredicate> residual = residual(context, keys);
        return new OperatorTransformation(name, inputs, () -> operator.create(type, leftType, rightType, keys.left(),
                keys.right(), keys.nullSafe(), residual, outputType), outputType, inputReadOrder);
    }

    /** Input {@code input} hash-distributed on its equi-join keys. */
    final InputPartitioning keyDistribution(int input) {
        Keys keys = keys();
        return InputPartitioning.hash(input == 0 ? keys.left() : keys.right());
    }

    @Override
    public boolean isStateful() {
        return true;
    }
}
