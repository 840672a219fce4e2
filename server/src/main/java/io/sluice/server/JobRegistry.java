package io.sluice.server;

import io.sluice.table.api.JobClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The jobs sessions started (queries and INSERTs), shared by the server; stopped when the server shuts down. */
public final class JobRegistry {
    private final Map<String, JobClient> jobs = new ConcurrentHashMap<>();

    void register(JobClient job) {
        jobs.put(job.getJobID(), job);
    }

    public List<JobClient> list() {
        return new ArrayList<>(jobs.values());
    }

    /**
     * Stops every job that still runs: with a savepoint under {@code savepointDir} when given (the log says where
     * each one went), else by cancelling it; each outcome goes to {@code report}. Waits up to {@code timeoutSeconds} for each.
     */
    public void stopAll(String savepointDir, long timeoutSeconds, Consumer<String> report) {
        for (JobClient job : jobs.values()) {
            if (job.getJobStatus().isTerminal()) {
                continue;
            }
            try {
                if (savepointDir != null) {
                    String path = job.stopWithSavepoint(false, savepointDir).get(timeoutSeconds, TimeUnit.SECONDS);
                    report.accept("stopped job " + job.getJobID() + " with a savepoint at " + path);
                } else {
                    job.cancel().get(timeoutSeconds, TimeUnit.SECONDS);
                    report.accept("cancelled job " + job.getJobID());
                }
            } catch (Exception e) {
                report.accept("stopping job " + job.getJobID() + " with a savepoint failed (" + e.getMessage()
                        + "); cancelling it");
                job.cancel();
            }
        }
    }
}
