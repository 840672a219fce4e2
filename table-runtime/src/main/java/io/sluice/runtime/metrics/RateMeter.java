package io.sluice.runtime.metrics;

/**
 * A per-second rate of a growing count, computed when read: the increase since the previous sample divided by the
 * time between them. A new sample is taken at most once per {@link #MIN_INTERVAL_NANOS}, so readers that ask often
 * (a UI polling every second) and rarely (a scrape every 15 s) share one stable value.
 */
final class RateMeter {
    static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private long lastCount;
    private long lastNanos = System.nanoTime();
    private double rate;

    /** The rate per second of {@code count}, whose unit is scaled by {@code perUnit} (e.g. 1e-6 for nanos to ms). */
    synchronized double rate(long count, double perUnit) {
        long now = System.nanoTime();
        long elapsed = now - lastNanos;
        if (elapsed >= MIN_INTERVAL_NANOS) {
            rate = (count - lastCount) * perUnit * 1e9 / elapsed;
            lastCount = count;
            lastNanos = now;
        }
        return rate;
    }
}
