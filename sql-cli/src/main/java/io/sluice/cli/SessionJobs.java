package io.sluice.cli;

import io.sluice.runtime.execution.JobStatus;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.ValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * The jobs started in this shell session (queries and INSERTs), for {@code SHOW JOBS} and
 * {@code STOP JOB 'id'}. A job that fails after its statement returned (a background INSERT) is reported to the
 * failure listener, so its error is visible at the prompt. Thread-safe.
 */
final class SessionJobs {
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    /** One started job. */
    static final class Entry {
        final JobClient client;
        final String name;
        final Instant startTime;
        volatile Throwable failure;

        Entry(JobClient client, String name, Instant startTime) {
            this.client = client;
            this.name = name;
            this.startTime = startTime;
        }
    }

    private final Map<String, Entry> jobs = new LinkedHashMap<>();
    private volatile BiConsumer<Entry, Throwable> failureListener = (e, t) -> { };

    /** Sets who hears of jobs that fail (called from a job thread). */
    void onFailure(BiConsumer<Entry, Throwable> listener) {
        this.failureListener = listener;
    }

    /** Records a job started by {@code statement}. */
    void started(JobClient client, String statement) {
        Entry entry = new Entry(client, jobName(statement), Instant.now());
        synchronized (this) {
            jobs.put(client.getJobID(), entry);
        }
        client.getJobExecutionResult().whenComplete((v, error) -> {
            if (error != null && client.getJobStatus() == JobStatus.FAILED) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                entry.failure = cause;
                failureListener.accept(entry, cause);
            }
        });
    }

    /** Rows of {@code SHOW JOBS}: job id, job name, status, start time (local time), oldest first. */
    synchronized List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Entry> e : jobs.entrySet()) {
            Entry job = e.getValue();
            rows.add(new String[] {e.getKey(), job.name, job.client.getJobStatus().name(),
                    START_TIME.format(LocalDateTime.ofInstant(job.startTime, ZoneId.systemDefault()))});
        }
        return rows;
    }

    /**
     * Cancels a job of this session and waits (a few seconds at most) until it has stopped.
     *
     * @throws ValidationException when no job of this session has that id
     */
    void stop(String jobId) {
        Entry job;
        synchronized (this) {
            job = jobs.get(jobId);
        }
        if (job == null) {
            throw new ValidationException("Could not find a job with id '" + jobId
                    + "' in this session (SHOW JOBS lists them).");
        }
        if (job.client.getJobStatus().isTerminal()) {
            throw new ValidationException("Job '" + jobId + "' has already ended ("
                    + job.client.getJobStatus() + ").");
        }
        try {
            job.client.cancel().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the job keeps stopping in the background; SHOW JOBS shows when it has
        }
    }

    /**
     * Stops a job of this session after it wrote a savepoint under {@code directory}; returns the
     * savepoint's path (for {@code SET 'execution.savepoint.path'}).
     *
     * @throws ValidationException when no job of this session has that id or it has ended
     */
    String stopWithSavepoint(String jobId, String directory, boolean drain) throws Exception {
        Entry job;
        synchronized (this) {
            job = jobs.get(jobId);
        }
        if (job == null) {
            throw new ValidationException("Could not find a job with id '" + jobId
                    + "' in this session (SHOW JOBS lists them).");
        }
        if (job.client.getJobStatus().isTerminal()) {
            throw new ValidationException("Job '" + jobId + "' has already ended ("
                    + job.client.getJobStatus() + ").");
        }
        try {
            return job.client.stopWithSavepoint(drain, directory).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** Cancels every job still running (when the shell ends). */
    void stopAll() {
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(jobs.values());
        }
        for (Entry job : all) {
            if (!job.client.getJobStatus().isTerminal()) {
                job.client.cancel();
            }
        }
    }

    /** The statement on one line, shortened: the name SHOW JOBS shows. */
    static String jobName(String statement) {
        String oneLine = statement.strip().replaceAll("\\s+", " ");
        if (oneLine.endsWith(";")) {
            oneLine = oneLine.substring(0, oneLine.length() - 1).stripTrailing();
        }
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
