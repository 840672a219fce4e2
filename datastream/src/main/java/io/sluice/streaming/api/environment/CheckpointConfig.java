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
}
