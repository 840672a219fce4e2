package io.sluice.table.api;

import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Waits at most {@code timeout} until the job (if any) has ended, as Flink's {@code TableResult.await(long,
     * TimeUnit)}: its failure comes as an {@link ExecutionException}, a job still running after the timeout as a
     * {@link TimeoutException}.
     */
    default void await(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        Optional<JobClient> job = getJobClient();
        if (job.isPresent()) {
            job.get().getJobExecutionResult().get(timeout, unit);
        }
    }
}
