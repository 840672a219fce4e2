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

/**
 * The jobs sessions started (queries and INSERTs), shared by the server; stopped when the server shuts down. A job that
 * has ended stays listed with its final state and metrics (as in Flink's job history) for the REST API and the UI,
 * until it is older than the history's expiration or more than its size of ended jobs are kept (the earliest ended
 * go first); Prometheus reports running jobs only.
 */
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
    /** When each ended job ended (epoch ms). */
    private final Map<String, Long> endTimes = new ConcurrentHashMap<>();
    private final int historySize;
    private final long historyMillis;

    /** A registry that keeps at most {@code historySize} ended jobs, each for at most {@code expiration}. */
    public JobRegistry(int historySize, java.time.Duration expiration) {
        this.historySize = historySize;
        this.historyMillis = expiration.toMillis();
    }

    void register(JobClient job, String statement, String savepointDir) {
        String id = job.getJobID();
        jobs.put(id, job);
        entries.put(id, new Entry(job, statement, System.currentTimeMillis(), savepointDir));
        job.getJobExecutionResult().whenComplete((result, failure) -> {
            if (jobs.containsKey(id)) {
                endTimes.putIfAbsent(id, System.currentTimeMillis());
            }
            evict();
        });
        evict();
    }

    /** When a job ended (epoch ms), or -1 while it runs. */
    public long endMillis(String jobId) {
        Long end = endTimes.get(jobId);
        if (end == null) {
            JobClient job = jobs.get(jobId);
            if (job != null && job.getJobStatus().isTerminal()) { // ended, its completion not yet seen
                return endTimes.computeIfAbsent(jobId, k -> System.currentTimeMillis());
            }
            return -1;
        }
        return end;
    }

    /** Forgets ended jobs older than the expiration, then the earliest ended beyond the history's size. */
    void evict() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, JobClient> job : jobs.entrySet()) { // ended, its completion not yet seen
            if (!endTimes.containsKey(job.getKey()) && job.getValue().getJobStatus().isTerminal()) {
                endTimes.putIfAbsent(job.getKey(), now);
            }
        }
        long limit = now - historyMillis;
        List<Map.Entry<String, Long>> ended = new ArrayList<>(endTimes.entrySet());
        ended.sort(Map.Entry.comparingByValue());
        int keep = ended.size();
        for (Map.Entry<String, Long> e : ended) {
            if (e.getValue() < limit || keep > historySize) {
                forget(e.getKey());
                keep--;
            }
        }
    }

    private void forget(String jobId) {
        endTimes.remove(jobId);
        entries.remove(jobId);
        jobs.remove(jobId);
    }

    public List<JobClient> list() {
        return new ArrayList<>(jobs.values());
    }

    /** Every job with its statement and start time, oldest first. */
    public List<Entry> entries() {
        evict();
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
