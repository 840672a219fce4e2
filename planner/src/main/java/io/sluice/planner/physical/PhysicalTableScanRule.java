package io.sluice.planner.physical;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/** A logical table scan becomes a {@link PhysicalTableScan} reading every column. */
final class PhysicalTableScanRule extends PhysicalConverterRule {
    PhysicalTableScanRule() {
        super(TableScan.class, "PhysicalTableScanRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        return new PhysicalTableScan(rel.getCluster(), physical(rel), rel.getTable(),
                null, null);
    }
}
