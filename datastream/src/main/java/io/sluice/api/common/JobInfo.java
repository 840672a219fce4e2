package io.sluice.api.common;

/** What a job is: its id and name. */
public interface JobInfo {
    /** The id of the job. */
    JobID getJobId();

    /** The name the job was executed with. */
    String getJobName();
}
