package io.sluice.table.api.internal;

import io.sluice.planner.JsonExecutionPlan;
import io.sluice.planner.PlanPrinter;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.table.api.TableException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * The {@code EXPLAIN} text of planned INSERTs: one statement prints as a single INSERT does; several (a statement
 * set, from {@code EXPLAIN STATEMENT SET} or {@code StatementSet.explain()}) print as one combined plan whose
 * JSON execution plan is the one job that {@code EXECUTE STATEMENT SET} submits for them.
 */
final class InsertExplainer {
    private InsertExplainer() {
    }

    /**
     * The plan text; {@code changelogMode}, {@code estimatedCost} and {@code jsonExecutionPlan} are the EXPLAIN
     * details of the same names. Fails like Flink when there is no statement.
     */
    static String explain(List<TableEnvironmentImpl.CompiledInsert> inserts, Configuration config,
            boolean changelogMode, boolean estimatedCost, boolean jsonExecutionPlan) {
        if (inserts.isEmpty()) {
            throw new TableException("operations should not be empty");
        }
        List<RelNode> logicals = new ArrayList<>();
        List<RelNode> optimizeds = new ArrayList<>();
        List<SinkTransformation> sinks = new ArrayList<>();
        for (TableEnvironmentImpl.CompiledInsert i : inserts) {
            logicals.add(i.query.plan.logical);
            optimizeds.add(i.query.plan.optimized);
            sinks.add(i.sink);
        }
        String json = jsonExecutionPlan ? JsonExecutionPlan.of(sinks, config.get(ExecutionOptions.PARALLELISM)) : null;
        return PlanPrinter.explainStatementSet(logicals, optimizeds, sinks, changelogMode, estimatedCost, json);
    }
}
