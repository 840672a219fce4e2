package io.sluice.api.common;

/** The states of a job. */
public enum JobStatus {
    INITIALIZING, CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING, SUSPENDED,
    RECONCILING;

    /** Whether the job has ended (finished, failed or canceled). */
    public boolean isGloballyTerminalState() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }

    public boolean isTerminalState() {
        return isGloballyTerminalState() || this == SUSPENDED;
    }
}
