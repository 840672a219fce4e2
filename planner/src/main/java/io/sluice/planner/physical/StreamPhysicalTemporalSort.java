package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.sort.ProctimeSortOperator;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.operator.sort.TemporalSortOperator;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexNode;

/**
 * {@code ORDER BY} a time attribute (ascending, first key) on a stream: rows are emitted in order as the
 * watermark (rowtime) or the clock (proctime) passes them. Insert-only in and out; buffers the rows not yet
 * emitted, in a single instance.
 */
public final class StreamPhysicalTemporalSort extends Sort implements PhysicalRel {
    private final boolean rowtime;

    StreamPhysicalTemporalSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation,
            boolean rowtime) {
        super(cluster, traits, input, collation, null, null);
        this.rowtime = rowtime;
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation, RexNode offset,
            RexNode fetch) {
        return new StreamPhysicalTemporalSort(getCluster(), traitSet, newInput, newCollation, rowtime);
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "ORDER BY a time attribute";
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
        int timeField = getCollation().getFieldCollations().get(0).getFieldIndex();
        String name = ExplainText.of("TemporalSort").attribute("orderBy",
                SortKeys.describe(getCollation().getFieldCollations(), type)).toString();
        boolean rowtime = this.rowtime;
        OperatorTransformation sort = new OperatorTransformation(name, inputs,
                () -> rowtime ? new TemporalSortOperator(type, timeField, keys) : new ProctimeSortOperator(type, keys),
                type);
        return rowtime ? sort.withLateRowOutput() : sort;
    }
}
