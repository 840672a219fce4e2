package io.sluice.runtime.execution;

/** Life cycle of a job, with Flink's names. */
public enum JobStatus {
    CREATED,
    RUNNING,
    FINISHED,
    CANCELED,
    FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }
}
