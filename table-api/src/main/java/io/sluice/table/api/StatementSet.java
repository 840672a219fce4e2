package io.sluice.table.api;

/**
 * INSERTs planned and run together as one job, like Flink's {@code StatementSet} (and SQL's
 * {@code EXECUTE STATEMENT SET BEGIN ... END}). Statements are validated and planned when they are added;
 * {@link #execute()} submits them all and empties the set.
 */
public interface StatementSet {

    /** Adds one {@code INSERT INTO|OVERWRITE ...} statement; any other statement is rejected. */
    StatementSet addInsertSql(String statement);

    /** Adds {@code INSERT INTO targetPath} of {@code table}'s rows. */
    StatementSet addInsert(String targetPath, Table table);

    /**
     * The combined plan of the added statements, as {@code EXPLAIN STATEMENT SET BEGIN ... END} prints it: the
     * abstract syntax tree and the optimized plan of every statement, then the physical plan of the job.
     */
    String explain();

    /** Runs the added statements as one job and empties the set; returns at once with the job. */
    TableResult execute();
}
