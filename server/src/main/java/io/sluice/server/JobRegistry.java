package io.sluice.server;

import io.sluice.table.api.JobClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The jobs sessions started (queries and INSERTs), shared by the server; stopped when the server shuts down. */
public final class JobRegistry {
    private static final System.Logger LOG = System.getLogger(JobRegistry.class.getName());

    private final Map<String, JobClient> jobs = new ConcurrentHashMap<>();

    void register(JobClient job) {
        jobs.put(job.getJobID(), job);
    }

    public List<JobClient> list() {
        return new ArrayList<>(jobs.values());
    }

    /**
     * Stops every job that still runs: with a savepoint under {@code savepointDir} when given (the log says where
     * each one went), else by cancelling it. Waits up to {@code timeoutSeconds} for each.
     */
    public void stopAll(String savepointDir, long timeoutSeconds) {
        for (JobClient job : jobs.values()) {
            if (job.getJobStatus().isTerminal()) {
                continue;
            }
            try {
                if (savepointDir != null) {
                    String path = job.stopWithSavepoint(false, savepointDir).get(timeoutSeconds, TimeUnit.SECONDS);
                    LOG.log(System.Logger.Level.INFO, "stopped job " + job.getJobID() + " with a savepoint at " + path);
                } else {
                    job.cancel().get(timeoutSeconds, TimeUnit.SECONDS);
                    LOG.log(System.Logger.Level.INFO, "cancelled job " + job.getJobID());
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "stopping job " + job.getJobID() + " failed: " + e);
                job.cancel();
            }
        }
    }
}
