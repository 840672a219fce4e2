package io.sluice.table.api;

/** A query or table that can be executed, explained or used in further SQL as a view. */
public interface Table {
    ResolvedSchema getResolvedSchema();

    /** Runs the query and returns its result. */
    TableResult execute();

    /** The query's plan as {@code EXPLAIN} prints it. */
    String explain();

    /** Writes this table into the named sink table ({@code INSERT INTO}); returns at once with the job. */
    TableResult executeInsert(String tablePath);

    void printSchema();
}
