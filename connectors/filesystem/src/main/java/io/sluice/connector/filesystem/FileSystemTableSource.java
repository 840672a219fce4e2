package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.connector.filesystem.partition.FileMetadata;
import io.sluice.connector.filesystem.partition.PartitionPaths;
import io.sluice.connector.filesystem.partition.PartitionedFileLister;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SupportsPartitionPushDown;
import io.sluice.runtime.connector.SupportsReadingMetadata;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bounded source over a file or a directory tree. Parallel readers split the sorted file list
 * round-robin (file {@code i} goes to subtask {@code i % parallelism}). With a monitor interval (set by
 * {@link #monitor}, from {@code source.monitor-interval} in streaming mode) the source is unbounded: its readers
 * keep watching the path and read each new file once (see {@link FileSystemSourceReader}); new partitions are
 * read too (partition pruning then applies to the rows, not to the listing).
 *
 * <p>A partitioned table's files live in {@code k1=v1/k2=v2/} directories below the path; the partition
 * columns are not stored in the files but parsed from the directory names (the {@code partition.default-name}
 * directory is NULL). The planner may restrict the partitions read ({@link SupportsPartitionPushDown}) and
 * request the metadata {@code file.path}, {@code file.name}, {@code file.size} and
 * {@code file.modification-time} ({@link SupportsReadingMetadata}).
 */
public final class FileSystemTableSource implements ScanTableSource, SupportsReadingMetadata,
        SupportsPartitionPushDown, io.sluice.runtime.connector.SupportsBadRecordRouting {
    /** The formats whose records are lines (csv: outside quoted fields), so one bad record can be told apart. */
    private static final Set<String> LINE_FORMATS = Set.of("csv", "json", "raw", "debezium-json", "canal-json",
            "maxwell-json");
    /**
     * The formats of files whose decoders tell records apart themselves (avro) or whose unreadable rest is routed
     * whole (parquet), see {@link FileRoutingDecoder}.
     */
    private static final Set<String> FILE_FORMATS = Set.of("avro", "parquet");

    private final Path path;
    private final String formatId;
    private final RecordDecoderFactory decoderFactory;
    private final RowType physicalType;
    private final List<String> partitionKeys;
    private final String defaultPartitionName;
    private List<FileMetadata> metadata = List.of();
    private List<LogicalType> metadataTypes = List.of();
    /** Set by {@link #applyPartitions}: the partitions to read (values in key order). */
    private Set<List<String>> partitions;
    /** Milliseconds between listings of a monitored path; 0 for a bounded read. */
    private long monitorIntervalMillis;
    /** The table's options (for the csv quote and escape characters when routing bad records). */
    private Map<String, String> options = Map.of();
    /** Set by {@link #applyBadRecordRouting}: {quote, escape} of the records (-1 for none); null when not routing. */
    private int[] recordSplitting;

    /** A source of a non-partitioned table; {@code decoderFactory} decodes every physical column. */
    public FileSystemTableSource(Path path, String formatId, RecordDecoderFactory decoderFactory, RowType physicalType) {
        this(path, formatId, decoderFactory, physicalType, List.of(), PartitionPaths.DEFAULT_PARTITION_NAME);
    }

    /**
     * A source of a table partitioned by {@code partitionKeys} (may be empty); {@code decoderFactory} decodes the
     * physical columns without the partition keys.
     */
    public FileSystemTableSource(Path path, String formatId, RecordDecoderFactory decoderFactory, RowType physicalType,
            List<String> partitionKeys, String defaultPartitionName) {
        this.path = path;
        this.formatId = formatId;
        this.decoderFactory = decoderFactory;
        this.physicalType = physicalType;
        this.partitionKeys = List.copyOf(partitionKeys);
        this.defaultPartitionName = defaultPartitionName;
        if (!decoderFactory.changelogMode().isInsertOnly() && !this.partitionKeys.isEmpty()) {
            throw new UnsupportedFeatureException("the changelog format '" + formatId + "' on a partitioned"
                    + " filesystem table (" + path + ")");
        }
    }

    /** The row kinds of the format: a changelog format ({@code debezium-json}, ...) makes this a changelog source. */
    @Override
    public ChangelogMode getChangelogMode() {
        return decoderFactory.changelogMode();
    }

    /** Makes the source watch its path for new files, listing it every {@code intervalMillis} (positive). */
    public void monitor(long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("monitor interval must be positive: " + intervalMillis);
        }
        this.monitorIntervalMillis = intervalMillis;
    }

    /** The table's {@code WITH} options, read when bad records are routed (the csv quote and escape characters). */
    void tableOptions(Map<String, String> options) {
        this.options = Map.copyOf(options);
    }

    @Override
    public void applyBadRecordRouting() {
        if (FILE_FORMATS.contains(formatId)) {
            recordSplitting = new int[0];
            return;
        }
        if (!LINE_FORMATS.contains(formatId)) {
            throw new UnsupportedFeatureException("'" + io.sluice.runtime.connector.BadRecords.TABLE_OPTION.key()
                    + "' with the format '" + formatId + "' on the filesystem connector (" + path + "): only the "
                    + "formats " + new java.util.TreeSet<>(LINE_FORMATS) + " and " + new java.util.TreeSet<>(FILE_FORMATS)
                    + " can tell one bad record from the next");
        }
        int quote = -1;
        int escape = -1;
        if ("csv".equals(formatId)) {
            String q = options.getOrDefault("csv.quote-character", "\"");
            String e = options.get("csv.escape-character");
            quote = "true".equalsIgnoreCase(options.get("csv.disable-quote-character")) || q.isEmpty() ? -1
                    : q.charAt(0);
            escape = e == null || e.isEmpty() ? -1 : e.charAt(0);
        }
        recordSplitting = new int[] {quote, escape};
    }

    @Override
    public boolean isBounded() {
        return monitorIntervalMillis == 0;
    }

    @Override
    public FileSystemSourceReader createReader(ReaderContext context) {
        SourceColumns columns = new SourceColumns(physicalType, partitionKeys, metadata, metadataTypes,
                context.projectedFields());
        return new FileSystemSourceReader(path, decoderFactory, columns, partitionKeys, defaultPartitionName,
                monitorIntervalMillis > 0 ? null : partitions, context, monitorIntervalMillis, recordSplitting);
    }

    @Override
    public Map<String, LogicalType> listReadableMetadata() {
        return FileMetadata.all();
    }

    @Override
    public void applyReadableMetadata(List<String> keys, List<LogicalType> types) {
        if (!keys.isEmpty() && !decoderFactory.changelogMode().isInsertOnly()) {
            throw new UnsupportedFeatureException("metadata columns " + keys + " with the changelog format '" + formatId
                    + "' on a filesystem table (" + path + ")");
        }
        List<FileMetadata> m = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            m.add(FileMetadata.of(keys.get(i), types.get(i)));
        }
        this.metadata = List.copyOf(m);
        this.metadataTypes = List.copyOf(types);
    }

    /** The partitions below the path; empty for a non-partitioned table or a missing directory. */
    @Override
    public List<Map<String, String>> listPartitions() {
        if (partitionKeys.isEmpty() || !Files.isDirectory(path)) {
            return List.of();
        }
        try {
            return PartitionedFileLister.partitions(path, partitionKeys, defaultPartitionName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void applyPartitions(List<Map<String, String>> remainingPartitions) {
        Set<List<String>> set = new HashSet<>();
        for (Map<String, String> spec : remainingPartitions) {
            List<String> values = new ArrayList<>(partitionKeys.size());
            for (String k : partitionKeys) {
                if (!spec.containsKey(k)) {
                    throw new TableException("Partition " + spec + " of " + path + " has no value for '" + k + "'.");
                }
                values.add(spec.get(k));
            }
            set.add(values);
        }
        this.partitions = set;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("filesystem(path=").append(path).append(", format=").append(formatId);
        if (!partitionKeys.isEmpty()) {
            sb.append(", partitionKeys=").append(partitionKeys);
        }
        if (partitions != null && monitorIntervalMillis == 0) {
            sb.append(", partitions=").append(partitions.size());
        }
        if (monitorIntervalMillis > 0) {
            sb.append(", monitor-interval=").append(monitorIntervalMillis).append(" ms");
        }
        if (!metadata.isEmpty()) {
            List<String> keys = new ArrayList<>();
            metadata.forEach(m -> keys.add(m.key()));
            sb.append(", metadata=").append(keys);
        }
        return sb.append(')').toString();
    }
}
