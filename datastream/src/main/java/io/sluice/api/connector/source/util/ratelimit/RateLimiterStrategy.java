package io.sluice.api.connector.source.util.ratelimit;

/** How fast a generator source emits: a number of records per second over all its parallel instances, or unlimited. */
public final class RateLimiterStrategy implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final double recordsPerSecond;

    private RateLimiterStrategy(double recordsPerSecond) {
        this.recordsPerSecond = recordsPerSecond;
    }

    /** At most {@code recordsPerSecond} records per second, shared by the parallel instances. */
    public static RateLimiterStrategy perSecond(double recordsPerSecond) {
        if (recordsPerSecond <= 0) {
            throw new IllegalArgumentException("recordsPerSecond must be positive, was " + recordsPerSecond);
        }
        return new RateLimiterStrategy(recordsPerSecond);
    }

    /** No limit. */
    public static RateLimiterStrategy noOp() {
        return new RateLimiterStrategy(Double.POSITIVE_INFINITY);
    }

    /** Not supported yet. */
    public static RateLimiterStrategy perCheckpoint(int recordsPerCheckpoint) {
        throw new UnsupportedOperationException("not supported yet: RateLimiterStrategy.perCheckpoint");
    }

    /** The rate (infinite when unlimited). */
    public double recordsPerSecond() {
        return recordsPerSecond;
    }
}
