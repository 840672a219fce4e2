package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.partition.PartitionPaths;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.FactoryUtil;
import java.time.Duration;

/** Options of the {@code filesystem} connector, with Flink's keys. */
public final class FileSystemOptions {
    private FileSystemOptions() {
    }

    public static final ConfigOption<String> PATH = ConfigOptions.key("path").stringType().noDefaultValue()
            .withDescription("A file or a directory (read recursively; names starting with '.' or '_' are skipped). "
                    + "A sink writes part files into this directory.");

    /** The record format, e.g. {@code csv}. */
    public static final ConfigOption<String> FORMAT = FactoryUtil.FORMAT;

    public static final ConfigOption<String> PARTITION_DEFAULT_NAME = ConfigOptions.key("partition.default-name")
            .stringType().defaultValue(PartitionPaths.DEFAULT_PARTITION_NAME)
            .withDescription("The directory value of a partition whose value is NULL or an empty string.");

    public static final ConfigOption<String> SINK_PARTITION_COMMIT_TRIGGER =
            ConfigOptions.key("sink.partition-commit.trigger").stringType().defaultValue("process-time")
                    .withDescription("When a written partition is committed: 'process-time' (a checkpoint, or the end"
                            + " of a batch job, after the partition's first file plus the delay) or 'partition-time' (a"
                            + " checkpoint whose watermark passed the partition's time plus the delay, or the end of"
                            + " the input).");

    public static final ConfigOption<String> SINK_PARTITION_COMMIT_WATERMARK_TIME_ZONE =
            ConfigOptions.key("sink.partition-commit.watermark-time-zone").stringType().defaultValue("UTC")
                    .withDescription("The time zone in which the 'partition-time' trigger reads partition times"
                            + " (compared with the watermark, which is in UTC milliseconds).");

    public static final ConfigOption<String> PARTITION_TIME_EXTRACTOR_KIND =
            ConfigOptions.key("partition.time-extractor.kind").stringType().defaultValue("default")
                    .withDescription("How a partition's time is extracted: 'default' (a timestamp pattern over the"
                            + " partition values); 'custom' is not supported.");

    public static final ConfigOption<String> PARTITION_TIME_EXTRACTOR_CLASS =
            ConfigOptions.key("partition.time-extractor.class").stringType().noDefaultValue()
                    .withDescription("The class of a 'custom' time extractor (not supported).");

    public static final ConfigOption<String> PARTITION_TIME_EXTRACTOR_TIMESTAMP_PATTERN =
            ConfigOptions.key("partition.time-extractor.timestamp-pattern").stringType().noDefaultValue()
                    .withDescription("The partition's time as a pattern over partition keys, e.g. '$dt $hour:00:00'"
                            + " (default: the value of the first partition key).");

    public static final ConfigOption<String> PARTITION_TIME_EXTRACTOR_TIMESTAMP_FORMATTER =
            ConfigOptions.key("partition.time-extractor.timestamp-formatter").stringType().noDefaultValue()
                    .withDescription("A java.time pattern parsing the timestamp pattern's result (default:"
                            + " yyyy-[M]M-[d]d with an optional [H]H:[m]m:[s]s).");

    public static final ConfigOption<Duration> SINK_PARTITION_COMMIT_DELAY =
            ConfigOptions.key("sink.partition-commit.delay").durationType().defaultValue(Duration.ZERO)
                    .withDescription("How long after its first file a partition is committed at the earliest.");

    public static final ConfigOption<String> SINK_PARTITION_COMMIT_POLICY_KIND =
            ConfigOptions.key("sink.partition-commit.policy.kind").stringType().noDefaultValue()
                    .withDescription("Comma-separated commit actions: 'success-file' writes an empty marker file into"
                            + " the partition directory; 'metastore' does nothing for filesystem tables (the"
                            + " directories are the partitions).");

    public static final ConfigOption<String> SINK_PARTITION_COMMIT_POLICY_CLASS =
            ConfigOptions.key("sink.partition-commit.policy.class").stringType().noDefaultValue()
                    .withDescription("The class of a 'custom' commit policy (not supported).");

    public static final ConfigOption<String> SINK_PARTITION_COMMIT_SUCCESS_FILE_NAME =
            ConfigOptions.key("sink.partition-commit.success-file.name").stringType().defaultValue("_SUCCESS")
                    .withDescription("The name of the 'success-file' marker.");

    public static final ConfigOption<Duration> SOURCE_MONITOR_INTERVAL = ConfigOptions.key("source.monitor-interval")
            .durationType().noDefaultValue()
            .withDescription("In streaming mode, how often the path is listed again for new files; each new file is"
                    + " read once. Unset: the source reads the files present at the start and ends.");

    public static final ConfigOption<String> SINK_ROLLING_POLICY_FILE_SIZE =
            ConfigOptions.key("sink.rolling-policy.file-size").stringType().defaultValue("128MB")
                    .withDescription("A part file is closed and a new one started once it reaches this size (a memory"
                            + " size such as '128MB', '512 kb' or '1048576').");

    public static final ConfigOption<Duration> SINK_ROLLING_POLICY_ROLLOVER_INTERVAL =
            ConfigOptions.key("sink.rolling-policy.rollover-interval").durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription("A part file open this long is closed and a new one started.");

    public static final ConfigOption<Duration> SINK_ROLLING_POLICY_INACTIVITY_INTERVAL =
            ConfigOptions.key("sink.rolling-policy.inactivity-interval").durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription("A part file that received no rows for this long is closed.");

    public static final ConfigOption<Duration> SINK_ROLLING_POLICY_CHECK_INTERVAL =
            ConfigOptions.key("sink.rolling-policy.check-interval").durationType().defaultValue(Duration.ofMinutes(1))
                    .withDescription("How often the time-based rolling conditions are checked.");
}
