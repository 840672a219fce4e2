package io.sluice.api.common;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The result of a finished job: its id and run time. */
public class JobExecutionResult {
    private final JobID jobId;
    private final long netRuntime;

    public JobExecutionResult(JobID jobId, long netRuntime) {
        this.jobId = jobId;
        this.netRuntime = netRuntime;
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

    /** Accumulators are not supported yet; always empty. */
    public Map<String, Object> getAllAccumulatorResults() {
        return Map.of();
    }

    public boolean isJobExecutionResult() {
        return true;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntime + " ms}";
    }
}
