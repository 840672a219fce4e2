package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.setop.MultisetOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.sql.SqlKind;

/**
 * Batch {@code INTERSECT ALL} / {@code EXCEPT ALL} ({@link MultisetOperator}): counts each distinct row on both
 * sides, both inputs hash-distributed on every column. (The DISTINCT forms are rewritten into aggregates.)
 */
public final class BatchPhysicalMultiset extends SetOp implements PhysicalRel {
    BatchPhysicalMultiset(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, SqlKind kind) {
        super(cluster, traits, inputs, kind, true);
    }

    @Override
    public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
        return new BatchPhysicalMultiset(getCluster(), traitSet, inputs, kind);
    }

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
        return new OperatorTransformation(name, inputs, () -> new MultisetOperator(operation, type), type);
    }
}
