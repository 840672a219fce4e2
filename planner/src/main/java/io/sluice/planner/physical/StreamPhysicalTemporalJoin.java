package io.sluice.planner.physical;

import io.sluice.planner.translate.TemporalJoinTranslator;
import io.sluice.planner.translate.TemporalJoinTranslator.Analysis;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.Transformation;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * An event-time temporal join {@code left [LEFT] JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime ON ...}: each
 * left row joins the version of the right side's row (by primary key) valid at the left row's time, once the
 * watermark passed it. Both inputs are hash-distributed on the equi-join keys. The versioned side may be a changelog
 * (its updates and deletions make new versions); the output has the left input's row kinds. Keeps the left rows
 * waiting for the watermark and each key's versions. A versioned view that deduplicates a log by rowtime is read as
 * the log itself, every row a version ({@link io.sluice.planner.translate.DeduplicatedVersions}), so that the versions
 * do not depend on the order the log's rows arrive in.
 */
public final class StreamPhysicalTemporalJoin extends BiRel implements PhysicalRel {
    private final RexNode condition;
    private final JoinRelType joinType;
    private final int leftTimeField;
    private final Analysis analysis;
    /** Where the versions come from when not from the right input's changelog as such (else null). */
    private final String versions;

    StreamPhysicalTemporalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
            RexNode condition, JoinRelType joinType, int leftTimeField, Analysis analysis, String versions) {
        super(cluster, traits, left, right);
        this.condition = condition;
        this.joinType = joinType;
        this.leftTimeField = leftTimeField;
        this.analysis = analysis;
        this.versions = versions;
    }

    @Override
    protected RelDataType deriveRowType() {
        return SqlValidatorUtil.deriveJoinRowType(left.getRowType(), right.getRowType(), joinType,
                getCluster().getTypeFactory(), null, List.of());
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalTemporalJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), condition,
                joinType, leftTimeField, analysis, versions);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("condition", condition).item("joinType", joinType.lowerName)
                .item("asOf", left.getRowType().getFieldNames().get(leftTimeField))
                .itemIf("versions", versions, versions != null);
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return inputModes.get(0);
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return InputPartitioning.hash(input == 0 ? analysis.leftKeys() : analysis.rightKeys());
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        return TemporalJoinTranslator.translate(context.codegen(), this, left, right, condition, joinType,
                leftTimeField, analysis, versions, inputs.get(0), inputs.get(1));
    }
}
