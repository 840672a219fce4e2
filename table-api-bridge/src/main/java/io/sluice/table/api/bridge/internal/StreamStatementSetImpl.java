package io.sluice.table.api.bridge.internal;

import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.StatementSet;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.bridge.java.StreamStatementSet;
import io.sluice.table.api.internal.BridgeSupport;

/** {@link StreamStatementSet}: a table environment's statement set whose sinks can join the DataStream job. */
final class StreamStatementSetImpl implements StreamStatementSet {
    private final StatementSet inserts;
    private final StreamExecutionEnvironment env;

    StreamStatementSetImpl(StatementSet inserts, StreamExecutionEnvironment env) {
        this.inserts = inserts;
        this.env = env;
    }

    @Override
    public StreamStatementSet addInsertSql(String statement) {
        inserts.addInsertSql(statement);
        return this;
    }

    @Override
    public StreamStatementSet addInsert(String targetPath, Table table) {
        inserts.addInsert(targetPath, table);
        return this;
    }

    @Override
    public StreamStatementSet add(io.sluice.table.api.TablePipeline tablePipeline) {
        inserts.add(tablePipeline);
        return this;
    }

    @Override
    public StreamStatementSet addInsert(String targetPath, Table table, boolean overwrite) {
        inserts.addInsert(targetPath, table, overwrite);
        return this;
    }

    @Override
    public StreamStatementSet addInsert(io.sluice.table.api.TableDescriptor targetDescriptor, Table table) {
        inserts.addInsert(targetDescriptor, table);
        return this;
    }

    @Override
    public StreamStatementSet addInsert(io.sluice.table.api.TableDescriptor targetDescriptor, Table table,
            boolean overwrite) {
        inserts.addInsert(targetDescriptor, table, overwrite);
        return this;
    }

    @Override
    public String explain() {
        return inserts.explain();
    }

    @Override
    public String explain(io.sluice.table.api.ExplainDetail... extraDetails) {
        return inserts.explain(extraDetails);
    }

    @Override
    public io.sluice.table.api.CompiledPlan compilePlan() {
        return inserts.compilePlan();
    }

    @Override
    public TableResult execute() {
        return inserts.execute();
    }

    @Override
    public void attachAsDataStream() {
        env.attachSinks(BridgeSupport.takeSinks(inserts));
    }
}
