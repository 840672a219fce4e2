package io.sluice.planner.physical;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.setop.MultisetOperator;
import io.sluice.runtime.operator.setop.StreamingMultisetOperator;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.sql.SqlKind;

/**
 * Streaming {@code INTERSECT ALL} / {@code EXCEPT ALL} ({@link StreamingMultisetOperator}): counts each distinct row
 * on both sides in the keyed-state backend and emits the change of its result count, both inputs hash-distributed on
 * every column. (The DISTINCT forms are rewritten into aggregates.)
 */
public final class StreamPhysicalMultiset extends PhysicalMultiset {
    StreamPhysicalMultiset(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, SqlKind kind) {
        super(cluster, traits, inputs, kind);
    }

    @Override
    public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
        return new StreamPhysicalMultiset(getCluster(), traitSet, inputs, kind);
    }

    /** Insert-only for an INTERSECT ALL of insert-only inputs; otherwise inserts and deletions. */
    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        if (kind == SqlKind.INTERSECT && inputModes.get(0).isInsertOnly() && inputModes.get(1).isInsertOnly()) {
            return ChangelogMode.insertOnly();
        }
        return ChangelogMode.of(RowKind.INSERT, RowKind.DELETE);
    }

    @Override
    StreamOperator createOperator(MultisetOperator.Kind operation, RowType type) {
        return new StreamingMultisetOperator(operation, type);
    }
}
