package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.setop.MultisetOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.sql.SqlKind;

/**
 * What the batch and streaming {@code INTERSECT ALL} / {@code EXCEPT ALL} nodes share: both inputs hash-distributed
 * on every column, state (the counts of each distinct row on both sides), and the EXPLAIN text. A subclass names the
 * runtime operator that counts.
 */
abstract class PhysicalMultiset extends SetOp implements PhysicalRel {
    PhysicalMultiset(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, SqlKind kind) {
        super(cluster, traits, inputs, kind, true);
    }

    /** The runtime operator for {@code operation} over rows of {@code type}. */
    abstract StreamOperator createOperator(MultisetOperator.Kind operation, RowType type);

    @Override
    public InputPartitioning requiredDistribution(int input) {
        int[] all = new int[getRowType().getFieldCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return InputPartitioning.hash(all);
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        RowType type = RelTypes.toRowType(getRowType());
        boolean intersect = kind == SqlKind.INTERSECT;
        MultisetOperator.Kind operation = intersect ? MultisetOperator.Kind.INTERSECT_ALL
                : MultisetOperator.Kind.EXCEPT_ALL;
        String name = ExplainText.of(intersect ? "IntersectAll" : "ExceptAll")
                .attribute("fields", String.join(", ", type.names())).toString();
        return new OperatorTransformation(name, inputs, () -> createOperator(operation, type), type);
    }
}
