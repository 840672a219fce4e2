package io.sluice.table.api.bridge.java;

import io.sluice.table.api.StatementSet;
import io.sluice.table.api.Table;

/**
 * A {@link StatementSet} of a {@link StreamTableEnvironment} that can also run its INSERTs in the DataStream job:
 * {@link #attachAsDataStream()} adds them to the job the next {@code env.execute()} starts.
 */
public interface StreamStatementSet extends StatementSet {
    @Override
    StreamStatementSet addInsertSql(String statement);

    @Override
    StreamStatementSet addInsert(String targetPath, Table table);

    @Override
    StreamStatementSet add(io.sluice.table.api.TablePipeline tablePipeline);

    @Override
    StreamStatementSet addInsert(String targetPath, Table table, boolean overwrite);

    @Override
    StreamStatementSet addInsert(io.sluice.table.api.TableDescriptor targetDescriptor, Table table);

    @Override
    StreamStatementSet addInsert(io.sluice.table.api.TableDescriptor targetDescriptor, Table table,
            boolean overwrite);

    /**
     * Adds the INSERTs added so far to the stream environment's next job (they run when {@code env.execute()} is
     * called, together with the DataStream program) and forgets them.
     */
    @Override
    default StreamStatementSet printExplain(io.sluice.table.api.ExplainDetail... extraDetails) {
        System.out.println(explain(extraDetails));
        return this;
    }

    void attachAsDataStream();
}
