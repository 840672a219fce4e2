package io.sluice.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Values;

/** Logical {@code VALUES} become {@link PhysicalValues}. */
final class PhysicalValuesRule extends ConverterRule {
    PhysicalValuesRule() {
        super(Config.INSTANCE.withConversion(Values.class, Convention.NONE, PhysicalRel.SLUICE, "PhysicalValuesRule"));
    }

    @Override
    public RelNode convert(RelNode rel) {
        Values values = (Values) rel;
        return new PhysicalValues(rel.getCluster(), rel.getRowType(), values.getTuples(),
                rel.getTraitSet().replace(PhysicalRel.SLUICE));
    }
}
