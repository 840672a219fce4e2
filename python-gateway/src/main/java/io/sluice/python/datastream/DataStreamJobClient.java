package io.sluice.python.datastream;

import io.sluice.core.execution.JobClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The job of {@code execute_async} in the Python DataStream API, with answers the Python side can take as they are
 * (strings and numbers rather than futures).
 */
public final class DataStreamJobClient {
    private final JobClient client;
    private final io.sluice.runtime.execution.JobExecution execution;

    public DataStreamJobClient(JobClient client) {
        this.client = client;
        this.execution = io.sluice.runtime.execution.JobExecution.running(client.getJobID().toString())
                .orElse(null);
    }

    /** The job itself (for its metrics), or null when it ended before this client looked it up. */
    public io.sluice.runtime.execution.JobExecution execution() {
        return execution;
    }

    public String getJobID() {
        return client.getJobID().toString();
    }

    /** The job's status name ({@code RUNNING}, {@code FINISHED}, ...). */
    public String getJobStatus() throws Exception {
        return client.getJobStatus().get().name();
    }

    public void cancel() throws Exception {
        client.cancel().get();
    }

    /**
     * Stops the job after it wrote a savepoint of its state under {@code savepointDirectory}; answers the savepoint's
     * path (for {@code execution.savepoint.path}).
     */
    public String stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) throws Exception {
        return answer(client.stopWithSavepoint(advanceToEndOfEventTime, savepointDirectory,
                io.sluice.core.execution.SavepointFormatType.DEFAULT));
    }

    /** Writes a savepoint of the job's state under {@code savepointDirectory} while it keeps running; its path. */
    public String triggerSavepoint(String savepointDirectory) throws Exception {
        if (execution == null) {
            throw new IllegalStateException("Job " + getJobID() + " is not running: it has no savepoint to take.");
        }
        return answer(execution.triggerSavepoint(java.nio.file.Path.of(savepointDirectory)));
    }

    private static String answer(java.util.concurrent.CompletableFuture<String> path) throws Exception {
        try {
            return path.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** Whether the job has ended (finished, failed or cancelled). */
    public boolean isDone() {
        return client.getJobExecutionResult().isDone();
    }

    /**
     * Waits for the job's end (at most {@code timeoutMs}, negative: no limit) and answers its net run time in
     * milliseconds; rethrows its failure, and fails for a cancelled job. {@code marker}, when not null, is printed
     * on stdout afterwards (the Python side then knows it has everything print sinks wrote).
     */
    public long await(long timeoutMs, String marker) throws Exception {
        try {
            io.sluice.api.common.JobExecutionResult r = timeoutMs < 0 ? client.getJobExecutionResult().get()
                    : client.getJobExecutionResult().get(timeoutMs, TimeUnit.MILLISECONDS);
            if ("CANCELED".equals(client.getJobStatus().get().name())) {
                throw new java.util.concurrent.CancellationException("Job " + getJobID() + " was cancelled.");
            }
            return r.getNetRuntime();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the job did not end within " + timeoutMs + " ms");
        } finally {
            if (marker != null && client.getJobExecutionResult().isDone()) {
                System.out.println(marker);
                System.out.flush();
            }
        }
    }
}
