package io.sluice.planner.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * A temporal join {@code left [LEFT] JOIN right FOR SYSTEM_TIME AS OF left.time ON condition}: each left
 * row joins the version of {@code right} valid at the left row's {@link #leftTimeField()}. It replaces
 * Calcite's {@code Correlate} over a {@code Snapshot} before optimization; it is deliberately not a
 * {@code Join}, so that join rules do not push conditions into the versioned side (filtering versions
 * before picking one would change the result). The condition refers to left fields then right fields.
 */
public final class TemporalJoin extends BiRel {
    private final RexNode condition;
    private final JoinRelType joinType;
    private final int leftTimeField;

    private TemporalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
            JoinRelType joinType, int leftTimeField) {
        super(cluster, traits, left, right);
        this.condition = condition;
        this.joinType = joinType;
        this.leftTimeField = leftTimeField;
    }

    /** A temporal join of {@code joinType} (INNER or LEFT) on {@code condition}, as of {@code left.leftTimeField}. */
    public static TemporalJoin create(RelNode left, RelNode right, RexNode condition, JoinRelType joinType,
            int leftTimeField) {
        return new TemporalJoin(left.getCluster(), left.getTraitSet(), left, right, condition, joinType, leftTimeField);
    }

    public RexNode condition() {
        return condition;
    }

    public JoinRelType joinType() {
        return joinType;
    }

    /** The left field whose value selects the version ({@code FOR SYSTEM_TIME AS OF left.field}). */
    public int leftTimeField() {
        return leftTimeField;
    }

    @Override
    protected RelDataType deriveRowType() {
        return SqlValidatorUtil.deriveJoinRowType(left.getRowType(), right.getRowType(), joinType,
                getCluster().getTypeFactory(), null, List.of());
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new TemporalJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), condition, joinType,
                leftTimeField);
    }

    @Override
    public RelNode accept(RexShuttle shuttle) {
        RexNode c = shuttle.apply(condition);
        return c == condition ? this
                : new TemporalJoin(getCluster(), getTraitSet(), left, right, c, joinType, leftTimeField);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("condition", condition)
                .item("joinType", joinType.lowerName)
                .item("asOf", left.getRowType().getFieldNames().get(leftTimeField));
    }
}
