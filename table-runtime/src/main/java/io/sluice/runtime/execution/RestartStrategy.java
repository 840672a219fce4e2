package io.sluice.runtime.execution;

import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.table.api.ValidationException;

/**
 * Flink's restart strategies for a failed job: {@code none}, {@code fixed-delay} (a number of attempts
 * with a fixed pause) and {@code exponential-delay} (pauses growing by a factor up to a maximum). With
 * checkpointing enabled the default is exponential-delay, without it none.
 */
final class RestartStrategy {
    private final String type;
    private final int attempts;
    private final long initialDelay;
    private final long maxDelay;
    private final double multiplier;
    private int restarts;
    private long nextDelay;

    private RestartStrategy(String type, int attempts, long initialDelay, long maxDelay, double multiplier) {
        this.type = type;
        this.attempts = attempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.multiplier = multiplier;
        this.nextDelay = initialDelay;
    }

    static RestartStrategy from(Configuration config, boolean checkpointing) {
        String type = config.contains(CheckpointingOptions.RESTART_STRATEGY)
                ? config.get(CheckpointingOptions.RESTART_STRATEGY).trim().toLowerCase(java.util.Locale.ROOT)
                : checkpointing ? "exponential-delay" : "none";
        switch (type) {
            case "none":
            case "off":
            case "disable":
                return new RestartStrategy("none", 0, 0, 0, 1);
            case "fixed-delay":
            case "fixeddelay":
                long delay = config.get(CheckpointingOptions.FIXED_DELAY).toMillis();
                return new RestartStrategy("fixed-delay", config.get(CheckpointingOptions.FIXED_DELAY_ATTEMPTS),
                        delay, delay, 1);
            case "exponential-delay":
                return new RestartStrategy("exponential-delay", config.get(CheckpointingOptions.EXPONENTIAL_ATTEMPTS),
                        config.get(CheckpointingOptions.EXPONENTIAL_INITIAL_BACKOFF).toMillis(),
                        config.get(CheckpointingOptions.EXPONENTIAL_MAX_BACKOFF).toMillis(),
                        config.get(CheckpointingOptions.EXPONENTIAL_MULTIPLIER));
            default:
                throw new ValidationException("Unknown restart-strategy.type '" + type
                        + "'; supported: none, fixed-delay, exponential-delay.");
        }
    }

    /** The pause before the next restart in milliseconds, or -1 when the job must not restart again. */
    long nextDelayMillis() {
        if (restarts >= attempts) {
            return -1;
        }
        restarts++;
        long d = nextDelay;
        nextDelay = Math.min(maxDelay, (long) (nextDelay * multiplier));
        return d;
    }

    @Override
    public String toString() {
        return type + "(attempts=" + attempts + ", delay=" + initialDelay + " ms)";
    }
}
