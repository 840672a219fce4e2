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

    /**
     * The id of the slot the instance runs in, as 32 hex digits. Sluice runs the instances of a job in one process
     * and instance {@code i} of every task in slot {@code i} (as Flink's default slot sharing does); a slot's id is
     * the same for the jobs run by one process.
     */
    default String getAllocationIDAsString() {
        return io.sluice.datastream.runtime.Slots.allocationId(getIndexOfThisSubtask());
    }
}
