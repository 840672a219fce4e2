package io.sluice.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableScan;

/** A logical table scan becomes a {@link PhysicalTableScan} reading every column. */
final class PhysicalTableScanRule extends ConverterRule {
    PhysicalTableScanRule() {
        super(Config.INSTANCE.withConversion(TableScan.class, Convention.NONE, PhysicalRel.SLUICE,
                "PhysicalTableScanRule"));
    }

    @Override
    public RelNode convert(RelNode rel) {
        return new PhysicalTableScan(rel.getCluster(), rel.getTraitSet().replace(PhysicalRel.SLUICE), rel.getTable(),
                null, null);
    }
}
