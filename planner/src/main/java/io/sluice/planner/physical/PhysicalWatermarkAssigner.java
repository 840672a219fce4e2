package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.rel.RowtimeAssigner;
import io.sluice.planner.rel.WatermarkAssigner;
import io.sluice.planner.translate.WatermarkPushDown;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.watermark.WatermarkAssignerOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.ValidationException;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * A table's {@code WATERMARK FOR rowtime AS expression}: in streaming mode a {@link WatermarkAssignerOperator}
 * (rows pass unchanged, the watermark follows the largest value of the expression), unless the source generates the
 * watermarks itself ({@link WatermarkPushDown}, or {@code SOURCE_WATERMARK()}); batch mode ignores watermarks. Either
 * way the node needs no operator when there is nothing to compute, and translates to its input.
 *
 * <p>Stateless; passes its input's row kinds on.
 */
public final class PhysicalWatermarkAssigner extends SingleRel implements PhysicalRel, RowtimeAssigner {
    private final WatermarkAssigner logical;

    /**
     * @param logical the logical assigner this node implements; its input (the table's scan and computed columns, as
     *     declared) is what the watermark expression is rewritten over when it is pushed into the source
     */
    PhysicalWatermarkAssigner(RelOptCluster cluster, RelTraitSet traits, RelNode input, WatermarkAssigner logical) {
        super(cluster, traits, input);
        this.logical = logical;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalWatermarkAssigner(getCluster(), traitSet, sole(inputs), logical);
    }

    @Override
    public int rowtimeField() {
        return logical.rowtimeField();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("rowtime", getInput().getRowType().getFieldNames().get(rowtimeField()))
                .item("watermark", logical.isSourceWatermark() ? "SOURCE_WATERMARK()" : logical.watermarkExpression());
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        Transformation in = inputs.get(0);
        if (logical.isSourceWatermark()) {
            checkSourceWatermarks(context, in);
            return in;
        }
        if (!context.isStreaming()) {
            return in;
        }
        RexNode watermark = RexUtil.expandSearch(getCluster().getRexBuilder(), null, logical.watermarkExpression());
        LogicalType type = RelTypes.toLogicalType(watermark.getType());
        if (type.root() != TypeRoot.TIMESTAMP && type.root() != TypeRoot.TIMESTAMP_LTZ) {
            throw new ValidationException("The watermark expression must return TIMESTAMP(3) or TIMESTAMP_LTZ(3), but "
                    + watermark + " returns " + type + ".");
        }
        if (WatermarkPushDown.tryPush(logical, watermark, type, in, context.codegen())) {
            return in; // the source's readers emit the watermarks (e.g. one per Kafka partition)
        }
        String name = ExplainText.of("WatermarkAssigner")
                .attribute("rowtime", getInput().getRowType().getFieldNames().get(rowtimeField()))
                .attribute("watermark", watermark).toString();
        GeneratedClass<BatchCalc> calc = context.codegen().generateCalc(name, getInput().getRowType(), null,
                List.of(watermark));
        return new OperatorTransformation(name, inputs, () -> new WatermarkAssignerOperator(calc, type),
                RelTypes.toRowType(getRowType()));
    }

    /** {@code SOURCE_WATERMARK()} needs a source below that emits its own watermarks (a converted DataStream). */
    private static void checkSourceWatermarks(TranslationContext context, Transformation in) {
        Transformation t = in;
        while (!context.isSourceWatermarkScan(t) && t.inputs().size() == 1) {
            t = t.inputs().get(0);
        }
        if (!context.isSourceWatermarkScan(t)) {
            throw new ValidationException("SOURCE_WATERMARK() needs a source that emits watermarks itself (a table"
                    + " converted from a DataStream); the source of " + in.name() + " does not.");
        }
    }
}
