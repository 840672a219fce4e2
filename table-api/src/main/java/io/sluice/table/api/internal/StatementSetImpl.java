package io.sluice.table.api.internal;

import io.sluice.table.api.StatementSet;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import java.util.ArrayList;
import java.util.List;

/** A {@link StatementSet} of a {@link TableEnvironmentImpl}: INSERTs are planned as they are added. */
final class StatementSetImpl implements StatementSet {
    private final TableEnvironmentImpl env;
    private final StatementExecutor statements;
    private final List<TableEnvironmentImpl.CompiledInsert> inserts = new ArrayList<>();
    /** The statements added, as SQL text (for {@link #compilePlan()}). */
    private final List<String> statementTexts = new ArrayList<>();

    StatementSetImpl(TableEnvironmentImpl env, StatementExecutor statements) {
        this.env = env;
        this.statements = statements;
    }

    @Override
    public StatementSet addInsertSql(String statement) {
        inserts.add(statements.compileInsertSql(statement));
        statementTexts.add(statement.strip().replaceAll(";+$", ""));
        return this;
    }

    @Override
    public StatementSet addInsert(String targetPath, Table table) {
        return add(table.insertInto(targetPath));
    }

    @Override
    public StatementSet add(io.sluice.table.api.TablePipeline tablePipeline) {
        if (!(tablePipeline instanceof TablePipelineImpl) || ((TablePipelineImpl) tablePipeline).env() != env) {
            throw new io.sluice.table.api.ValidationException("Only pipelines of the same TableEnvironment can be "
                    + "added to a statement set");
        }
        String statement = ((TablePipelineImpl) tablePipeline).statement();
        inserts.add(statements.compileInsertSql(statement));
        statementTexts.add(statement);
        return this;
    }

    @Override
    public String explain(io.sluice.table.api.ExplainDetail... extraDetails) {
        java.util.Set<io.sluice.table.api.ExplainDetail> details = java.util.Set.of(extraDetails);
        return InsertExplainer.explain(inserts, env.configuration(),
                details.contains(io.sluice.table.api.ExplainDetail.CHANGELOG_MODE),
                details.contains(io.sluice.table.api.ExplainDetail.ESTIMATED_COST),
                details.contains(io.sluice.table.api.ExplainDetail.JSON_EXECUTION_PLAN));
    }

    @Override
    public io.sluice.table.api.CompiledPlan compilePlan() {
        if (statementTexts.isEmpty()) {
            throw new TableException("No operators defined in streaming topology. Cannot compile.");
        }
        StringBuilder set = new StringBuilder("STATEMENT SET BEGIN\n");
        statementTexts.forEach(s -> set.append(s).append(";\n"));
        return CompiledPlanImpl.compile(env, set.append("END").toString());
    }

    @Override
    public String explain() {
        return InsertExplainer.explain(inserts, env.configuration(), false, false, false);
    }

    /** The sinks of the INSERTs added so far; forgets them. */
    List<io.sluice.runtime.graph.SinkTransformation> takeSinks() {
        if (inserts.isEmpty()) {
            throw new TableException("No operators defined in streaming topology. Cannot execute.");
        }
        List<io.sluice.runtime.graph.SinkTransformation> sinks = new ArrayList<>();
        inserts.forEach(i -> sinks.add(i.sink));
        inserts.clear();
        statementTexts.clear();
        return sinks;
    }

    @Override
    public TableResult execute() {
        if (inserts.isEmpty()) {
            throw new TableException("No operators defined in streaming topology. Cannot execute.");
        }
        try {
            return env.executeInserts(List.copyOf(inserts));
        } finally {
            inserts.clear();
            statementTexts.clear();
        }
    }
}
