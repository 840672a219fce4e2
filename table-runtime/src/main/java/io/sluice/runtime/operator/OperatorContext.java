package io.sluice.runtime.operator;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.metrics.OperatorMetrics;
import org.apache.arrow.memory.BufferAllocator;

/** What an operator may use at run time: its own allocator, the job configuration, its name, its metrics. */
public final class OperatorContext {
    private final String operatorName;
    private final BufferAllocator allocator;
    private final Configuration config;
    private final OperatorMetrics metrics;
    private final int subtaskIndex;
    private final int parallelism;
    private java.util.function.Function<String, Output> sideOutputs = tag -> null;

    public OperatorContext(String operatorName, BufferAllocator allocator, Configuration config) {
        this(operatorName, allocator, config, OperatorMetrics.detached(operatorName));
    }

    /** A context whose operator counts into the metrics of its instance in a running job. */
    public OperatorContext(String operatorName, BufferAllocator allocator, Configuration config,
            OperatorMetrics metrics) {
        this(operatorName, allocator, config, metrics, 0, 1);
    }

    /** A context of parallel instance {@code subtaskIndex} (0-based) of {@code parallelism}. */
    public OperatorContext(String operatorName, BufferAllocator allocator, Configuration config,
            OperatorMetrics metrics, int subtaskIndex, int parallelism) {
        this.operatorName = operatorName;
        this.allocator = allocator;
        this.config = config;
        this.metrics = metrics;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    /**
     * The metrics of this operator instance. Executors count records, bytes, time and watermarks themselves;
     * operators add what only they know, such as {@link OperatorMetrics#lateRecordsDropped late rows dropped}.
     */
    public OperatorMetrics metrics() {
        return metrics;
    }

    /** The index of this parallel instance among {@link #parallelism()} (0 when the node runs once). */
    public int subtaskIndex() {
        return subtaskIndex;
    }

    /** How many parallel instances of this node run. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Sets where the operator's side outputs go: {@code sideOutputs} maps a side output's tag to its
     * {@link Output}, or to null when nothing consumes it. Executors call this before {@code open}; returns this.
     */
    public OperatorContext withSideOutputs(java.util.function.Function<String, Output> sideOutputs) {
        this.sideOutputs = sideOutputs;
        return this;
    }

    /**
     * The output for the side output tagged {@code tag} (such as
     * {@link io.sluice.runtime.operator.late.LateRows#SIDE_OUTPUT late rows}), or null when no node of the job
     * consumes it: an operator then does what it does without that consumer (drops late rows). Only batches go to
     * a side output; watermarks, barriers and the end of input reach its consumers from the operator's main
     * output.
     */
    public Output sideOutput(String tag) {
        return sideOutputs.apply(tag);
    }

    public String operatorName() {
        return operatorName;
    }

    /** A child allocator of the job's root allocator owned by this operator instance. */
    public BufferAllocator allocator() {
        return allocator;
    }

    public Configuration config() {
        return config;
    }

    public int batchSize() {
        return config.get(ExecutionOptions.BATCH_SIZE);
    }

    public RuntimeMode runtimeMode() {
        return config.get(ExecutionOptions.RUNTIME_MODE);
    }
}
