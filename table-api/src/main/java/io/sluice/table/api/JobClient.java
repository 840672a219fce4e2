package io.sluice.table.api;

import io.sluice.runtime.execution.JobStatus;
import java.util.concurrent.CompletableFuture;

/** A handle on a running job. */
public interface JobClient {
    String getJobID();

    JobStatus getJobStatus();

    /** Asks the job to stop; completes when it has. */
    CompletableFuture<Void> cancel();

    /** Completes when the job ends, exceptionally if it failed. */
    CompletableFuture<Void> getJobExecutionResult();
}
