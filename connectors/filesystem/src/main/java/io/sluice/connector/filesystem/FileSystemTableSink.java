package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.connector.filesystem.partition.PartitionCommitPolicy;
import io.sluice.connector.filesystem.partition.PartitionPaths;
import io.sluice.connector.filesystem.partition.PartitionRouter;
import io.sluice.connector.filesystem.partition.PartitionValues;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SupportsOverwrite;
import io.sluice.runtime.connector.SupportsPartitioning;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink writing part files into the {@code path} directory; accepts insert-only input. With
 * {@link #applyOverwrite} the job's files replace the directory's visible files when the job finishes. A
 * partitioned table's rows are written into {@code k1=v1/k2=v2/} partition directories without their partition
 * columns ({@link PartitionRouter}); an overwrite then replaces only the partitions written.
 */
public final class FileSystemTableSink implements DynamicTableSink, SupportsOverwrite, SupportsPartitioning {
    private final Path directory;
    private final String formatId;
    private final RecordEncoderFactory encoderFactory;
    private final RowType physicalType;
    private final List<String> partitionKeys;
    private final String defaultPartitionName;
    private final PartitionCommitPolicy policy;
    private RollingPolicy rolling = RollingPolicy.DEFAULT;
    private boolean overwriting;
    private Map<String, String> staticPartition = Map.of();
    /** Set by {@link #applyOverwrite}: the commit shared by the job's writers. */
    private OverwriteCommitter overwrite;

    /** A sink of a table that is not partitioned. */
    public FileSystemTableSink(Path directory, String formatId, RecordEncoderFactory encoderFactory) {
        this(directory, formatId, encoderFactory, null, List.of(), PartitionPaths.DEFAULT_PARTITION_NAME, null);
    }

    /**
     * A sink of a table partitioned by {@code partitionKeys} (non-empty, with {@code physicalType} and
     * {@code policy}); {@code encoderFactory} encodes the physical columns without the partition keys.
     */
    public FileSystemTableSink(Path directory, String formatId, RecordEncoderFactory encoderFactory,
            RowType physicalType, List<String> partitionKeys, String defaultPartitionName,
            PartitionCommitPolicy policy) {
        this.directory = directory;
        this.formatId = formatId;
        this.encoderFactory = encoderFactory;
        this.physicalType = physicalType;
        this.partitionKeys = List.copyOf(partitionKeys);
        this.defaultPartitionName = defaultPartitionName;
        this.policy = policy;
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        // a changelog format (debezium-json, ...) writes every row kind as a change event
        return encoderFactory.changelogMode();
    }

    @Override
    public FileSystemSinkWriter createWriter(WriterContext context) {
        PartitionRouter router = partitionKeys.isEmpty() ? null
                // by the table's column names: the consumed rows have the table's columns in order, under any names
                : new PartitionRouter(physicalType, partitionKeys, defaultPartitionName, context.allocator());
        return new FileSystemSinkWriter(directory, encoderFactory, context.subtaskIndex(), overwrite,
                context.parallelism(), router, router == null ? null : policy, rolling, System::currentTimeMillis);
    }

    /** Sets when part files roll ({@link RollingPolicy#DEFAULT} unless set). */
    void setRollingPolicy(RollingPolicy rolling) {
        this.rolling = rolling;
    }

    @Override
    public void applyOverwrite(boolean overwrite) {
        this.overwriting = overwrite;
        this.overwrite = !overwrite ? null
                : partitionKeys.isEmpty() ? new OverwriteCommitter(directory)
                : new OverwriteCommitter(directory, policy, staticPartitionDirectory());
    }

    /**
     * Takes the static partition of {@code INSERT ... PARTITION (..)}; its columns must be partition keys.
     *
     * @throws ValidationException naming a column that is not a partition key
     */
    @Override
    public void applyStaticPartition(Map<String, String> partition) {
        for (String k : partition.keySet()) {
            if (!partitionKeys.contains(k)) {
                throw new ValidationException("Static partition column '" + k + "' is not a partition key of the"
                        + " filesystem table at " + directory + "; partition keys: " + partitionKeys + ".");
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String k : partitionKeys) {
            if (partition.containsKey(k)) {
                ordered.put(k, partition.get(k));
            }
        }
        this.staticPartition = ordered;
        applyOverwrite(overwriting);
    }

    /** The directory of a fully specified static partition, or null. */
    private Path staticPartitionDirectory() {
        if (staticPartition.size() != partitionKeys.size() || partitionKeys.isEmpty()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String k : partitionKeys) {
            // the same text the writers derive from the typed value, e.g. 'hr' = '05' of an INT column is hr=5
            String text = staticPartition.get(k);
            values.add(PartitionValues.toText(PartitionValues.parse(text, physicalType.type(physicalType.indexOf(k)), k,
                    "the PARTITION clause")));
        }
        return directory.resolve(PartitionPaths.partitionPath(partitionKeys, values, defaultPartitionName));
    }

    @Override
    public String describe() {
        return "filesystem(path=" + directory + ", format=" + formatId
                + (partitionKeys.isEmpty() ? "" : ", partitionKeys=" + partitionKeys)
                + (staticPartition.isEmpty() ? "" : ", staticPartition=" + staticPartition)
                + (overwrite != null ? ", overwrite" : "") + ")";
    }
}
