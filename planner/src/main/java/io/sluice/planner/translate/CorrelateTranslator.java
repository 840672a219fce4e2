package io.sluice.planner.translate;

import io.sluice.codegen.RelTypes;
import io.sluice.codegen.udf.TableFunctionCodeGenerator;
import io.sluice.codegen.udf.TableUserSqlFunction;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.correlate.BatchTableFunction;
import io.sluice.runtime.operator.correlate.CorrelateOperator;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Plans a {@link Correlate} over a user-defined table function call ({@code LATERAL TABLE(f(x))},
 * {@code LEFT JOIN LATERAL TABLE(f(x)) ON TRUE}): {@link #liftRightSide} moves a filter or projection of the
 * function's rows above the correlate, {@link #invocation} checks the call and rewrites its arguments, which refer to
 * the left input's row through the correlation variable, into plain input references, and {@link #translate}
 * builds the {@link CorrelateOperator}.
 */
public final class CorrelateTranslator {
    private CorrelateTranslator() {
    }

    /**
     * A filter / projection / calc between the correlate and the function scan, moved above the correlate
     * (over the joined columns): INNER joins take any condition and expressions; LEFT joins only a pure
     * column selection (a condition there would mean ON other than TRUE). Null when there is none.
     */
    public static RelNode liftRightSide(Correlate correlate) {
        RelNode right = correlate.getRight();
        if (right instanceof TableFunctionScan) {
            return null;
        }
        RexNode condition;
        List<RexNode> projects;
        RelNode input = right.getInput(0);
        if (right instanceof org.apache.calcite.rel.core.Filter) {
            condition = ((org.apache.calcite.rel.core.Filter) right).getCondition();
            projects = null;
        } else if (right instanceof org.apache.calcite.rel.core.Project) {
            condition = null;
            projects = ((org.apache.calcite.rel.core.Project) right).getProjects();
        } else if (right instanceof org.apache.calcite.rel.core.Calc) {
            org.apache.calcite.rex.RexProgram program = ((org.apache.calcite.rel.core.Calc) right).getProgram();
            condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
            projects = new java.util.ArrayList<>();
            for (org.apache.calcite.rex.RexLocalRef ref : program.getProjectList()) {
                projects.add(program.expandLocalRef(ref));
            }
        } else {
            return null;
        }
        if (correlate.getJoinType() == JoinRelType.LEFT
                && (condition != null || projects != null && !projects.stream().allMatch(p -> p instanceof RexInputRef))) {
            throw new UnsupportedFeatureException("LEFT JOIN LATERAL TABLE(...) with a join condition other than ON TRUE");
        }
        int leftCount = correlate.getLeft().getRowType().getFieldCount();
        RelNode joined = correlate.copy(correlate.getTraitSet(), correlate.getLeft(), input,
                correlate.getCorrelationId(), correlate.getRequiredColumns(), correlate.getJoinType());
        if (condition != null) {
            joined = org.apache.calcite.rel.logical.LogicalFilter.create(joined,
                    org.apache.calcite.rex.RexUtil.shift(condition, leftCount));
        }
        if (projects != null) {
            org.apache.calcite.rex.RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
            List<RexNode> all = new java.util.ArrayList<>();
            for (int i = 0; i < leftCount; i++) {
                all.add(rexBuilder.makeInputRef(joined, i));
            }
            for (RexNode p : projects) {
                all.add(org.apache.calcite.rex.RexUtil.shift(p, leftCount));
            }
            joined = org.apache.calcite.rel.logical.LogicalProject.create(joined, List.of(), all,
                    correlate.getRowType().getFieldNames(), java.util.Set.of());
        }
        return joined;
    }

    /**
     * Whether the correlate joins rows with a user-defined table function ({@code LATERAL TABLE(f(x))}) or with
     * the elements of a collection ({@code CROSS JOIN UNNEST(t.arr)}).
     */
    public static boolean isLateralTableFunction(Correlate correlate) {
        RelNode r = correlate.getRight();
        while (r instanceof org.apache.calcite.rel.core.Filter || r instanceof org.apache.calcite.rel.core.Project
                || r instanceof org.apache.calcite.plan.hep.HepRelVertex) {
            r = r instanceof org.apache.calcite.plan.hep.HepRelVertex
                    ? ((org.apache.calcite.plan.hep.HepRelVertex) r).getCurrentRel() : r.getInput(0);
        }
        if (r instanceof org.apache.calcite.rel.core.Uncollect) {
            return true;
        }
        RelNode right = correlate.getRight();
        while (right instanceof org.apache.calcite.rel.core.Filter || right instanceof org.apache.calcite.rel.core.Project
                || right instanceof org.apache.calcite.plan.hep.HepRelVertex) {
            right = right instanceof org.apache.calcite.plan.hep.HepRelVertex
                    ? ((org.apache.calcite.plan.hep.HepRelVertex) right).getCurrentRel() : right.getInput(0);
        }
        return right instanceof TableFunctionScan && right.getInputs().isEmpty()
                && ((TableFunctionScan) right).getCall() instanceof RexCall
                && ((RexCall) ((TableFunctionScan) right).getCall()).getOperator() instanceof TableUserSqlFunction;
    }

    /**
     * The table function call of {@code correlate} (after {@link #liftRightSide} found nothing to lift) with the
     * correlation variable replaced by references to the left input's fields; fails for anything else.
     */
    public static RexCall invocation(Correlate correlate) {
        JoinRelType joinType = correlate.getJoinType();
        if (joinType != JoinRelType.INNER && joinType != JoinRelType.LEFT) {
            throw new UnsupportedFeatureException(joinType + " correlate (LATERAL) join");
        }
        RelNode right = correlate.getRight();
        if (!(right instanceof TableFunctionScan) || !right.getInputs().isEmpty()
                || !(((TableFunctionScan) right).getCall() instanceof RexCall)
                || !(((RexCall) ((TableFunctionScan) right).getCall()).getOperator() instanceof TableUserSqlFunction)) {
            throw new UnsupportedFeatureException("LATERAL join of anything but a user-defined table function call"
                    + " joined ON TRUE (found " + right.getRelTypeName() + ")");
        }
        RexCall call = (RexCall) ((TableFunctionScan) right).getCall();
        return (RexCall) call.accept(new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                RexNode ref = access.getReferenceExpr();
                if (ref instanceof RexCorrelVariable
                        && ((RexCorrelVariable) ref).id.equals(correlate.getCorrelationId())) {
                    return new RexInputRef(access.getField().getIndex(), access.getType());
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                throw new UnsupportedFeatureException("correlation variable " + variable + " in " + call);
            }
        });
    }

    /**
     * The {@link CorrelateOperator} calling {@code invocation} (over {@code left}'s row) for each row of {@code in},
     * {@code left}'s transformation; {@code call} is the call as written (for EXPLAIN), {@code functionRowType} the
     * function's row type and {@code rowType} the joined row's.
     */
    public static Transformation translate(Configuration config, RelNode left, Transformation in, RexCall call,
            RexCall invocation, RelDataType functionRowType, RelDataType rowType, JoinRelType joinType) {
        RowType outputType = RelTypes.toRowType(rowType);
        RowType functionType = RelTypes.toRowType(functionRowType);
        String name = "Correlate(invocation=[" + call + "], select=[" + String.join(", ", outputType.names())
                + "], joinType=[" + joinType + "])";
        GeneratedClass<BatchTableFunction> function = new TableFunctionCodeGenerator(config)
                .generate(name, left.getRowType(), invocation);
        boolean leftJoin = joinType == JoinRelType.LEFT;
        return new OperatorTransformation(name, List.of(in),
                () -> new CorrelateOperator(function, outputType, functionType, leftJoin), outputType);
    }
}
