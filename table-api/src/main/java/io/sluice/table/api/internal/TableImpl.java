package io.sluice.table.api.internal;

import io.sluice.codegen.RelTypes;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableResult;
import java.util.List;

/** A {@link Table} defined by query text, planned when it is executed. */
final class TableImpl implements Table {
    private final TableEnvironmentImpl env;
    private final String query;

    TableImpl(TableEnvironmentImpl env, String query) {
        this.env = env;
        this.query = query;
    }

    String query() {
        return query;
    }

    @Override
    public ResolvedSchema getResolvedSchema() {
        return ResolvedSchema.fromRowType(RelTypes.toRowType(env.planner().validatedRowType(query)));
    }

    @Override
    public TableResult execute() {
        return env.executeQuery(query);
    }

    @Override
    public String explain() {
        return env.compileQuery(query).explain();
    }

    @Override
    public TableResult executeInsert(String tablePath) {
        return env.executeInserts(List.of(env.compileInsert(TableEnvironmentImpl.splitPath(tablePath), null, query)));
    }

    @Override
    public void printSchema() {
        System.out.println(getResolvedSchema());
    }

    @Override
    public String toString() {
        return query;
    }
}
