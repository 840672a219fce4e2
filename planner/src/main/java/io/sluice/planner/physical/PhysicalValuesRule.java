package io.sluice.planner.physical;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Values;

/** Logical {@code VALUES} become {@link PhysicalValues}. */
final class PhysicalValuesRule extends PhysicalConverterRule {
    PhysicalValuesRule() {
        super(Values.class, "PhysicalValuesRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        Values values = (Values) rel;
        return new PhysicalValues(rel.getCluster(), rel.getRowType(), values.getTuples(),
                physical(rel));
    }
}
