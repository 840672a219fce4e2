package io.sluice.runtime.config;

import java.time.Duration;
import java.util.List;

/** Options of checkpointing and recovery, with Flink's keys. */
public final class CheckpointingOptions {
    private CheckpointingOptions() {
    }

    public static final ConfigOption<Duration> INTERVAL = ConfigOptions.key("execution.checkpointing.interval")
            .durationType().noDefaultValue()
            .withDescription("How often a streaming job takes a checkpoint; unset disables checkpointing.");

    public static final ConfigOption<String> DIRECTORY = ConfigOptions.key("execution.checkpointing.dir")
            .stringType().noDefaultValue()
            .withDescription("Directory under which checkpoints are written, one subdirectory per job"
                    + " (default: sluice-checkpoints in the system temporary directory).");

    public static final ConfigOption<Integer> NUM_RETAINED = ConfigOptions.key("execution.checkpointing.num-retained")
            .intType().defaultValue(1)
            .withDescription("Number of completed checkpoints kept; older ones are deleted.");

    public static final ConfigOption<Boolean> INCREMENTAL = ConfigOptions.key("execution.checkpointing.incremental")
            .booleanType().defaultValue(false)
            .withDescription("Whether checkpoints of the RocksDB state backend are incremental: each uploads only the"
                    + " RocksDB files that no earlier checkpoint uploaded, into a shared directory, and references the"
                    + " others (Flink's older key state.backend.incremental is read too). Savepoints stay full.");

    public static final ConfigOption<Duration> MIN_PAUSE = ConfigOptions.key("execution.checkpointing.min-pause")
            .durationType().defaultValue(Duration.ZERO)
            .withDescription("The least time between the end of a checkpoint and the start of the next one (Flink's"
                    + " setMinPauseBetweenCheckpoints); the interval is then never shorter.");

    public static final ConfigOption<Integer> TOLERABLE_FAILED_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.tolerable-failed-checkpoints").intType().defaultValue(0)
                    .withDescription("How many checkpoints in a row may fail (their asynchronous part: writing the"
                            + " state) before the job fails and restarts as its restart strategy allows; a failed"
                            + " checkpoint within the limit is dropped and the job goes on.");

    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOptions.key("execution.savepoint.path")
            .stringType().noDefaultValue()
            .withDescription("A checkpoint or savepoint directory the next job starts from.");

    public static final ConfigOption<String> SAVEPOINT_DIRECTORY =
            ConfigOptions.key("execution.checkpointing.savepoint-dir").stringType().noDefaultValue()
            .withDescription("Default directory for savepoints taken by STOP JOB ... WITH SAVEPOINT.");

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type")
            .stringType().noDefaultValue()
            .withDescription("none, fixed-delay or exponential-delay; with checkpointing enabled the default is"
                    + " exponential-delay, without it none.");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS =
            ConfigOptions.key("restart-strategy.fixed-delay.attempts").intType().defaultValue(1)
            .withDescription("How many times the fixed-delay strategy restarts a failed job.");

    public static final ConfigOption<Duration> FIXED_DELAY = ConfigOptions.key("restart-strategy.fixed-delay.delay")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("Pause before each restart of the fixed-delay strategy.");

    public static final ConfigOption<Duration> EXPONENTIAL_INITIAL_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.initial-backoff")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("First pause of the exponential-delay strategy.");

    public static final ConfigOption<Duration> EXPONENTIAL_MAX_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.max-backoff")
            .durationType().defaultValue(Duration.ofMinutes(1))
            .withDescription("Longest pause of the exponential-delay strategy.");

    public static final ConfigOption<Double> EXPONENTIAL_MULTIPLIER =
            ConfigOptions.key("restart-strategy.exponential-delay.backoff-multiplier")
            .doubleType().defaultValue(2.0)
            .withDescription("Factor by which each exponential-delay pause grows.");

    public static final ConfigOption<Integer> EXPONENTIAL_ATTEMPTS =
            ConfigOptions.key("restart-strategy.exponential-delay.attempts-before-reset-backoff")
            .intType().defaultValue(Integer.MAX_VALUE)
            .withDescription("How many times the exponential-delay strategy restarts a failed job.");

    public static final ConfigOption<Boolean> IGNORE_UNCLAIMED_STATE =
            ConfigOptions.key("execution.savepoint.ignore-unclaimed-state").booleanType().defaultValue(false)
            .withDescription("Whether a job may start from a checkpoint or savepoint holding state that no operator"
                    + " of the job claims (that state is then dropped).");

    public static final ConfigOption<String> UID_FORMAT = ConfigOptions.key("table.exec.uid.format")
            .stringType().defaultValue("<id>_<transformation>")
            .withDescription("How an operator's state identity in checkpoints is derived from the plan when it has"
                    + " no explicit uid: <id> is the operator's position in the plan (inputs first) and"
                    + " <transformation> its kind, such as group-aggregate.");

    /** All options declared here. */
    public static List<ConfigOption<?>> all() {
        return List.of(INTERVAL, DIRECTORY, NUM_RETAINED, INCREMENTAL, TOLERABLE_FAILED_CHECKPOINTS,
                SAVEPOINT_PATH, SAVEPOINT_DIRECTORY,
                RESTART_STRATEGY, FIXED_DELAY_ATTEMPTS, FIXED_DELAY, EXPONENTIAL_INITIAL_BACKOFF,
                EXPONENTIAL_MAX_BACKOFF, EXPONENTIAL_MULTIPLIER, EXPONENTIAL_ATTEMPTS, IGNORE_UNCLAIMED_STATE, UID_FORMAT);
    }
}
