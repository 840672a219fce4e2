package io.sluice.table.api;

import io.sluice.runtime.execution.JobStatus;
import java.util.concurrent.CompletableFuture;

/** A handle on a running job. */
public interface JobClient {
    String getJobID();

    JobStatus getJobStatus();

    /** Asks the job to stop; completes when it has. */
    CompletableFuture<Void> cancel();

    /**
     * Stops the job after writing a savepoint of its state under {@code savepointDirectory}; completes
     * with the savepoint's path (give it to {@code SET 'execution.savepoint.path'} to resume).
     * With {@code advanceToEndOfEventTime} (Flink's drain, {@code STOP JOB ... WITH SAVEPOINT WITH DRAIN}) the sources
     * stop first and the final watermark flows through the job, so every event-time window and timer fires and its
     * output reaches the sinks before the savepoint is taken.
     */
    CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory);

    /**
     * Writes a savepoint of the job's state under {@code savepointDirectory} while the job keeps running; completes
     * with the savepoint's path (give it to {@code SET 'execution.savepoint.path'} to start a job from it).
     */
    default CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        return CompletableFuture.failedFuture(new UnsupportedFeatureException("savepoints of this job"));
    }

    /** Completes when the job ends, exceptionally if it failed. */
    CompletableFuture<Void> getJobExecutionResult();
}
