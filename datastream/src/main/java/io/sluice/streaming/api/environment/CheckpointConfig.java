package io.sluice.streaming.api.environment;

import io.sluice.core.execution.CheckpointingMode;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import java.time.Duration;

/** Checkpoint settings of a job: the interval, and where checkpoints are written. */
public class CheckpointConfig {
    private final Configuration config;

    CheckpointConfig(Configuration config) {
        this.config = config;
    }

    public boolean isCheckpointingEnabled() {
        return config.contains(CheckpointingOptions.INTERVAL);
    }

    public long getCheckpointInterval() {
        return isCheckpointingEnabled() ? config.get(CheckpointingOptions.INTERVAL).toMillis() : -1;
    }

    public void setCheckpointInterval(long checkpointInterval) {
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("Checkpoint interval must be larger than or equal to 1 ms");
        }
        config.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(checkpointInterval));
    }

    /** Checkpoints are aligned and exactly-once; at-least-once is accepted (exactly-once is stronger). */
    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return CheckpointingMode.EXACTLY_ONCE;
    }

    /** The directory checkpoints are written to ({@code execution.checkpointing.dir}). */
    public void setCheckpointStorage(String checkpointDirectory) {
        String dir = checkpointDirectory.startsWith("file://") ? checkpointDirectory.substring("file://".length())
                : checkpointDirectory;
        config.set(CheckpointingOptions.DIRECTORY, dir);
    }

    /**
     * The least time between the end of a checkpoint and the start of the next
     * ({@code execution.checkpointing.min-pause}); 0 by default.
     */
    public void setMinPauseBetweenCheckpoints(long minPauseBetweenCheckpoints) {
        if (minPauseBetweenCheckpoints < 0) {
            throw new IllegalArgumentException("Pause value must be zero or positive");
        }
        config.set(CheckpointingOptions.MIN_PAUSE, Duration.ofMillis(minPauseBetweenCheckpoints));
    }

    public long getMinPauseBetweenCheckpoints() {
        return config.get(CheckpointingOptions.MIN_PAUSE).toMillis();
    }

    /**
     * How many checkpoints in a row may fail before the job fails over
     * ({@code execution.checkpointing.tolerable-failed-checkpoints}); 0 by default.
     */
    public void setTolerableCheckpointFailureNumber(int tolerableCheckpointFailureNumber) {
        if (tolerableCheckpointFailureNumber < 0) {
            throw new IllegalArgumentException("The tolerable failure checkpoint number must be non-negative.");
        }
        config.set(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS, tolerableCheckpointFailureNumber);
    }

    public int getTolerableCheckpointFailureNumber() {
        return config.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS);
    }

    /** The most checkpoints in progress at once: Sluice takes one at a time, which any maximum allows. */
    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        if (maxConcurrentCheckpoints < 1) {
            throw new IllegalArgumentException("The maximum number of concurrent attempts must be at least one.");
        }
        config.setString("execution.checkpointing.max-concurrent-checkpoints",
                Integer.toString(maxConcurrentCheckpoints));
    }

    public int getMaxConcurrentCheckpoints() {
        String v = config.getString("execution.checkpointing.max-concurrent-checkpoints");
        return v == null ? 1 : Integer.parseInt(v);
    }

    /**
     * Not supported yet: Sluice does not abort a checkpoint that takes long (it completes or fails). Accepted so
     * that programs setting it run; the value is recorded ({@code execution.checkpointing.timeout}) and unused.
     */
    public void setCheckpointTimeout(long checkpointTimeout) {
        if (checkpointTimeout < 1) {
            throw new IllegalArgumentException("Checkpoint timeout must be larger than or equal to 1 ms");
        }
        config.setString("execution.checkpointing.timeout", checkpointTimeout + " ms");
    }

    public long getCheckpointTimeout() {
        String v = config.getString("execution.checkpointing.timeout");
        return v == null ? 600_000L : Long.parseLong(v.replace(" ms", "").trim());
    }

    /**
     * Recorded ({@code execution.checkpointing.unaligned.enabled}): Sluice's checkpoints stay aligned, which gives
     * the same results (unaligned checkpoints only make checkpoints faster under backpressure).
     */
    public void enableUnalignedCheckpoints(boolean enabled) {
        config.setString("execution.checkpointing.unaligned.enabled", Boolean.toString(enabled));
    }

    /** See {@link #enableUnalignedCheckpoints(boolean)}. */
    public void enableUnalignedCheckpoints() {
        enableUnalignedCheckpoints(true);
    }

    /** Whether unaligned checkpoints were asked for (Sluice's stay aligned). */
    public boolean isUnalignedCheckpointsEnabled() {
        return Boolean.parseBoolean(config.getString("execution.checkpointing.unaligned.enabled"));
    }

    /** Recorded: Sluice's checkpoints stay aligned (see {@link #enableUnalignedCheckpoints(boolean)}). */
    public void setForceUnalignedCheckpoints(boolean forceUnalignedCheckpoints) {
        config.setString("execution.checkpointing.unaligned.forced", Boolean.toString(forceUnalignedCheckpoints));
    }

    public boolean isForceUnalignedCheckpoints() {
        return Boolean.parseBoolean(config.getString("execution.checkpointing.unaligned.forced"));
    }

    /** Recorded: Sluice's checkpoints stay aligned (see {@link #enableUnalignedCheckpoints(boolean)}). */
    public void setAlignedCheckpointTimeout(Duration alignedCheckpointTimeout) {
        config.setString("execution.checkpointing.aligned-checkpoint-timeout", alignedCheckpointTimeout.toMillis()
                + " ms");
    }

    public Duration getAlignedCheckpointTimeout() {
        String v = config.getString("execution.checkpointing.aligned-checkpoint-timeout");
        return v == null ? Duration.ZERO : Duration.ofMillis(Long.parseLong(v.replace(" ms", "").trim()));
    }

    /**
     * Not supported yet: Sluice keeps the newest completed checkpoints ({@code execution.checkpointing.num-retained})
     * in the checkpoint directory whatever the job's end. Accepted so that programs setting it run; recorded and
     * unused.
     */
    public void setExternalizedCheckpointRetention(
            io.sluice.configuration.ExternalizedCheckpointRetention retention) {
        config.setString("execution.checkpointing.externalized-checkpoint-retention", retention.name());
    }

    public io.sluice.configuration.ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        String v = config.getString("execution.checkpointing.externalized-checkpoint-retention");
        return v == null ? io.sluice.configuration.ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS
                : io.sluice.configuration.ExternalizedCheckpointRetention.valueOf(v);
    }

    public boolean isExternalizedCheckpointsEnabled() {
        return getExternalizedCheckpointRetention()
                != io.sluice.configuration.ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
    }
}
