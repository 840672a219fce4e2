package io.sluice.connector.filesystem.partition;

import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What committing a written partition does ({@code sink.partition-commit.*}): with the {@code success-file}
 * policy an empty marker file (by default {@code _SUCCESS}) is written into the partition directory, once the
 * partition's files are published and the commit delay since its first file has passed. {@code metastore} is
 * accepted and does nothing, as in Flink for filesystem tables. Immutable.
 */
public final class PartitionCommitPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String successFileName;
    private final long delayMillis;

    private PartitionCommitPolicy(String successFileName, long delayMillis) {
        this.successFileName = successFileName;
        this.delayMillis = delayMillis;
    }

    /**
     * The policy of a table's options.
     *
     * @param kinds the {@code policy.kind} value, or null for none
     * @throws ValidationException for an unknown kind or trigger
     * @throws UnsupportedFeatureException for the {@code custom} policy and the {@code partition-time} trigger
     */
    public static PartitionCommitPolicy of(String table, String kinds, String trigger, Duration delay,
            String successFileName) {
        String t = trigger.trim().toLowerCase(Locale.ROOT);
        if (t.equals("partition-time")) {
            throw new UnsupportedFeatureException("'sink.partition-commit.trigger' = 'partition-time'");
        }
        if (!t.equals("process-time")) {
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
        return new PartitionCommitPolicy(success ? successFileName : null, delay.toMillis());
    }

    /** The commit delay after a partition's first file, in milliseconds. */
    public long delayMillis() {
        return delayMillis;
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
