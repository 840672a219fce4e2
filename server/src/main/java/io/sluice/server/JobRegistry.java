package io.sluice.server;

import io.sluice.runtime.execution.JobExecution;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.internal.JobClientImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The jobs sessions started (queries and INSERTs), shared by the server; stopped when the server shuts down. */
public final class JobRegistry {
    /**
     * A job with the statement that started it, when, and the savepoint directory its session configured
     * ({@code execution.checkpointing.savepoint-dir}, or null).
     */
    public record Entry(JobClient client, String name, long startMillis, String savepointDir) {
        /** The running job behind the client (its metrics, plan, checkpoints and failures). */
        public JobExecution execution() {
            return ((JobClientImpl) client).execution();
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, JobClient> jobs = new ConcurrentHashMap<>();

    void register(JobClient job, String statement, String savepointDir) {
        jobs.put(job.getJobID(), job);
        entries.put(job.getJobID(), new Entry(job, statement, System.currentTimeMillis(), savepointDir));
    }

    public List<JobClient> list() {
        return new ArrayList<>(jobs.values());
    }

    /** Every job with its statement and start time, oldest first. */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort((a, b) -> Long.compare(a.startMillis(), b.startMillis()));
        return list;
    }

    public java.util.Optional<Entry> get(String jobId) {
        return java.util.Optional.ofNullable(entries.get(jobId));
    }

    /**
     * Stops every job that still runs: with a savepoint under {@code savepointDir} when given, else under the
     * savepoint directory the job's session configured, if any (the log says where each one went); otherwise, or
     * when the savepoint fails, by cancelling it. Each outcome goes to {@code report}. Waits up to
     * {@code timeoutSeconds} for each.
     */
    public void stopAll(String savepointDir, long timeoutSeconds, Consumer<String> report) {
        for (Entry entry : entries.values()) {
            JobClient job = entry.client();
            if (job.getJobStatus().isTerminal()) {
                continue;
            }
            String dir = savepointDir != null ? savepointDir : entry.savepointDir();
            try {
                if (dir != null) {
                    String path = job.stopWithSavepoint(false, dir).get(timeoutSeconds, TimeUnit.SECONDS);
                    job.getJobExecutionResult().handle((v, e) -> null).get(timeoutSeconds, TimeUnit.SECONDS);
                    report.accept("stopped job " + job.getJobID() + " with a savepoint at " + path);
                } else {
                    job.cancel().get(timeoutSeconds, TimeUnit.SECONDS);
                    report.accept("cancelled job " + job.getJobID());
                }
            } catch (Exception e) {
                report.accept("stopping job " + job.getJobID() + " with a savepoint failed (" + e.getMessage()
                        + "); cancelling it");
                try {
                    job.cancel().get(timeoutSeconds, TimeUnit.SECONDS);
                } catch (Exception cancelFailure) {
                    report.accept("cancelling job " + job.getJobID() + " failed: " + cancelFailure);
                }
            }
        }
    }
}
