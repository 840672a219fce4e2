package io.sluice.core.execution;

import io.sluice.api.common.JobExecutionResult;

/**
 * Hears of the jobs an environment submits ({@code env.registerJobListener(listener)}), on the thread that called
 * {@code execute} or {@code executeAsync}.
 */
public interface JobListener {
    /** The job was submitted ({@code jobClient} set), or its submission failed ({@code throwable} set). */
    void onJobSubmitted(JobClient jobClient, Throwable throwable);

    /**
     * The job that {@code execute} ran ended: {@code jobExecutionResult} when it finished, {@code throwable} when it
     * failed. Not called for {@code executeAsync}.
     */
    void onJobExecuted(JobExecutionResult jobExecutionResult, Throwable throwable);
}
