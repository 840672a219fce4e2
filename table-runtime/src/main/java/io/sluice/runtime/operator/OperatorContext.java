package io.sluice.runtime.operator;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import org.apache.arrow.memory.BufferAllocator;

/** What an operator may use at run time: its own allocator, the job configuration, its name. */
public final class OperatorContext {
    private final String operatorName;
    private final BufferAllocator allocator;
    private final Configuration config;
    private final int subtaskIndex;
    private final int parallelism;

    public OperatorContext(String operatorName, BufferAllocator allocator, Configuration config) {
        this(operatorName, allocator, config, 0, 1);
    }

    /** A context of parallel instance {@code subtaskIndex} (0-based) of {@code parallelism}. */
    public OperatorContext(String operatorName, BufferAllocator allocator, Configuration config, int subtaskIndex,
            int parallelism) {
        this.operatorName = operatorName;
        this.allocator = allocator;
        this.config = config;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    /** The index of this parallel instance among {@link #parallelism()} (0 when the node runs once). */
    public int subtaskIndex() {
        return subtaskIndex;
    }

    /** How many parallel instances of this node run. */
    public int parallelism() {
        return parallelism;
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
