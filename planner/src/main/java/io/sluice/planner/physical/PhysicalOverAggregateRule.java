package io.sluice.planner.physical;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;

/** A logical OVER window becomes a {@link PhysicalOverAggregate} (a rank filter over one is taken earlier). */
final class PhysicalOverAggregateRule extends PhysicalConverterRule {
    private final boolean streaming;

    PhysicalOverAggregateRule(boolean streaming) {
        super(Window.class, streaming ? "StreamPhysicalOverAggregateRule" : "BatchPhysicalOverAggregateRule");
        this.streaming = streaming;
    }

    @Override
    public RelNode convert(RelNode rel) {
        Window window = (Window) rel;
        return new PhysicalOverAggregate(rel.getCluster(), physical(rel),
                window.getInput(), window.constants, rel.getRowType(), window.groups, streaming);
    }
}
