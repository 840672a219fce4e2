package io.sluice.planner.physical;

import io.sluice.planner.translate.WindowColumns;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableFunctionScan;

/** A window table function call ({@code TUMBLE}, {@code HOP}, ...) becomes a {@link PhysicalWindowTableFunction}. */
final class PhysicalWindowTableFunctionRule extends ConverterRule {
    PhysicalWindowTableFunctionRule() {
        super(Config.INSTANCE.withConversion(TableFunctionScan.class, WindowColumns::isWindowFunction,
                Convention.NONE, PhysicalRel.SLUICE, "PhysicalWindowTableFunctionRule"));
    }

    @Override
    public RelNode convert(RelNode rel) {
        TableFunctionScan scan = (TableFunctionScan) rel;
        return new PhysicalWindowTableFunction(rel.getCluster(), rel.getTraitSet().replace(PhysicalRel.SLUICE),
                scan.getInputs(), scan.getCall(), scan.getElementType(), rel.getRowType(), scan.getColumnMappings());
    }
}
