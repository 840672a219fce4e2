package io.sluice.api.common;

/** The task a function runs in: its name, parallel index and parallelism. */
public interface TaskInfo {
    String getTaskName();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    int getAttemptNumber();
}
