package io.sluice.api.common;

/** The task a function runs in: its name, parallel index and parallelism. */
public interface TaskInfo {
    String getTaskName();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    int getAttemptNumber();

    /**
     * The task's name with the instance's position and attempt, such as {@code "MyTask (3/6)#1"}: index + 1, the
     * parallelism, the attempt number.
     */
    default String getTaskNameWithSubtasks() {
        return getTaskName() + " (" + (getIndexOfThisSubtask() + 1) + "/" + getNumberOfParallelSubtasks() + ")#"
                + getAttemptNumber();
    }

    /** Not supported yet: Sluice runs every instance in one process and has no slot allocations. */
    default String getAllocationIDAsString() {
        throw new UnsupportedOperationException("not supported yet: TaskInfo.getAllocationIDAsString (no slot"
                + " allocations)");
    }
}
