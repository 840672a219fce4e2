package io.sluice.planner;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilder;

/** Small helpers for code that extends a plan after optimization. */
public final class SluicePlannerSupport {
    private SluicePlannerSupport() {
    }

    /** A builder of logical nodes in {@code rel}'s cluster. */
    public static RelBuilder relBuilder(RelNode rel) {
        return RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    }
}
