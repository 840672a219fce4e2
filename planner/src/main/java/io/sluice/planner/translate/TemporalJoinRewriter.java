package io.sluice.planner.translate;

import io.sluice.planner.rel.TemporalJoin;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Turns what Calcite makes of {@code l [LEFT] JOIN r FOR SYSTEM_TIME AS OF l.t ON cond} — a
 * {@code Correlate} whose right side is {@code Filter(cond)} (or a projection of it) over
 * {@code Snapshot(period = $cor.t)} over {@code r} — into a {@link TemporalJoin} of {@code l} and {@code r}
 * on {@code cond} with the correlation variable replaced by left field references. Runs before the
 * optimizer, which would otherwise reject the correlation. The snapshot period must be a left column
 * (Flink's rule); other shapes are left alone and rejected when translated. An equality between an expression over
 * left columns and right columns ({@code ON UPPER(o.currency) = r.currency}) becomes a join key: the expression is
 * computed by a projection below the join ({@link ComputedLeftKeys}) and projected away above it, as Flink does.
 */
public final class TemporalJoinRewriter {
    private static final String AS_OF_LEFT_TIME = "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF'"
            + " left table's time attribute field";

    private TemporalJoinRewriter() {
    }

    /** {@code rel} with every temporal-join correlate replaced by a {@link TemporalJoin}. */
    public static RelNode rewrite(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalCorrelate correlate) {
                RelNode visited = super.visit(correlate);
                return visited instanceof LogicalCorrelate ? rewriteCorrelate((LogicalCorrelate) visited) : visited;
            }
        });
    }

    private static RelNode rewriteCorrelate(LogicalCorrelate correlate) {
        RelNode right = correlate.getRight();
        Project project = null;
        if (right instanceof Project && right.getInput(0) instanceof Filter
                && right.getInput(0).getInput(0) instanceof Snapshot) {
            project = (Project) right;
            right = right.getInput(0);
        }
        RexNode condition = null;
        if (right instanceof Filter && right.getInput(0) instanceof Snapshot) {
            condition = ((Filter) right).getCondition();
            right = right.getInput(0);
        }
        if (!(right instanceof Snapshot)) {
            return correlate;
        }
        JoinRelType type = correlate.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
            throw new UnsupportedFeatureException("a " + type + " temporal join (Flink supports INNER and LEFT)");
        }
        Snapshot snapshot = (Snapshot) right;
        RelNode versioned = snapshot.getInput();
        RelNode left = correlate.getLeft();
        CorrelationId id = correlate.getCorrelationId();
        RexNode period = snapshot.getPeriod();
        if (!(period instanceof RexFieldAccess) || !isVariable(((RexFieldAccess) period).getReferenceExpr(), id)) {
            throw new ValidationException(AS_OF_LEFT_TIME);
        }
        int leftTime = ((RexFieldAccess) period).getField().getIndex();
        RexBuilder rex = correlate.getCluster().getRexBuilder();
        int leftCount = left.getRowType().getFieldCount();
        RexNode joinCondition = condition == null ? rex.makeLiteral(true)
                : condition.accept(new Decorrelate(id, left, leftCount));
        if (project != null && !RexCorrelVariableFinder.isFree(project.getProjects())) {
            throw new UnsupportedFeatureException("a temporal join whose versioned side projects columns of the left"
                    + " side:\n" + RelOptUtil.toString(correlate));
        }
        ComputedLeftKeys keys = ComputedLeftKeys.of(rex, left, versioned, joinCondition);
        RelNode join = TemporalJoin.create(keys.left, versioned, keys.condition, type, leftTime);
        if (project == null && keys.added == 0) {
            return join;
        }
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>(correlate.getRowType().getFieldNames());
        for (int i = 0; i < leftCount; i++) {
            exprs.add(rex.makeInputRef(join, i));
        }
        int rightStart = leftCount + keys.added;
        if (project == null) {
            for (int i = 0; i < versioned.getRowType().getFieldCount(); i++) {
                exprs.add(rex.makeInputRef(join, rightStart + i));
            }
        } else {
            for (RexNode e : project.getProjects()) {
                exprs.add(RexUtilShift.shift(e, rightStart, join));
            }
        }
        return LogicalProject.create(join, List.of(), exprs, names, Set.of());
    }

    private static boolean isVariable(RexNode node, CorrelationId id) {
        return node instanceof RexCorrelVariable && ((RexCorrelVariable) node).id.equals(id);
    }

    /** Replaces {@code $cor.field} by a left field reference and shifts right field references past the left ones. */
    private static final class Decorrelate extends RexShuttle {
        private final CorrelationId id;
        private final RelNode left;
        private final int leftCount;

        Decorrelate(CorrelationId id, RelNode left, int leftCount) {
            this.id = id;
            this.left = left;
            this.leftCount = leftCount;
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
            if (isVariable(access.getReferenceExpr(), id)) {
                int field = access.getField().getIndex();
                return new RexInputRef(field, left.getRowType().getFieldList().get(field).getType());
            }
            return super.visitFieldAccess(access);
        }

        @Override
        public RexNode visitInputRef(RexInputRef ref) {
            return new RexInputRef(ref.getIndex() + leftCount, ref.getType());
        }
    }

    /** Whether expressions are free of correlation variables. */
    private static final class RexCorrelVariableFinder {
        static boolean isFree(List<RexNode> exprs) {
            for (RexNode e : exprs) {
                if (RexUtil.containsCorrelation(e)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Shifts the input references of an expression over the right side to the join's right columns. */
    private static final class RexUtilShift {
        static RexNode shift(RexNode e, int offset, RelNode join) {
            return e.accept(new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    return new RexInputRef(ref.getIndex() + offset,
                            join.getRowType().getFieldList().get(ref.getIndex() + offset).getType());
                }
            });
        }
    }
}
