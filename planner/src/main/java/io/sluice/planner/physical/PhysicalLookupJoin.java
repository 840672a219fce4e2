package io.sluice.planner.physical;

import io.sluice.planner.rel.TemporalJoin;
import io.sluice.planner.schema.ConnectorTable;
import io.sluice.planner.translate.LookupJoinTranslator;
import io.sluice.runtime.graph.Transformation;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A processing-time temporal join against a table with a lookup source ({@code JOIN dim FOR SYSTEM_TIME AS OF
 * o.proctime ON ...}): each input row looks its key up in the table when it is processed. Its only input is the
 * left side; the table is read through its connector's lookup source, never scanned. Stateless (the source may
 * cache); the output has the input's row kinds. Both modes.
 */
public final class PhysicalLookupJoin extends SingleRel implements PhysicalRel {
    private final TemporalJoin join;
    private final TableScan table;

    /**
     * @param join the logical temporal join (its right side, a projection of {@code table}, is not an input here)
     * @param table the scan of the looked-up table
     */
    PhysicalLookupJoin(RelOptCluster cluster, RelTraitSet traits, RelNode input, TemporalJoin join, TableScan table) {
        super(cluster, traits, input);
        this.join = join;
        this.table = table;
    }

    @Override
    protected RelDataType deriveRowType() {
        return join.getRowType();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalLookupJoin(getCluster(), traitSet, sole(inputs), join, table);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("table", table.getTable().getQualifiedName())
                .item("condition", join.condition()).item("joinType", join.joinType().lowerName);
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        return new LookupJoinTranslator(context.codegen()).translate(join, table,
                context.createSource(table.getTable().unwrap(ConnectorTable.class)), inputs.get(0));
    }
}
