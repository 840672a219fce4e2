package io.sluice.planner.physical;

import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Union;

/** A logical {@code UNION ALL} becomes a {@link PhysicalUnion}. */
final class PhysicalUnionRule extends PhysicalConverterRule {
    PhysicalUnionRule() {
        super(Union.class, "PhysicalUnionRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        Union union = (Union) rel;
        if (!union.all) {
            throw new UnsupportedFeatureException("UNION without ALL in this position");
        }
        return new PhysicalUnion(rel.getCluster(), physical(rel), union.getInputs());
    }
}
