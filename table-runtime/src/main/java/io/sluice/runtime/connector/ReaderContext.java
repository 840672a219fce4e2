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
}
