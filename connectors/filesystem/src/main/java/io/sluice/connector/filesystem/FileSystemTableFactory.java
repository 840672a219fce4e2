package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.partition.PartitionCommitPolicy;
import io.sluice.connector.filesystem.partition.PartitionTimeExtractor;
import io.sluice.connector.filesystem.partition.PartitionValues;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.FormatFactory;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code 'connector' = 'filesystem'} factory. Required options: {@code path} and {@code format}; the
 * format's own options are written with its prefix ({@code 'csv.field-delimiter'}). Optional:
 * {@code partition.default-name} and the {@code sink.partition-commit.*} options of partitioned tables. Options
 * are validated with {@link FactoryUtil#validateOptions} (an unknown key is reported with the nearest valid
 * keys). For a partitioned table the format reads and writes the physical columns without the partition keys.
 */
public final class FileSystemTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "filesystem";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(FileSystemOptions.PATH, FileSystemOptions.FORMAT);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(FileSystemOptions.PARTITION_DEFAULT_NAME, FileSystemOptions.SINK_PARTITION_COMMIT_TRIGGER,
                FileSystemOptions.SINK_PARTITION_COMMIT_DELAY, FileSystemOptions.SINK_PARTITION_COMMIT_POLICY_KIND,
                FileSystemOptions.SINK_PARTITION_COMMIT_POLICY_CLASS,
                FileSystemOptions.SINK_PARTITION_COMMIT_WATERMARK_TIME_ZONE,
                FileSystemOptions.PARTITION_TIME_EXTRACTOR_KIND, FileSystemOptions.PARTITION_TIME_EXTRACTOR_CLASS,
                FileSystemOptions.PARTITION_TIME_EXTRACTOR_TIMESTAMP_PATTERN,
                FileSystemOptions.PARTITION_TIME_EXTRACTOR_TIMESTAMP_FORMATTER,
                FileSystemOptions.SINK_PARTITION_COMMIT_SUCCESS_FILE_NAME, FileSystemOptions.SOURCE_MONITOR_INTERVAL,
                FileSystemOptions.SINK_ROLLING_POLICY_FILE_SIZE, FileSystemOptions.SINK_ROLLING_POLICY_ROLLOVER_INTERVAL,
                FileSystemOptions.SINK_ROLLING_POLICY_INACTIVITY_INTERVAL,
                FileSystemOptions.SINK_ROLLING_POLICY_CHECK_INTERVAL);
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        FileFormatFactory format = validate(context);
        String formatId = context.get(FileSystemOptions.FORMAT);
        FileSystemTableSource source = new FileSystemTableSource(path(context), formatId,
                format.createDecoderFactory(dataContext(context)), context.physicalRowType(), context.partitionKeys(),
                defaultPartitionName(context));
        source.tableOptions(context.options());
        java.time.Duration interval = context.get(FileSystemOptions.SOURCE_MONITOR_INTERVAL);
        if (interval != null) {
            if (interval.isNegative() || interval.isZero()) {
                throw new ValidationException("Option '" + FileSystemOptions.SOURCE_MONITOR_INTERVAL.key()
                        + "' of table " + context.tableName() + " must be a positive duration.");
            }
            // in batch mode the source reads the files present at the start and ends, as in Flink
            if (streaming(context)) {
                source.monitor(Math.max(1, interval.toMillis()));
            }
        }
        return source;
    }

    private static boolean streaming(TableContext context) {
        return context.sessionConfig() == null || context.sessionConfig().get(ExecutionOptions.RUNTIME_MODE)
                == io.sluice.runtime.config.RuntimeMode.STREAMING;
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        FileFormatFactory format = validate(context);
        String formatId = context.get(FileSystemOptions.FORMAT);
        RollingPolicy rolling = RollingPolicy.from(context);
        if (context.partitionKeys().isEmpty()) {
            FileSystemTableSink sink = new FileSystemTableSink(path(context), formatId,
                    format.createEncoderFactory(context));
            sink.setRollingPolicy(rolling);
            return sink;
        }
        PartitionCommitPolicy policy = PartitionCommitPolicy.of(context.tableName(),
                context.get(FileSystemOptions.SINK_PARTITION_COMMIT_POLICY_KIND),
                context.get(FileSystemOptions.SINK_PARTITION_COMMIT_TRIGGER),
                context.get(FileSystemOptions.SINK_PARTITION_COMMIT_DELAY),
                context.get(FileSystemOptions.SINK_PARTITION_COMMIT_SUCCESS_FILE_NAME),
                PartitionTimeExtractor.of(context.tableName(), context.partitionKeys(),
                        context.get(FileSystemOptions.PARTITION_TIME_EXTRACTOR_KIND),
                        context.get(FileSystemOptions.PARTITION_TIME_EXTRACTOR_TIMESTAMP_PATTERN),
                        context.get(FileSystemOptions.PARTITION_TIME_EXTRACTOR_TIMESTAMP_FORMATTER)),
                watermarkZone(context));
        FileSystemTableSink sink = new FileSystemTableSink(path(context), formatId,
                format.createEncoderFactory(dataContext(context)), context.physicalRowType(), context.partitionKeys(),
                defaultPartitionName(context), policy);
        sink.setRollingPolicy(rolling);
        return sink;
    }

    private static java.time.ZoneId watermarkZone(TableContext context) {
        String zone = context.get(FileSystemOptions.SINK_PARTITION_COMMIT_WATERMARK_TIME_ZONE);
        try {
            return java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new io.sluice.table.api.ValidationException("Invalid value for option"
                    + " 'sink.partition-commit.watermark-time-zone' of table " + context.tableName() + ": '" + zone
                    + "' is not a time zone (e.g. 'UTC', 'Asia/Shanghai').", e);
        }
    }

    private static Path path(TableContext context) {
        Path path = localPath(context.get(FileSystemOptions.PATH), context.tableName());
        String allowed = context.sessionConfig() == null ? null
                : context.sessionConfig().get(io.sluice.runtime.config.ExecutionOptions.FILESYSTEM_ALLOWED_PATHS);
        if (allowed != null && !allowed.isBlank()) {
            Path absolute = path.toAbsolutePath().normalize();
            java.util.List<String> dirs = new java.util.ArrayList<>();
            for (String dir : allowed.split(",")) {
                if (dir.isBlank()) {
                    continue;
                }
                Path d = Path.of(dir.trim()).toAbsolutePath().normalize();
                dirs.add(d.toString());
                if (absolute.startsWith(d)) {
                    return path;
                }
            }
            throw new ValidationException("Table " + context.tableName() + " may not use path '" + path + "': filesystem"
                    + " tables may only read and write under " + dirs + " (sluice.filesystem.allowed-paths).");
        }
        return path;
    }

    /**
     * The local path an option names: a plain path, or a {@code file:} URI as Flink writes them ({@code file:///tmp/x},
     * {@code file:/tmp/x}). Other schemes ({@code hdfs://}, {@code s3://}, ...) are not supported yet.
     */
    static Path localPath(String option, String table) {
        int colon = option.indexOf(':');
        int slash = option.indexOf('/');
        boolean scheme = colon > 1 && (slash < 0 || colon < slash)
                && option.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        if (!scheme) {
            return Path.of(option);
        }
        String name = option.substring(0, colon);
        if (!name.equalsIgnoreCase("file")) {
            throw new io.sluice.table.api.UnsupportedFeatureException("the file system '" + name + "' of table "
                    + table + " ('path' = '" + option + "'): only local paths and file: URIs are read and written");
        }
        try {
            return Path.of(java.net.URI.create(option));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            String rest = option.substring(colon + 1);
            if (rest.startsWith("//")) {
                throw new ValidationException("Invalid 'path' of table " + table + ": '" + option + "' (a file: URI"
                        + " names a local path: file:///dir/file or file:/dir/file).", e);
            }
            return Path.of(rest);
        }
    }

    private static String defaultPartitionName(TableContext context) {
        String name = context.get(FileSystemOptions.PARTITION_DEFAULT_NAME);
        if (name.isEmpty() || name.contains("/")) {
            throw new ValidationException("Invalid value for option 'partition.default-name' of table "
                    + context.tableName() + ": '" + name + "' is not a directory name.");
        }
        return name;
    }

    /** The context the format sees: the columns stored in the files (the partition keys are in the paths). */
    private static TableContext dataContext(TableContext context) {
        List<String> keys = context.partitionKeys();
        if (keys.isEmpty()) {
            return context;
        }
        RowType physical = context.physicalRowType();
        for (String k : keys) {
            PartitionValues.checkSupported(k, physical.type(physical.indexOf(k)));
        }
        RowType data = SourceColumns.dataType(physical, keys);
        if (data.size() == 0) {
            throw new ValidationException("Table " + context.tableName() + " has only partition columns; a filesystem"
                    + " table needs at least one column stored in its files.");
        }
        return new TableContext(context.tableName(), data, context.options(), context.sessionConfig());
    }

    private FileFormatFactory validate(TableContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = FileSystemTableFactory.class.getClassLoader();
        }
        FactoryUtil.validateOptions(context.tableName(), this, context.options(), loader);
        String formatId = context.get(FileSystemOptions.FORMAT);
        FormatFactory format = FactoryUtil.discover(FormatFactory.class, formatId, loader);
        if (!(format instanceof FileFormatFactory)) {
            throw new ValidationException("Format '" + formatId + "' of table " + context.tableName()
                    + " cannot be used with connector '" + IDENTIFIER + "'.");
        }
        return (FileFormatFactory) format;
    }
}
