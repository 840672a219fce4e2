package io.sluice.table.api.internal;

import io.sluice.table.api.TablePipeline;
import io.sluice.table.api.TableResult;
import java.util.ArrayList;
import java.util.List;

/** {@code table.insertInto(path)}: runs or explains the equivalent {@code INSERT INTO path <query>} statement. */
final class TablePipelineImpl implements TablePipeline {
    private final TableEnvironmentImpl env;
    private final TableImpl table;
    private final String path;
    private final boolean overwrite;

    TablePipelineImpl(TableEnvironmentImpl env, TableImpl table, String path, boolean overwrite) {
        this.env = env;
        this.table = table;
        this.path = path;
        this.overwrite = overwrite;
    }

    /** The {@code INSERT} statement the pipeline runs. */
    String statement() {
        List<String> parts = new ArrayList<>();
        TableEnvironmentImpl.splitPath(path).forEach(p -> parts.add(ExprRenderer.quote(p)));
        return "INSERT " + (overwrite ? "OVERWRITE " : "INTO ") + String.join(".", parts) + " " + table.query();
    }

    @Override
    public TableResult execute() {
        return env.executeSql(statement());
    }

    @Override
    public String explain() {
        return env.explainSql(statement());
    }

    @Override
    public String explain(io.sluice.table.api.ExplainDetail... extraDetails) {
        return env.explainSql(statement(), extraDetails);
    }

    @Override
    public io.sluice.table.api.CompiledPlan compilePlan() {
        return CompiledPlanImpl.compile(env, statement());
    }

    /** The table environment the pipeline belongs to. */
    TableEnvironmentImpl env() {
        return env;
    }

    @Override
    public String getSinkIdentifier() {
        return env.qualifiedName(path);
    }
}
