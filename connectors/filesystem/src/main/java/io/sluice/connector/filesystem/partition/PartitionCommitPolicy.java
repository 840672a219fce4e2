package io.sluice.connector.filesystem.partition;

import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What committing a written partition does ({@code sink.partition-commit.*}): with the {@code success-file}
 * policy an empty marker file (by default {@code _SUCCESS}) is written into the partition directory, once the
 * partition's files are published and the trigger says it is due: with {@code process-time}, when the commit delay
 * since its first file has passed; with {@code partition-time}, when the watermark passed the partition's time (its
 * {@link PartitionTimeExtractor}) plus the delay. {@code metastore} is accepted and does nothing, as in Flink for
 * filesystem tables. Immutable.
 */
public final class PartitionCommitPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String successFileName;
    private final long delayMillis;
    /** Null for the process-time trigger. */
    private final PartitionTimeExtractor partitionTime;
    private final ZoneId watermarkZone;

    private PartitionCommitPolicy(String successFileName, long delayMillis, PartitionTimeExtractor partitionTime,
            ZoneId watermarkZone) {
        this.successFileName = successFileName;
        this.delayMillis = delayMillis;
        this.partitionTime = partitionTime;
        this.watermarkZone = watermarkZone;
    }

    /**
     * The policy of a table's options.
     *
     * @param kinds the {@code policy.kind} value, or null for none
     * @param partitionTime how the {@code partition-time} trigger finds a partition's time
     * @param watermarkZone the zone in which the {@code partition-time} trigger reads partition times
     * @throws ValidationException for an unknown kind or trigger
     * @throws UnsupportedFeatureException for the {@code custom} policy
     */
    public static PartitionCommitPolicy of(String table, String kinds, String trigger, Duration delay,
            String successFileName, PartitionTimeExtractor partitionTime, ZoneId watermarkZone) {
        String t = trigger.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("process-time") && !t.equals("partition-time")) {
            throw new ValidationException("Invalid value for option 'sink.partition-commit.trigger' of table " + table
                    + ": '" + trigger + "'. Supported values: process-time, partition-time.");
        }
        boolean success = false;
        if (kinds != null) {
            for (String k : kinds.split(",")) {
                String kind = k.trim().toLowerCase(Locale.ROOT);
                if (kind.equals("success-file")) {
                    success = true;
                } else if (kind.equals("custom")) {
                    throw new UnsupportedFeatureException("custom partition commit policies");
                } else if (!kind.equals("metastore")) {
                    throw new ValidationException("Invalid value for option 'sink.partition-commit.policy.kind' of table "
                            + table + ": '" + k.trim() + "'. Supported values: metastore, success-file, custom.");
                }
            }
        }
        if (successFileName.isEmpty() || successFileName.contains("/")) {
            throw new ValidationException("Invalid value for option 'sink.partition-commit.success-file.name' of table "
                    + table + ": '" + successFileName + "' is not a file name.");
        }
        return new PartitionCommitPolicy(success ? successFileName : null, delay.toMillis(),
                t.equals("partition-time") ? partitionTime : null, watermarkZone);
    }

    /** The commit delay after a partition's first file, in milliseconds. */
    public long delayMillis() {
        return delayMillis;
    }

    /**
     * True when the {@code partition-time} trigger decides: a partition is due once the watermark passes its time plus
     * the delay ({@link #dueByWatermark}).
     */
    public boolean triggersOnPartitionTime() {
        return partitionTime != null;
    }

    /** With the {@code partition-time} trigger: whether the partition of {@code values} is due at {@code watermark}. */
    public boolean dueByWatermark(List<String> values, long watermark) {
        return watermark > partitionTime.epochMillis(values, watermarkZone) + delayMillis;
    }

    /** True when committing a partition writes a marker file. */
    public boolean writesSuccessFile() {
        return successFileName != null;
    }

    /** Commits the partition in {@code directory}: writes the success file (if any). */
    public void commit(Path directory) throws IOException {
        if (successFileName != null) {
            Files.createDirectories(directory);
            Files.write(directory.resolve(successFileName), new byte[0]);
        }
    }
}
