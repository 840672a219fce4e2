package io.sluice.api.connector.source.util.ratelimit;

/**
 * How fast a generator source emits: a number of records per second over all its parallel instances, a number of
 * records per checkpoint, or unlimited.
 */
public final class RateLimiterStrategy implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final double recordsPerSecond;
    /** The records per checkpoint over all instances; 0 when not limited per checkpoint. */
    private final int recordsPerCheckpoint;

    private RateLimiterStrategy(double recordsPerSecond, int recordsPerCheckpoint) {
        this.recordsPerSecond = recordsPerSecond;
        this.recordsPerCheckpoint = recordsPerCheckpoint;
    }

    /** At most {@code recordsPerSecond} records per second, shared by the parallel instances. */
    public static RateLimiterStrategy perSecond(double recordsPerSecond) {
        if (recordsPerSecond <= 0) {
            throw new IllegalArgumentException("recordsPerSecond must be positive, was " + recordsPerSecond);
        }
        return new RateLimiterStrategy(recordsPerSecond, 0);
    }

    /** No limit. */
    public static RateLimiterStrategy noOp() {
        return new RateLimiterStrategy(Double.POSITIVE_INFINITY, 0);
    }

    /**
     * At most {@code recordsPerCheckpoint} records between two completed checkpoints: each of the {@code p} parallel
     * instances emits {@code recordsPerCheckpoint / p} records, then waits until the next checkpoint completes (so a
     * job without checkpointing stops after the first ones). The job fails when {@code recordsPerCheckpoint} is
     * smaller than the parallelism.
     */
    public static RateLimiterStrategy perCheckpoint(int recordsPerCheckpoint) {
        if (recordsPerCheckpoint <= 0) {
            throw new IllegalArgumentException("recordsPerCheckpoint must be positive, was " + recordsPerCheckpoint);
        }
        return new RateLimiterStrategy(Double.POSITIVE_INFINITY, recordsPerCheckpoint);
    }

    /** The records per checkpoint over all instances, or 0 when not limited per checkpoint. */
    public int recordsPerCheckpoint() {
        return recordsPerCheckpoint;
    }

    /** The rate (infinite when unlimited). */
    public double recordsPerSecond() {
        return recordsPerSecond;
    }
}
