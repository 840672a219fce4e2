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
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Translates a {@link Correlate} over a user-defined table function call ({@code LATERAL TABLE(f(x))},
 * {@code LEFT JOIN LATERAL TABLE(f(x)) ON TRUE}) into a {@link CorrelateOperator}: the function's arguments
 * refer to the left input's row through the correlation variable, which becomes plain input references.
 */
public final class CorrelateTranslator {
    private final JobGraphGenerator generator;
    private final Configuration config;

    public CorrelateTranslator(JobGraphGenerator generator, Configuration config) {
        this.generator = generator;
        this.config = config;
    }

    /**
     * A filter / projection / calc between the correlate and the function scan, moved above the correlate
     * (over the joined columns): INNER joins take any condition and expressions; LEFT joins only a pure
     * column selection (a condition there would mean ON other than TRUE). Null when there is none.
     */
    private static RelNode liftRightSide(Correlate correlate) {
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

    public Transformation translate(Correlate correlate) {
        if (UnnestTranslator.uncollectOf(correlate) != null) {
            return new UnnestTranslator(generator).translate(correlate);
        }
        JoinRelType joinType = correlate.getJoinType();
        RelNode lifted = liftRightSide(correlate);
        if (lifted != null) {
            return generator.translate(lifted);
        }
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
        RexCall invocation = (RexCall) call.accept(new RexShuttle() {
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
        Transformation in = generator.translate(correlate.getLeft());
        RowType outputType = RelTypes.toRowType(correlate.getRowType());
        RowType functionType = RelTypes.toRowType(right.getRowType());
        boolean left = joinType == JoinRelType.LEFT;
        String name = "Correlate(invocation=[" + call + "], select=[" + String.join(", ", outputType.names())
                + "], joinType=[" + joinType + "])";
        GeneratedClass<BatchTableFunction> function = new TableFunctionCodeGenerator(config)
                .generate(name, correlate.getLeft().getRowType(), invocation);
        return new OperatorTransformation(name, List.of(in),
                () -> new CorrelateOperator(function, outputType, functionType, left), outputType);
    }
}
