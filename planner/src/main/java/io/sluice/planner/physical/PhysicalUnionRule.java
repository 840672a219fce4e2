package io.sluice.planner.physical;

import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Union;

/** A logical {@code UNION ALL} becomes a {@link PhysicalUnion}. */
final class PhysicalUnionRule extends ConverterRule {
    PhysicalUnionRule() {
        super(Config.INSTANCE.withConversion(Union.class, Convention.NONE, PhysicalRel.SLUICE, "PhysicalUnionRule"));
    }

    @Override
    public RelNode convert(RelNode rel) {
        Union union = (Union) rel;
        if (!union.all) {
            throw new UnsupportedFeatureException("UNION without ALL in this position");
        }
        return new PhysicalUnion(rel.getCluster(), rel.getTraitSet().replace(PhysicalRel.SLUICE), union.getInputs());
    }
}
