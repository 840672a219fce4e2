package io.sluice.planner.physical;

import com.google.common.collect.ImmutableList;
import io.sluice.codegen.RelTypes;
import io.sluice.planner.translate.Literals;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.values.ValuesSource;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/** Literal rows ({@code VALUES (...), (...)}), emitted by a bounded source. Insert-only, stateless. */
public final class PhysicalValues extends Values implements PhysicalRel {
    PhysicalValues(RelOptCluster cluster, RelDataType rowType, ImmutableList<ImmutableList<RexLiteral>> tuples,
            RelTraitSet traits) {
        super(cluster, rowType, tuples, traits);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalValues(getCluster(), getRowType(), tuples, traitSet);
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        RowType type = RelTypes.toRowType(getRowType());
        List<Object[]> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : getTuples()) {
            Object[] row = new Object[tuple.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Literals.toExternal(tuple.get(i), type.type(i));
            }
            rows.add(row);
        }
        int[] all = new int[type.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new SourceTransformation(ExplainText.of("Values").attribute("tuples", rows.size() + " rows").toString(),
                new ValuesSource(type, rows), all, type);
    }
}
