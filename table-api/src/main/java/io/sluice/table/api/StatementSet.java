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

    /** Adds a pipeline made by {@code table.insertInto(...)}. */
    default StatementSet add(TablePipeline tablePipeline) {
        throw new UnsupportedFeatureException("add(TablePipeline) on " + getClass().getName());
    }

    /** Adds {@code INSERT INTO|OVERWRITE targetPath} of {@code table}'s rows. */
    default StatementSet addInsert(String targetPath, Table table, boolean overwrite) {
        return add(table.insertInto(targetPath, overwrite));
    }

    /** Adds an INSERT of {@code table}'s rows into a new anonymous table described by {@code targetDescriptor}. */
    default StatementSet addInsert(TableDescriptor targetDescriptor, Table table) {
        return add(table.insertInto(targetDescriptor));
    }

    /** As {@link #addInsert(TableDescriptor, Table)}, overwriting when {@code overwrite}. */
    default StatementSet addInsert(TableDescriptor targetDescriptor, Table table, boolean overwrite) {
        return add(table.insertInto(targetDescriptor, overwrite));
    }

    /** The plan of the added statements, fixed now ({@code COMPILE PLAN ... FOR STATEMENT SET ...}). */
    default CompiledPlan compilePlan() {
        throw new UnsupportedFeatureException("compilePlan on " + getClass().getName());
    }

    /**
     * The combined plan of the added statements, as {@code EXPLAIN STATEMENT SET BEGIN ... END} prints it: the
     * abstract syntax tree and the optimized plan of every statement, then the physical plan of the job.
     */
    String explain();

    /** {@link #explain()} with details ({@code CHANGELOG_MODE}, {@code ESTIMATED_COST}, {@code JSON_EXECUTION_PLAN}). */
    default String explain(ExplainDetail... extraDetails) {
        if (extraDetails.length == 0) {
            return explain();
        }
        throw new UnsupportedFeatureException("explain with details on " + getClass().getName());
    }

    /** Prints {@link #explain(ExplainDetail...)}; returns this set. */
    default StatementSet printExplain(ExplainDetail... extraDetails) {
        System.out.println(explain(extraDetails));
        return this;
    }

    /** Runs the added statements as one job and empties the set; returns at once with the job. */
    TableResult execute();
}
