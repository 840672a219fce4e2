package io.sluice.api.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The result of a finished job: its id, run time and the results of its accumulators. */
public class JobExecutionResult {
    private final JobID jobId;
    private final long netRuntime;
    private final Map<String, Object> accumulatorResults;

    public JobExecutionResult(JobID jobId, long netRuntime) {
        this(jobId, netRuntime, Map.of());
    }

    /** A result with the merged values of the job's accumulators, by name. */
    public JobExecutionResult(JobID jobId, long netRuntime, Map<String, Object> accumulatorResults) {
        this.jobId = jobId;
        this.netRuntime = netRuntime;
        this.accumulatorResults = Collections.unmodifiableMap(new LinkedHashMap<>(accumulatorResults));
    }

    public JobID getJobID() {
        return jobId;
    }

    /** Milliseconds the job ran. */
    public long getNetRuntime() {
        return netRuntime;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntime, TimeUnit.MILLISECONDS);
    }

    /**
     * The result of the accumulator {@code accumulatorName} (the merge of every parallel instance's accumulator of
     * that name), or null when no function added one.
     */
    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String accumulatorName) {
        return (T) accumulatorResults.get(accumulatorName);
    }

    /** The results of all accumulators, by name. */
    public Map<String, Object> getAllAccumulatorResults() {
        return accumulatorResults;
    }

    /** This result (a job executed in attached mode has its result at hand). */
    public JobExecutionResult getJobExecutionResult() {
        return this;
    }

    public boolean isJobExecutionResult() {
        return true;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntime + " ms"
                + (accumulatorResults.isEmpty() ? "" : ", accumulators=" + accumulatorResults) + "}";
    }
}
