package io.sluice.planner.physical;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableFunctionScan;

/** A call of a table aggregate function ({@code flatAggregate}) becomes a {@link PhysicalGroupTableAggregate}. */
final class PhysicalGroupTableAggregateRule extends PhysicalConverterRule {
    PhysicalGroupTableAggregateRule() {
        super(TableFunctionScan.class, PhysicalGroupTableAggregate::isTableAggregate,
                "PhysicalGroupTableAggregateRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        TableFunctionScan scan = (TableFunctionScan) rel;
        return new PhysicalGroupTableAggregate(rel.getCluster(), physical(rel), scan.getInputs(), scan.getCall(),
                scan.getElementType(), rel.getRowType(), scan.getColumnMappings());
    }
}
