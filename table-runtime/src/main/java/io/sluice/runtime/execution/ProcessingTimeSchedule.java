package io.sluice.runtime.execution;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;

/**
 * When a task thread calls {@link io.sluice.runtime.operator.StreamOperator#onProcessingTime} on its
 * operators: at most once per period, the period being {@code min(50 ms, table.exec.mini-batch.allow-latency)}
 * (at least 1 ms). 50 ms keeps the cost negligible (a clock read per poll, a call per interested operator
 * and period) while a processing-time interval join or a mini-batch of a second or more ends late by at
 * most about 5 %; a shorter mini-batch latency shortens the period so that a mini-batch never waits more
 * than about twice its latency. Only streaming jobs have processing-time callbacks: a batch job's result
 * does not depend on when rows arrive. Not thread-safe: one instance per task thread.
 */
final class ProcessingTimeSchedule {
    /** The longest period between two callbacks, in milliseconds. */
    static final long MAX_PERIOD_MILLIS = 50;

    private final long periodMillis;
    private long next;

    ProcessingTimeSchedule(Configuration config) {
        this.periodMillis = periodMillis(config);
    }

    /** The period between two callbacks for jobs run with {@code config}. */
    static long periodMillis(Configuration config) {
        long period = MAX_PERIOD_MILLIS;
        if (config.get(ExecutionOptions.MINI_BATCH_ENABLED)) {
            long latency = config.get(ExecutionOptions.MINI_BATCH_ALLOW_LATENCY).toMillis();
            if (latency > 0) {
                period = Math.min(period, latency);
            }
        }
        return Math.max(1, period);
    }

    /** Whether jobs run with {@code config} get processing-time callbacks at all (streaming mode only). */
    static boolean enabled(Configuration config) {
        return config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
    }

    long periodMillis() {
        return periodMillis;
    }

    /** True when a period has passed since the last time this returned true (or on the first call). */
    boolean due(long nowMillis) {
        if (nowMillis < next) {
            return false;
        }
        next = nowMillis + periodMillis;
        return true;
    }
}
