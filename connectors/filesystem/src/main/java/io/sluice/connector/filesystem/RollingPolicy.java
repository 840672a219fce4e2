package io.sluice.connector.filesystem;

import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.time.Duration;

/**
 * When the filesystem sink closes a part file and starts a new one (Flink's {@code sink.rolling-policy.*}):
 * once the file reaches {@code file-size} bytes (checked after each batch written to it), or, checked at most
 * once per {@code check-interval} when rows arrive, once it has been open for {@code rollover-interval} or has
 * received nothing for {@code inactivity-interval}. Every checkpoint and the end of the input close all part
 * files as well. A closed file stays invisible until the next checkpoint completes (or the job ends). Immutable.
 */
public final class RollingPolicy {
    /** Flink's defaults: 128 MB, 30 minutes, 30 minutes, checked every minute. */
    public static final RollingPolicy DEFAULT = new RollingPolicy(128L << 20, 30 * 60_000L, 30 * 60_000L, 60_000L);

    private final long fileSize;
    private final long rolloverMillis;
    private final long inactivityMillis;
    private final long checkMillis;

    public RollingPolicy(long fileSize, long rolloverMillis, long inactivityMillis, long checkMillis) {
        this.fileSize = fileSize;
        this.rolloverMillis = rolloverMillis;
        this.inactivityMillis = inactivityMillis;
        this.checkMillis = checkMillis;
    }

    /** Reads and validates the {@code sink.rolling-policy.*} options of a table. */
    static RollingPolicy from(TableContext context) {
        String sizeKey = FileSystemOptions.SINK_ROLLING_POLICY_FILE_SIZE.key();
        long size = MemorySizes.parse(sizeKey, context.get(FileSystemOptions.SINK_ROLLING_POLICY_FILE_SIZE));
        if (size <= 0) {
            throw new ValidationException("Option '" + sizeKey + "' of table " + context.tableName()
                    + " must be positive.");
        }
        return new RollingPolicy(size,
                millis(context, FileSystemOptions.SINK_ROLLING_POLICY_ROLLOVER_INTERVAL.key(),
                        context.get(FileSystemOptions.SINK_ROLLING_POLICY_ROLLOVER_INTERVAL)),
                millis(context, FileSystemOptions.SINK_ROLLING_POLICY_INACTIVITY_INTERVAL.key(),
                        context.get(FileSystemOptions.SINK_ROLLING_POLICY_INACTIVITY_INTERVAL)),
                millis(context, FileSystemOptions.SINK_ROLLING_POLICY_CHECK_INTERVAL.key(),
                        context.get(FileSystemOptions.SINK_ROLLING_POLICY_CHECK_INTERVAL)));
    }

    private static long millis(TableContext context, String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new ValidationException("Option '" + key + "' of table " + context.tableName()
                    + " must be a positive duration.");
        }
        return d.toMillis();
    }

    /** Whether a part file of {@code bytes} (written plus buffered by the format) is due to roll. */
    boolean sizeReached(long bytes) {
        return bytes >= fileSize;
    }

    /** Whether a part file opened at {@code created} and last written at {@code lastWrite} is due at {@code now}. */
    boolean timeReached(long created, long lastWrite, long now) {
        return now - created >= rolloverMillis || now - lastWrite >= inactivityMillis;
    }

    long checkMillis() {
        return checkMillis;
    }

    @Override
    public String toString() {
        return "RollingPolicy(fileSize=" + fileSize + ", rollover=" + rolloverMillis + " ms, inactivity="
                + inactivityMillis + " ms, check=" + checkMillis + " ms)";
    }
}
