package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.table.api.TableException;

/**
 * The mini-batch options of a streaming group aggregate ({@code table.exec.mini-batch.enabled},
 * {@code .allow-latency}, {@code .size}): a mini-batch is processed once it holds {@link #size()} rows or its
 * oldest row has waited {@link #allowLatencyMillis()} (processing time). As in Flink, both must be positive
 * when mini-batch is enabled.
 */
public final class MiniBatchSettings {
    private final long allowLatencyMillis;
    private final long size;

    /** Both values must be positive. */
    public MiniBatchSettings(long allowLatencyMillis, long size) {
        if (allowLatencyMillis <= 0) {
            throw new TableException("MiniBatch Latency must be greater than 0 ms.");
        }
        if (size <= 0) {
            throw new TableException("Key: '" + ExecutionOptions.MINI_BATCH_SIZE.key()
                    + "' , default: -1 (fallback keys: []) must be > 0.");
        }
        this.allowLatencyMillis = allowLatencyMillis;
        this.size = size;
    }

    /**
     * The settings {@code config} asks for, or null when mini-batch is disabled.
     *
     * @throws TableException with Flink's message when mini-batch is enabled without a positive latency or size
     */
    public static MiniBatchSettings from(Configuration config) {
        if (!config.get(ExecutionOptions.MINI_BATCH_ENABLED)) {
            return null;
        }
        return new MiniBatchSettings(config.get(ExecutionOptions.MINI_BATCH_ALLOW_LATENCY).toMillis(),
                config.get(ExecutionOptions.MINI_BATCH_SIZE));
    }

    /** The longest time, in milliseconds, a buffered row waits before its mini-batch is processed. */
    public long allowLatencyMillis() {
        return allowLatencyMillis;
    }

    /** The number of rows after which a mini-batch is processed. */
    public long size() {
        return size;
    }

    /** The EXPLAIN attribute, in Flink's MiniBatchAssigner wording: {@code interval=[1000ms], mode=[ProcTime], size=[5]}. */
    public String explain() {
        return "interval=[" + allowLatencyMillis + "ms], mode=[ProcTime], size=[" + size + "]";
    }

    @Override
    public String toString() {
        return explain();
    }
}
