package io.sluice.datastream.runtime;

import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.accumulators.Accumulator;
import java.util.LinkedHashMap;
import java.util.Map;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.state.keyed.KeyedStateBackend;

/** What the operators of one chain instance share: the task's context, its keyed state, its output batches. */
public final class ChainContext implements TaskInfo {
    private final OperatorContext operatorContext;
    private final String taskName;
    private final KeyedStateBackend<Object> keyedState;
    final BatchBuilder batches;
    private final int attempt;
    /** The accumulators the functions of this chain instance added, by name (Flink's scope: the task). */
    private final Map<String, Accumulator<?, ?>> accumulators = new LinkedHashMap<>();

    ChainContext(OperatorContext operatorContext, String taskName, KeyedStateBackend<Object> keyedState,
            BatchBuilder batches, int attempt) {
        this.operatorContext = operatorContext;
        this.taskName = taskName;
        this.keyedState = keyedState;
        this.batches = batches;
        this.attempt = attempt;
        JobAccumulators job = operatorContext == null ? null : JobAccumulators.of(operatorContext.config());
        if (job != null) {
            job.put(operatorContext.operatorName() + "#" + operatorContext.subtaskIndex(), accumulators);
        }
    }

    /** Adds an accumulator of this chain instance; a name may be added once. */
    void addAccumulator(String name, Accumulator<?, ?> accumulator) {
        synchronized (accumulators) {
            if (accumulators.containsKey(name)) {
                throw new UnsupportedOperationException("The accumulator '" + name
                        + "' already exists and cannot be added.");
            }
            accumulators.put(name, accumulator);
        }
    }

    /** The accumulator of this chain instance named {@code name}, or null. */
    Accumulator<?, ?> accumulator(String name) {
        synchronized (accumulators) {
            return accumulators.get(name);
        }
    }

    /** The job this chain instance runs in: its id and name. */
    public io.sluice.api.common.JobInfo jobInfo() {
        return RunningJobInfo.of(config());
    }

    public Configuration config() {
        return operatorContext.config();
    }

    public RuntimeMode runtimeMode() {
        return operatorContext.runtimeMode();
    }

    /** The metrics of this chain instance (its user metric group holds what functions register). */
    public io.sluice.runtime.metrics.OperatorMetrics metrics() {
        return operatorContext.metrics();
    }

    /** The keyed state of this instance; null when the chain does not start with a keyed operator. */
    public KeyedStateBackend<Object> keyedState() {
        return keyedState;
    }

    /** The wall clock of processing time. */
    public long currentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public String getTaskName() {
        return taskName;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return operatorContext.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return operatorContext.parallelism();
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return config().get(io.sluice.runtime.state.keyed.StateOptions.MAX_PARALLELISM);
    }

    @Override
    public int getAttemptNumber() {
        return attempt;
    }
}
