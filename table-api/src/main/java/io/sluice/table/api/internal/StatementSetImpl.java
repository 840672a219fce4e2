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

    StatementSetImpl(TableEnvironmentImpl env, StatementExecutor statements) {
        this.env = env;
        this.statements = statements;
    }

    @Override
    public StatementSet addInsertSql(String statement) {
        inserts.add(statements.compileInsertSql(statement));
        return this;
    }

    @Override
    public StatementSet addInsert(String targetPath, Table table) {
        inserts.add(env.compileInsert(TableEnvironmentImpl.splitPath(targetPath), null, ((TableImpl) table).query()));
        return this;
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
        }
    }
}
