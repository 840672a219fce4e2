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

    public OperatorContext(String operatorName, BufferAllocator allocator, Configuration config) {
        this(operatorName, allocator, config, OperatorMetrics.detached(operatorName));
    }

    /** A context whose operator counts into the metrics of its instance in a running job. */
    public OperatorContext(String operatorName, BufferAllocator allocator, Configuration config,
            OperatorMetrics metrics) {
        this.operatorName = operatorName;
        this.allocator = allocator;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * The metrics of this operator instance. Executors count records, bytes, time and watermarks themselves;
     * operators add what only they know, such as {@link OperatorMetrics#lateRecordsDropped late rows dropped}.
     */
    public OperatorMetrics metrics() {
        return metrics;
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
