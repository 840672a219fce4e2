package io.sluice.runtime.connector;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.types.RowType;
import org.apache.arrow.memory.BufferAllocator;

/** Run-time context of one {@link SourceReader}. */
public final class ReaderContext {
    private final int[] projectedFields;
    private final RowType producedType;
    private final BufferAllocator allocator;
    private final Configuration config;
    private final int subtaskIndex;
    private final int parallelism;
    private java.util.function.Function<String, io.sluice.runtime.operator.Output> sideOutputs = tag -> null;
    private io.sluice.runtime.metrics.OperatorMetrics metrics;

    public ReaderContext(int[] projectedFields, RowType producedType, BufferAllocator allocator,
            Configuration config, int subtaskIndex, int parallelism) {
        this.projectedFields = projectedFields;
        this.producedType = producedType;
        this.allocator = allocator;
        this.config = config;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    /** Indexes into the table's physical row type of the columns to produce, in output order. */
    public int[] projectedFields() {
        return projectedFields;
    }

    /** The row type of the batches the reader emits (the projected physical columns). */
    public RowType producedType() {
        return producedType;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public Configuration config() {
        return config;
    }

    public int batchSize() {
        return config.get(io.sluice.runtime.config.ExecutionOptions.BATCH_SIZE);
    }

    public int subtaskIndex() {
        return subtaskIndex;
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Sets where the reader's side outputs go ({@code sideOutputs} maps a tag to its output, or to null when nothing
     * consumes it) and the metrics of the reader's instance. Executors call this before creating the reader; returns
     * this.
     */
    public ReaderContext withSideOutputs(java.util.function.Function<String, io.sluice.runtime.operator.Output>
            sideOutputs, io.sluice.runtime.metrics.OperatorMetrics metrics) {
        this.sideOutputs = sideOutputs;
        this.metrics = metrics;
        return this;
    }

    /**
     * The output for the side output tagged {@code tag} (such as {@link BadRecords#SIDE_OUTPUT bad records}), or
     * null when no node of the job consumes it. Only batches go to a side output.
     */
    public io.sluice.runtime.operator.Output sideOutput(String tag) {
        return sideOutputs.apply(tag);
    }

    /** The metrics of the reader's instance in a running job (detached metrics outside an executor). */
    public io.sluice.runtime.metrics.OperatorMetrics metrics() {
        if (metrics == null) {
            metrics = io.sluice.runtime.metrics.OperatorMetrics.detached("source");
        }
        return metrics;
    }
}
