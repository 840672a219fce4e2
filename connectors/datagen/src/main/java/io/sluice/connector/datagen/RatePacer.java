package io.sluice.connector.datagen;

import java.util.function.LongSupplier;

/**
 * Paces one reader to a rate without sleeping or spinning: {@link #permits} says how many rows may be
 * emitted now (0 means "ahead of the rate, come back later"). Rows are released in chunks of about
 * {@value #MAX_LATENCY_MILLIS} ms worth of rows (at least 1, at most the batch size), so slow streams
 * still see rows within that time. Credit unused for longer than a second (e.g. under backpressure) is
 * dropped rather than released as a burst.
 */
final class RatePacer {
    /** Longest time generated rows wait for their batch to fill. */
    static final long MAX_LATENCY_MILLIS = 200;

    private final double rowsPerNano;
    private final int chunk;
    private final double maxCredit;
    private final LongSupplier nanoClock;
    private long startNanos;
    private boolean started;
    private double released;

    /**
     * @param rowsPerSecond this reader's share of the rate (may be fractional)
     * @param maxBatch largest batch the reader emits
     * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    RatePacer(double rowsPerSecond, int maxBatch, LongSupplier nanoClock) {
        this.rowsPerNano = rowsPerSecond / 1e9;
        this.chunk = (int) Math.max(1, Math.min(maxBatch, Math.round(rowsPerSecond * MAX_LATENCY_MILLIS / 1000.0)));
        this.maxCredit = Math.max(maxBatch, rowsPerSecond);
        this.nanoClock = nanoClock;
    }

    /** Rows released per chunk. */
    int chunk() {
        return chunk;
    }

    /**
     * How many of {@code wanted} rows may be emitted now: 0 while fewer than a chunk (or than
     * {@code wanted}, if smaller) have accrued, otherwise all accrued rows up to {@code wanted}. The
     * caller reports what it emitted with {@link #consumed}.
     */
    int permits(int wanted) {
        long now = nanoClock.getAsLong();
        if (!started) {
            started = true;
            startNanos = now;
        }
        double credit = chunk + (now - startNanos) * rowsPerNano - released;
        if (credit > maxCredit) {
            released += credit - maxCredit;
            credit = maxCredit;
        }
        if (credit < Math.min(chunk, wanted)) {
            return 0;
        }
        return (int) Math.min(wanted, Math.floor(credit));
    }

    void consumed(int rows) {
        released += rows;
    }
}
