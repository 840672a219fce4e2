package io.sluice.planner.physical;

import io.sluice.planner.rel.WatermarkAssigner;
import org.apache.calcite.rel.RelNode;

/** A table's {@link WatermarkAssigner} becomes a {@link PhysicalWatermarkAssigner} (in both modes). */
final class PhysicalWatermarkAssignerRule extends PhysicalConverterRule {
    PhysicalWatermarkAssignerRule() {
        super(WatermarkAssigner.class, "PhysicalWatermarkAssignerRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        WatermarkAssigner assigner = (WatermarkAssigner) rel;
        return new PhysicalWatermarkAssigner(rel.getCluster(), physical(rel), assigner.getInput(), assigner);
    }
}
