package io.sluice.table.api.internal;

import io.sluice.runtime.execution.JobExecution;
import io.sluice.runtime.execution.JobStatus;
import io.sluice.table.api.JobClient;
import java.util.concurrent.CompletableFuture;

/** {@link JobClient} over a locally running {@link JobExecution}. */
public final class JobClientImpl implements JobClient {
    private final JobExecution job;

    JobClientImpl(JobExecution job) {
        this.job = job;
    }

    /** The running job itself: restarts, checkpoints, failure (for tools and tests). */
    public JobExecution execution() {
        return job;
    }

    @Override
    public String getJobID() {
        return job.jobId();
    }

    @Override
    public JobStatus getJobStatus() {
        return job.status();
    }

    @Override
    public CompletableFuture<Void> cancel() {
        job.cancel();
        return job.terminationFuture().handle((v, e) -> null);
    }

    @Override
    public CompletableFuture<Void> getJobExecutionResult() {
        return job.terminationFuture();
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
        if (savepointDirectory == null || savepointDirectory.isBlank()) {
            return CompletableFuture.failedFuture(new io.sluice.table.api.ValidationException("No savepoint directory:"
                    + " SET 'execution.checkpointing.savepoint-dir' = '...' or give one."));
        }
        return job.stopWithSavepoint(java.nio.file.Path.of(savepointDirectory), advanceToEndOfEventTime);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        if (savepointDirectory == null || savepointDirectory.isBlank()) {
            return CompletableFuture.failedFuture(new io.sluice.table.api.ValidationException("No savepoint directory:"
                    + " SET 'execution.checkpointing.savepoint-dir' = '...' or give one."));
        }
        return job.triggerSavepoint(java.nio.file.Path.of(savepointDirectory));
    }
}
