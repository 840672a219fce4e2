package io.sluice.runtime.connector;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.types.RowType;
import org.apache.arrow.memory.BufferAllocator;

/** Run-time context of one {@link SinkWriter}. */
public final class WriterContext {
    private final RowType consumedType;
    private final BufferAllocator allocator;
    private final Configuration config;
    private final int subtaskIndex;
    private final int parallelism;

    public WriterContext(RowType consumedType, BufferAllocator allocator, Configuration config, int subtaskIndex,
            int parallelism) {
        this.consumedType = consumedType;
        this.allocator = allocator;
        this.config = config;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    public RowType consumedType() {
        return consumedType;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public Configuration config() {
        return config;
    }

    public int subtaskIndex() {
        return subtaskIndex;
    }

    public int parallelism() {
        return parallelism;
    }
}
