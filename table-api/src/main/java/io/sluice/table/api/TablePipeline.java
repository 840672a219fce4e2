package io.sluice.table.api;

/** A table and the sink it is written to ({@code table.insertInto("sink")}), ready to run or explain. */
public interface TablePipeline {
    /** Runs the INSERT job; returns at once with the job. */
    TableResult execute();

    /** The INSERT's plan as {@code EXPLAIN} prints it. */
    String explain();

    /** The INSERT's plan with extra details. */
    default String explain(ExplainDetail... extraDetails) {
        throw new UnsupportedFeatureException("explain with details on " + getClass().getName());
    }

    /** Prints the plan with extra details to standard output. */
    default void printExplain(ExplainDetail... extraDetails) {
        System.out.println(extraDetails.length == 0 ? explain() : explain(extraDetails));
    }

    /** The qualified name of the sink table. */
    String getSinkIdentifier();

    /** The pipeline's plan, fixed now ({@code COMPILE PLAN ... FOR INSERT ...}). */
    default CompiledPlan compilePlan() {
        throw new UnsupportedFeatureException("compilePlan on " + getClass().getName());
    }
}
