package io.sluice.table.api;

import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.Optional;

/** The result of {@link TableEnvironment#executeSql}: rows to collect or print, and the job when there is one. */
public interface TableResult {
    ResultKind getResultKind();

    ResolvedSchema getResolvedSchema();

    /** The job that produces the rows (queries, INSERT), if any. */
    Optional<JobClient> getJobClient();

    /**
     * The rows as they are produced. For a streaming query the iterator blocks for the next change and only ends
     * when the job ends; close it to cancel the job.
     */
    CloseableIterator<Row> collect();

    /** Prints the rows as Flink's tableau: a boxed table (with an {@code op} column in streaming mode). */
    void print();

    /** Waits until the job (if any) has ended; rethrows its failure. */
    void await() throws Exception;
}
