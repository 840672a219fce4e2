package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.codegen.RelTypes;
import io.sluice.planner.rel.TemporalJoin;
import io.sluice.planner.rel.WatermarkAssigner;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.watermark.WatermarkAssignerOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * The fallback for the logical nodes that are not physical nodes yet (no rule in
 * {@link io.sluice.planner.physical.PhysicalRules} converts them): watermark assigners, temporal joins (and the
 * snapshots under them), {@code MATCH_RECOGNIZE}, {@code UNNEST} and correlated table functions. Each is translated
 * by its own code from the logical node; its inputs go back through {@link JobGraphGenerator#translate}, and its
 * changelog mode is its inputs' (a temporal join: its left input's, set by its translator).
 */
final class UnmigratedNodeTranslator {
    private final JobGraphGenerator generator;
    private final CodeGenerator codegen;
    private final Configuration config;
    private final boolean streaming;

    UnmigratedNodeTranslator(JobGraphGenerator generator, CodeGenerator codegen, Configuration config,
            boolean streaming) {
        this.generator = generator;
        this.codegen = codegen;
        this.config = config;
        this.streaming = streaming;
    }

    Transformation translate(RelNode rel) {
        Transformation t = dispatch(rel);
        if (streaming && !(rel instanceof TemporalJoin)) { // its mode is the left input's
            inferChangelogMode(t);
        }
        return t;
    }

    /**
     * Streaming analysis: a node emits at least the row kinds its inputs emit (stateless nodes pass
     * them on; stateful ones retract what they emitted before). Nodes that create updates themselves
     * (a group aggregate, an outer join) set their mode when they are translated.
     */
    private static void inferChangelogMode(Transformation t) {
        ChangelogMode mode = t.changelogMode();
        for (Transformation in : t.inputs()) {
            mode = mode.union(in.changelogMode());
        }
        t.withChangelogMode(mode);
    }

    private Transformation dispatch(RelNode rel) {
        if (rel instanceof WatermarkAssigner) {
            return translateWatermarkAssigner((WatermarkAssigner) rel);
        } else if (rel instanceof TemporalJoin || rel instanceof org.apache.calcite.rel.core.Snapshot) {
            return new TemporalJoinTranslator(generator, codegen, streaming).translate(rel);
        } else if (rel instanceof org.apache.calcite.rel.core.Match) {
            return new MatchTranslator(codegen, config).translate((org.apache.calcite.rel.core.Match) rel,
                    generator.translate(rel.getInput(0)));
        } else if (rel instanceof org.apache.calcite.rel.core.Uncollect) {
            return new UnnestTranslator(generator).translate((org.apache.calcite.rel.core.Uncollect) rel);
        } else if (rel instanceof org.apache.calcite.rel.core.Correlate) {
            return new CorrelateTranslator(generator, config).translate((org.apache.calcite.rel.core.Correlate) rel);
        }
        throw new UnsupportedFeatureException("plan node " + rel.getRelTypeName() + ":\n" + RelOptUtil.toString(rel));
    }

    /** Streaming: a {@link WatermarkAssignerOperator}; batch mode ignores watermarks. */
    private Transformation translateWatermarkAssigner(WatermarkAssigner assigner) {
        Transformation in = generator.translate(assigner.getInput());
        if (assigner.isSourceWatermark()) {
            Transformation t = in;
            while (!generator.isSourceWatermarkScan(t) && t.inputs().size() == 1) {
                t = t.inputs().get(0);
            }
            if (!generator.isSourceWatermarkScan(t)) {
                throw new ValidationException("SOURCE_WATERMARK() needs a source that emits watermarks itself (a table"
                        + " converted from a DataStream); the source of " + in.name() + " does not.");
            }
            return in;
        }
        if (!streaming) {
            return in;
        }
        RexNode watermark = RexUtil.expandSearch(assigner.getCluster().getRexBuilder(), null,
                assigner.watermarkExpression());
        LogicalType type = RelTypes.toLogicalType(watermark.getType());
        if (type.root() != io.sluice.runtime.types.TypeRoot.TIMESTAMP
                && type.root() != io.sluice.runtime.types.TypeRoot.TIMESTAMP_LTZ) {
            throw new ValidationException("The watermark expression must return TIMESTAMP(3) or TIMESTAMP_LTZ(3), but "
                    + watermark + " returns " + type + ".");
        }
        if (WatermarkPushDown.tryPush(assigner, watermark, type, in, codegen)) {
            return in; // the source's readers emit the watermarks (e.g. one per Kafka partition)
        }
        String rowtime = assigner.getInput().getRowType().getFieldNames().get(assigner.rowtimeField());
        String name = "WatermarkAssigner(rowtime=[" + rowtime + "], watermark=[" + watermark + "])";
        GeneratedClass<BatchCalc> calc = codegen.generateCalc(name, assigner.getInput().getRowType(), null,
                List.of(watermark));
        return new OperatorTransformation(name, List.of(in), () -> new WatermarkAssignerOperator(calc, type),
                JobGraphGenerator.rowType(assigner));
    }
}
