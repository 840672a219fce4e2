package io.sluice.runtime.config;

import java.util.List;

/** Options of job execution, with Flink's keys where Flink has the same option. */
public final class ExecutionOptions {
    private ExecutionOptions() {
    }

    public static final ConfigOption<RuntimeMode> RUNTIME_MODE = ConfigOptions.key("execution.runtime-mode")
            .enumType(RuntimeMode.class).defaultValue(RuntimeMode.STREAMING)
            .withDescription("Whether queries run as continuous streaming jobs or as batch jobs over bounded input.");

    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOptions.key("table.exec.batch-size")
            .intType().defaultValue(4096)
            .withDescription("Maximum number of rows in one columnar batch passed between operators.");

    public static final ConfigOption<String> LOCAL_TIME_ZONE = ConfigOptions.key("table.local-time-zone")
            .stringType().defaultValue("UTC")
            .withDescription("Session time zone used for TIMESTAMP_LTZ conversions and CURRENT_TIMESTAMP rendering.");

    public static final ConfigOption<Integer> PARALLELISM = ConfigOptions.key("parallelism.default")
            .intType().defaultValue(1)
            .withDescription("Number of parallel instances of each keyed stage.");

    public static final ConfigOption<String> CODEGEN_DUMP_DIR = ConfigOptions.key("table.exec.codegen.dump-dir")
            .stringType().noDefaultValue()
            .withDescription("If set, every generated class's Java source is written to this directory.");

    public static final ConfigOption<Long> MEMORY_LIMIT = ConfigOptions.key("table.exec.memory-limit")
            .longType().defaultValue(Long.MAX_VALUE)
            .withDescription("Upper bound in bytes of the Arrow memory one job may allocate.");

    public static final ConfigOption<java.time.Duration> AUTO_WATERMARK_INTERVAL =
            ConfigOptions.key("pipeline.auto-watermark-interval")
            .durationType().defaultValue(java.time.Duration.ofMillis(200))
            .withDescription("Smallest wall-clock interval between two watermarks a watermark assigner emits"
                    + " (0 disables periodic watermarks). The end of a bounded input always emits the final watermark.");

    public static final ConfigOption<java.time.Duration> SOURCE_IDLE_TIMEOUT =
            ConfigOptions.key("table.exec.source.idle-timeout")
            .durationType().defaultValue(java.time.Duration.ZERO)
            .withDescription("A source without data for this long is idle: it stops holding back the watermark of"
                    + " operators that also read other inputs (0 disables idleness detection).");

    public static final ConfigOption<java.time.Duration> STATE_TTL = ConfigOptions.key("table.exec.state.ttl")
            .durationType().defaultValue(java.time.Duration.ZERO)
            .withDescription("Processing-time TTL of the state of unbounded streaming operators (group aggregates,"
                    + " regular joins, Top-N, deduplication): state not written for this long is treated as absent"
                    + " and cleaned up incrementally, without emitting retractions. 0 keeps state forever."
                    + " Window aggregates keep their state until the watermark closes the window.");

    public static final ConfigOption<Integer> RESOURCE_DEFAULT_PARALLELISM =
            ConfigOptions.key("table.exec.resource.default-parallelism").intType().defaultValue(-1)
            .withDescription("Parallelism of the operators of SQL jobs; -1 uses parallelism.default.");

    public static final ConfigOption<Boolean> DYNAMIC_TABLE_OPTIONS_ENABLED = ConfigOptions
            .key("table.dynamic-table-options.enabled").booleanType().defaultValue(true)
            .withDescription("Whether a query may give a table options for one scan with an OPTIONS hint"
                    + " (SELECT * FROM t /*+ OPTIONS('k' = 'v') */).");

    public static final ConfigOption<Boolean> MINI_BATCH_ENABLED = ConfigOptions.key("table.exec.mini-batch.enabled")
            .booleanType().defaultValue(false)
            .withDescription("Whether streaming group aggregates buffer input rows and emit one change per group and"
                    + " mini-batch (needs table.exec.mini-batch.allow-latency and table.exec.mini-batch.size).");

    public static final ConfigOption<java.time.Duration> MINI_BATCH_ALLOW_LATENCY =
            ConfigOptions.key("table.exec.mini-batch.allow-latency")
            .durationType().defaultValue(java.time.Duration.ZERO)
            .withDescription("Longest time a mini-batch buffers rows before it is processed (must be > 0 when"
                    + " mini-batch is enabled).");

    public static final ConfigOption<Long> MINI_BATCH_SIZE = ConfigOptions.key("table.exec.mini-batch.size")
            .longType().defaultValue(-1L)
            .withDescription("Most rows a mini-batch buffers before it is processed (must be > 0 when mini-batch is"
                    + " enabled).");

    /** All options declared here. */
    public static final ConfigOption<String> FILESYSTEM_ALLOWED_PATHS =
            ConfigOptions.key("sluice.filesystem.allowed-paths").stringType().noDefaultValue()
            .withDescription("Directories (separated by ',') that filesystem tables may read and write; unset: any."
                    + " The server sets it for its sessions from --allowed-dir, and its sessions cannot change it.");

    public static List<ConfigOption<?>> all() {
        return List.of(RUNTIME_MODE, BATCH_SIZE, LOCAL_TIME_ZONE, PARALLELISM, CODEGEN_DUMP_DIR, MEMORY_LIMIT,
                AUTO_WATERMARK_INTERVAL, SOURCE_IDLE_TIMEOUT, STATE_TTL, RESOURCE_DEFAULT_PARALLELISM,
                MINI_BATCH_ENABLED, MINI_BATCH_ALLOW_LATENCY, MINI_BATCH_SIZE, FILESYSTEM_ALLOWED_PATHS);
    }
}
