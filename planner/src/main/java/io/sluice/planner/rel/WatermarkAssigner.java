package io.sluice.planner.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Assigns watermarks to a stream: rows pass unchanged, and after them the watermark is the largest
 * value of {@link #watermarkExpression()} seen so far. Placed right above a table's scan (and its
 * computed columns) by the table's {@code WATERMARK FOR rowtime AS expression} clause; ignored in
 * batch mode.
 */
public final class WatermarkAssigner extends SingleRel {
    private final int rowtimeField;
    private final RexNode watermarkExpression;

    private WatermarkAssigner(RelOptCluster cluster, RelTraitSet traits, RelNode input, int rowtimeField,
            RexNode watermarkExpression) {
        super(cluster, traits, input);
        this.rowtimeField = rowtimeField;
        this.watermarkExpression = watermarkExpression;
    }

    public static WatermarkAssigner create(RelNode input, int rowtimeField, RexNode watermarkExpression) {
        return new WatermarkAssigner(input.getCluster(), input.getTraitSet(), input, rowtimeField, watermarkExpression);
    }

    /** The index of the rowtime attribute column. */
    public int rowtimeField() {
        return rowtimeField;
    }

    /** The watermark expression over the input row. */
    public RexNode watermarkExpression() {
        return watermarkExpression;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new WatermarkAssigner(getCluster(), traitSet, sole(inputs), rowtimeField, watermarkExpression);
    }

    @Override
    public RelNode accept(RexShuttle shuttle) {
        RexNode e = shuttle.apply(watermarkExpression);
        return e == watermarkExpression ? this
                : new WatermarkAssigner(getCluster(), getTraitSet(), getInput(), rowtimeField, e);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("rowtime", getInput().getRowType().getFieldNames().get(rowtimeField))
                .item("watermark", watermarkExpression);
    }
}
