package io.sluice.planner.optimize;

import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * Rewrites a logical plan into the shape the translator understands, in Hep phases:
 * subqueries to joins (then decorrelation), OVER aggregates into windows, set operations into
 * aggregates, filter/project push-down and merging, and finally projections and filters fused into Calcs.
 */
public final class PlanOptimizer {
    private PlanOptimizer() {
    }

    private static final HepProgram SUBQUERY_REMOVAL = new HepProgramBuilder()
            .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
            .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
            .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
            .build();

    /**
     * STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP (and their synonyms STDDEV and VARIANCE) become expressions over
     * SUM(x * x), SUM(x) and COUNT(x), as in Flink, so every aggregation (batch, streaming with retractions,
     * windows) runs them with the accumulators it already has. AVG is left alone: it has its own accumulator.
     */
    private static final org.apache.calcite.plan.RelOptRule REDUCE_VARIANCE =
            org.apache.calcite.rel.rules.AggregateReduceFunctionsRule.Config.DEFAULT
                    .withFunctionsToReduce(java.util.EnumSet.of(org.apache.calcite.sql.SqlKind.STDDEV_POP,
                            org.apache.calcite.sql.SqlKind.STDDEV_SAMP, org.apache.calcite.sql.SqlKind.VAR_POP,
                            org.apache.calcite.sql.SqlKind.VAR_SAMP))
                    .toRule();

    private static final HepProgram WINDOWS_AND_SET_OPS = new HepProgramBuilder()
            .addRuleInstance(REDUCE_VARIANCE)
            .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
            .addRuleInstance(CoreRules.UNION_TO_DISTINCT)
            .addRuleInstance(CoreRules.INTERSECT_TO_DISTINCT)
            .addRuleInstance(CoreRules.MINUS_TO_DISTINCT)
            .build();

    private static final HepProgram PUSH_DOWN = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleCollection(java.util.List.of(
                    OrFactorPullRule.FILTER,
                    OrFactorPullRule.JOIN,
                    CoreRules.FILTER_INTO_JOIN,
                    CoreRules.JOIN_CONDITION_PUSH,
                    CrossJoinAvoidRule.INSTANCE,
                    CoreRules.FILTER_PROJECT_TRANSPOSE,
                    CoreRules.FILTER_SET_OP_TRANSPOSE,
                    CoreRules.FILTER_AGGREGATE_TRANSPOSE,
                    CoreRules.FILTER_MERGE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE,
                    CoreRules.AGGREGATE_PROJECT_MERGE,
                    CoreRules.UNION_MERGE))
            .build();

    private static final HepProgram TO_CALC = new HepProgramBuilder()
            .addRuleInstance(CoreRules.FILTER_TO_CALC)
            .addRuleInstance(CoreRules.PROJECT_TO_CALC)
            .addRuleInstance(CoreRules.CALC_MERGE)
            .addRuleInstance(CoreRules.CALC_REMOVE)
            .build();

    /** Runs every phase; fails with "not supported yet" for correlations that cannot be removed. */
    public static RelNode optimize(RelNode logical, RelBuilder relBuilder) {
        RelNode rel = run(SUBQUERY_REMOVAL, logical);
        rel = RelDecorrelator.decorrelateQuery(rel, relBuilder);
        checkNoCorrelation(rel);
        rel = GroupingSetsRewriter.rewrite(rel, relBuilder);
        rel = run(WINDOWS_AND_SET_OPS, rel);
        rel = run(PUSH_DOWN, rel);
        rel = run(TO_CALC, rel);
        return rel;
    }

    private static RelNode run(HepProgram program, RelNode rel) {
        HepPlanner planner = new HepPlanner(program);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static void checkNoCorrelation(RelNode rel) {
        rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalCorrelate correlate) {
                if (io.sluice.planner.translate.CorrelateTranslator.isLateralTableFunction(correlate)) {
                    return super.visit(correlate);
                }
                throw new UnsupportedFeatureException("this correlated subquery (it could not be rewritten into a join):\n"
                        + RelOptUtil.toString(correlate));
            }

            @Override
            public RelNode visit(RelNode other) {
                if (other instanceof Correlate
                        && !io.sluice.planner.translate.CorrelateTranslator.isLateralTableFunction((Correlate) other)) {
                    throw new UnsupportedFeatureException("this correlated subquery");
                }
                return super.visit(other);
            }
        });
    }
}
