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
public final class WatermarkAssigner extends SingleRel implements RowtimeAssigner {
    private final int rowtimeField;
    private final RexNode watermarkExpression;
    private final boolean sourceWatermark;

    private WatermarkAssigner(RelOptCluster cluster, RelTraitSet traits, RelNode input, int rowtimeField,
            RexNode watermarkExpression, boolean sourceWatermark) {
        super(cluster, traits, input);
        this.rowtimeField = rowtimeField;
        this.watermarkExpression = watermarkExpression;
        this.sourceWatermark = sourceWatermark;
    }

    public static WatermarkAssigner create(RelNode input, int rowtimeField, RexNode watermarkExpression) {
        return new WatermarkAssigner(input.getCluster(), input.getTraitSet(), input, rowtimeField, watermarkExpression,
                false);
    }

    /**
     * {@code WATERMARK FOR rowtime AS SOURCE_WATERMARK()}: the rowtime column is a time attribute and the
     * watermarks are the ones the source emits (a DataStream's); nothing is computed here.
     */
    public static WatermarkAssigner createSourceWatermark(RelNode input, int rowtimeField) {
        return new WatermarkAssigner(input.getCluster(), input.getTraitSet(), input, rowtimeField,
                input.getCluster().getRexBuilder().makeInputRef(input, rowtimeField), true);
    }

    /** The same kind of assigner over another input (column pruning), with the rowtime at {@code rowtimeField}. */
    public WatermarkAssigner withInput(RelNode input, int rowtimeField, RexNode watermarkExpression) {
        return new WatermarkAssigner(input.getCluster(), input.getTraitSet(), input, rowtimeField,
                sourceWatermark ? input.getCluster().getRexBuilder().makeInputRef(input, rowtimeField)
                        : watermarkExpression, sourceWatermark);
    }

    /** Whether the watermarks are the source's own ({@code SOURCE_WATERMARK()}). */
    public boolean isSourceWatermark() {
        return sourceWatermark;
    }

    /** True for the text {@code SOURCE_WATERMARK()} of a watermark declaration (any case and spacing). */
    public static boolean isSourceWatermark(String expression) {
        return expression != null
                && expression.replaceAll("\\s+", "").equalsIgnoreCase("SOURCE_WATERMARK()");
    }

    @Override
    public int rowtimeField() {
        return rowtimeField;
    }

    /** The watermark expression over the input row. */
    public RexNode watermarkExpression() {
        return watermarkExpression;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new WatermarkAssigner(getCluster(), traitSet, sole(inputs), rowtimeField, watermarkExpression,
                sourceWatermark);
    }

    @Override
    public RelNode accept(RexShuttle shuttle) {
        RexNode e = shuttle.apply(watermarkExpression);
        return e == watermarkExpression ? this
                : new WatermarkAssigner(getCluster(), getTraitSet(), getInput(), rowtimeField, e, sourceWatermark);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("rowtime", getInput().getRowType().getFieldNames().get(rowtimeField))
                .item("watermark", sourceWatermark ? "SOURCE_WATERMARK()" : watermarkExpression);
    }
}
