package io.sluice.planner.physical;

import io.sluice.planner.translate.WindowColumns;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableFunctionScan;

/** A window table function call ({@code TUMBLE}, {@code HOP}, ...) becomes a {@link PhysicalWindowTableFunction}. */
final class PhysicalWindowTableFunctionRule extends PhysicalConverterRule {
    PhysicalWindowTableFunctionRule() {
        super(TableFunctionScan.class, WindowColumns::isWindowFunction,
                "PhysicalWindowTableFunctionRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        TableFunctionScan scan = (TableFunctionScan) rel;
        return new PhysicalWindowTableFunction(rel.getCluster(), physical(rel),
                scan.getInputs(), scan.getCall(), scan.getElementType(), rel.getRowType(), scan.getColumnMappings());
    }
}
