package io.sluice.datastream.runtime;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobInfo;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.execution.LocalExecutor;
import java.util.UUID;

/**
 * The id and name of a running job, as its functions see them ({@code RuntimeContext.getJobInfo()}, a sink's
 * {@code InitContext.getJobInfo()}). The environment writes both into the job's configuration before submitting it;
 * the executor runs the job under that id, so a {@code JobClient} and the functions name the same job.
 */
public final class RunningJobInfo implements JobInfo {
    /** The configuration key of the job's name. */
    static final String JOB_NAME = "sluice.internal.datastream.job-name";

    private final Configuration config;

    private RunningJobInfo(Configuration config) {
        this.config = config;
    }

    /** Gives the job to be submitted with {@code config} a new id (32 hex digits, as Flink's) and its name. */
    public static void configure(Configuration config, String jobName) {
        config.setString(LocalExecutor.JOB_ID, UUID.randomUUID().toString().replace("-", ""));
        config.setString(JOB_NAME, jobName);
    }

    /**
     * The job configured by {@code config}. Its getters fail for a job not submitted by a
     * {@code StreamExecutionEnvironment} (a table pipeline that runs DataStream operators).
     */
    public static JobInfo of(Configuration config) {
        return new RunningJobInfo(config);
    }

    @Override
    public JobID getJobId() {
        String id = config.getString(LocalExecutor.JOB_ID);
        if (id == null) {
            throw new UnsupportedOperationException("not supported yet: the JobInfo of a job not executed by a"
                    + " StreamExecutionEnvironment");
        }
        return new JobID(id);
    }

    @Override
    public String getJobName() {
        getJobId();
        return config.getString(JOB_NAME);
    }

    @Override
    public String toString() {
        return getJobName() + " (" + getJobId() + ")";
    }
}
