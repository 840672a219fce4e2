package io.sluice.planner.physical;

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
 * Batch {@code INTERSECT ALL} / {@code EXCEPT ALL} ({@link MultisetOperator}): counts each distinct row on both
 * sides, both inputs hash-distributed on every column. (The DISTINCT forms are rewritten into aggregates.)
 */
public final class BatchPhysicalMultiset extends PhysicalMultiset {
    BatchPhysicalMultiset(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, SqlKind kind) {
        super(cluster, traits, inputs, kind);
    }

    @Override
    public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
        return new BatchPhysicalMultiset(getCluster(), traitSet, inputs, kind);
    }

    @Override
    StreamOperator createOperator(MultisetOperator.Kind operation, RowType type) {
        return new MultisetOperator(operation, type);
    }
}
