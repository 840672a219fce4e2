package io.sluice.core.execution;

import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import java.util.concurrent.CompletableFuture;

/** A handle on a job started with {@code executeAsync}. */
public interface JobClient {
    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    /** Cancels the job; completes when the request was made. */
    CompletableFuture<Void> cancel();

    /** Stops the job with a savepoint written under {@code savepointDirectory}; completes with its path. */
    CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory,
            SavepointFormatType formatType);

    /**
     * Takes a savepoint under {@code savepointDirectory} while the job goes on; completes with its path, or
     * exceptionally when it cannot be taken or written (functions implementing {@code CheckpointListener} then hear
     * {@code notifyCheckpointAborted}).
     */
    CompletableFuture<String> triggerSavepoint(String savepointDirectory, SavepointFormatType formatType);

    /** Completes when the job ends, exceptionally if it failed. */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
