package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.operator.sort.SortOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexNode;

/** Batch {@code ORDER BY} (with an optional {@code OFFSET}/{@code LIMIT}): sorts its whole input in one instance. */
public final class BatchPhysicalSort extends Sort implements PhysicalRel {
    private final long offsetRows;
    private final long fetchRows;

    BatchPhysicalSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation, RexNode offset,
            RexNode fetch, long offsetRows, long fetchRows) {
        super(cluster, traits, input, collation, offset, fetch);
        this.offsetRows = offsetRows;
        this.fetchRows = fetchRows;
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation, RexNode offset,
            RexNode fetch) {
        return new BatchPhysicalSort(getCluster(), traitSet, newInput, newCollation, offset, fetch, offsetRows,
                fetchRows);
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.single();
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        RowType type = RelTypes.toRowType(getRowType());
        SortKey[] keys = SortKeys.of(getCollation().getFieldCollations());
        long offset = offsetRows;
        long fetch = fetchRows;
        String name = ExplainText.of("Sort").attribute("orderBy", SortKeys.describe(getCollation().getFieldCollations(),
                type)).attributeIf(offset > 0, "offset", offset).attributeIf(fetch >= 0, "fetch", fetch).toString();
        return new OperatorTransformation(name, inputs, () -> new SortOperator(type, keys, offset, fetch), type);
    }
}
