package io.sluice.runtime.execution;

import io.sluice.runtime.metrics.JobMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A submitted job: its id, status, and the means to wait for or cancel it. */
public final class JobExecution {
    private final String jobId;
    private final String jobName;
    private final long startTime = System.currentTimeMillis();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile boolean cancelRequested;
    private volatile SavepointRequest savepointRequest;
    private volatile boolean stoppedWithSavepoint;
    private volatile Throwable failure;
    private volatile int restarts;
    private volatile Throwable lastRestartCause;
    private volatile int completedCheckpoints;
    private volatile java.nio.file.Path lastCheckpoint;
    private final JobMetrics metrics;

    /** The jobs of this process that have not ended, by id. */
    private static final java.util.Map<String, JobExecution> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

    JobExecution(String jobId, String jobName) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.metrics = new JobMetrics(jobId);
        RUNNING.put(jobId, this);
    }

    /** The job of this process with id {@code jobId} if it has not ended. */
    public static java.util.Optional<JobExecution> running(String jobId) {
        return java.util.Optional.ofNullable(RUNNING.get(jobId));
    }

    /** The job's metrics: its plan, per-operator-instance counts, checkpoint statistics and exception history. */
    public JobMetrics metrics() {
        return metrics;
    }

    /** The operator named by an executor's failure, or null. */
    static String failedOperator(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JobRun.OperatorFailureException) {
                return ((JobRun.OperatorFailureException) c).operator();
            }
        }
        return null;
    }

    public String jobId() {
        return jobId;
    }

    public String jobName() {
        return jobName;
    }

    public long startTime() {
        return startTime;
    }

    public JobStatus status() {
        return status;
    }

    /** The error that failed the job, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Asks the job to stop; it ends in {@link JobStatus#CANCELED} unless it already ended. */
    public void cancel() {
        cancelRequested = true;
    }

    /** How many times the job restarted after a failure. */
    public int restarts() {
        return restarts;
    }

    /** The failure that caused the latest restart, or null. */
    public Throwable lastRestartCause() {
        return lastRestartCause;
    }

    /** Checkpoints completed so far (over all restarts). */
    public int completedCheckpoints() {
        return completedCheckpoints;
    }

    /** The directory of the newest completed checkpoint, or null. */
    public java.nio.file.Path lastCheckpoint() {
        return lastCheckpoint;
    }

    void recordRestart(Throwable cause) {
        metrics.recordException(cause, failedOperator(cause));
        lastRestartCause = cause;
        restarts++;
    }

    void recordCheckpoint(java.nio.file.Path path) {
        lastCheckpoint = path;
        completedCheckpoints++;
    }

    /**
     * Stops the job with a savepoint: between two source polls the job writes a checkpoint of its
     * whole state under {@code savepointDirectory}, publishes what its sinks prepared, and ends
     * ({@link JobStatus#FINISHED}). Completes with the savepoint's path, to be given to
     * {@code execution.savepoint.path}; fails if the job cannot checkpoint (or is not running).
     */
    public CompletableFuture<String> stopWithSavepoint(java.nio.file.Path savepointDirectory) {
        return requestSavepoint(savepointDirectory, false, false);
    }

    /**
     * Stops the job with a savepoint, draining it first when {@code drain} (Flink's
     * {@code stopWithSavepoint(advanceToEndOfEventTime = true, ...)}, the shell's {@code STOP JOB ... WITH DRAIN}): the
     * sources stop reading as if their input ended, so the final watermark ({@link Long#MAX_VALUE}) flows through the
     * job and every event-time window and timer fires and reaches the sinks; then the savepoint is written (with the
     * sources' positions where they stopped) and the job ends ({@link JobStatus#FINISHED}). Without {@code drain}, as
     * {@link #stopWithSavepoint(java.nio.file.Path)}.
     */
    public CompletableFuture<String> stopWithSavepoint(java.nio.file.Path savepointDirectory, boolean drain) {
        return requestSavepoint(savepointDirectory, false, drain);
    }

    /**
     * Takes a savepoint without stopping the job (Flink's trigger-savepoint): between two source polls the job
     * writes a checkpoint of its whole state under {@code savepointDirectory}, its sinks publish what they prepared,
     * and the job goes on. Completes with the savepoint's path; fails if the job cannot checkpoint or ends first.
     */
    public CompletableFuture<String> triggerSavepoint(java.nio.file.Path savepointDirectory) {
        return requestSavepoint(savepointDirectory, true, false);
    }

    private CompletableFuture<String> requestSavepoint(java.nio.file.Path savepointDirectory, boolean keepRunning,
            boolean drain) {
        CompletableFuture<String> result = new CompletableFuture<>();
        if (done.isDone()) {
            result.completeExceptionally(new io.sluice.table.api.TableException("Job " + jobId + " is not running ("
                    + status + ")."));
            return result;
        }
        if (savepointRequest != null) {
            result.completeExceptionally(new io.sluice.table.api.TableException("Job " + jobId
                    + " already has a savepoint pending."));
            return result;
        }
        savepointRequest = new SavepointRequest(savepointDirectory, result, keepRunning, drain);
        done.whenComplete((v, t) -> {
            if (!result.isDone()) {
                result.completeExceptionally(new io.sluice.table.api.TableException("Job " + jobId
                        + " ended before the savepoint was taken" + (t == null ? "." : ": " + t.getMessage()), t));
            }
        });
        return result;
    }

    /** A pending stop-with-savepoint request, or null. */
    SavepointRequest takeSavepointRequest() {
        SavepointRequest r = savepointRequest;
        savepointRequest = null;
        return r;
    }

    /**
     * Where to write a savepoint, who waits for it, whether the job goes on afterwards, and whether the job is drained
     * (its sources end and the final watermark flows through it) before the savepoint is taken.
     */
    record SavepointRequest(java.nio.file.Path directory, CompletableFuture<String> result, boolean keepRunning,
            boolean drain) {
    }

    boolean isCancelRequested() {
        return cancelRequested;
    }

    /** The job stopped after a savepoint: it ends as FINISHED, not CANCELED. */
    void markStoppedWithSavepoint() {
        stoppedWithSavepoint = true;
        cancelRequested = true;
    }

    boolean isStoppedWithSavepoint() {
        return stoppedWithSavepoint;
    }

    void setStatus(JobStatus s) {
        status = s;
    }

    /** Ends the job; completes {@link #terminationFuture()} even when recording the failure fails. */
    void finish(JobStatus s, Throwable error) {
        if (error != null) {
            try {
                metrics.recordException(error, failedOperator(error));
            } catch (Throwable t) {
                error.addSuppressed(t); // the callers waiting for the end must still get it
            }
        }
        failure = error;
        status = s;
        RUNNING.remove(jobId);
        if (error != null) {
            done.completeExceptionally(error);
        } else {
            done.complete(null);
        }
    }

    /** Completes when the job ends; exceptionally with the job's failure. */
    public CompletableFuture<Void> terminationFuture() {
        return done;
    }

    /** Waits until the job ends and rethrows its failure. */
    public void await() throws Exception {
        try {
            done.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception) {
                throw (Exception) c;
            }
            throw e;
        }
    }

    /** Waits at most the given time; true if the job ended. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            done.get(timeout, unit);
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
        return true;
    }
}
