package io.sluice.planner.rel;

import org.apache.calcite.rel.RelNode;

/**
 * A plan node that declares a rowtime attribute and assigns watermarks on it (the logical {@link WatermarkAssigner}
 * and its physical form): its rows pass unchanged and {@link #rowtimeField()} is a time attribute from here up.
 */
public interface RowtimeAssigner extends RelNode {
    /** The index of the rowtime attribute column. */
    int rowtimeField();
}
