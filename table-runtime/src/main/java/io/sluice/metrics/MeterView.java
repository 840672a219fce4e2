package io.sluice.metrics;

/**
 * A {@link Meter} whose rate is the events of the last {@code timeSpanInSeconds} seconds (60 by default, as Flink's
 * {@code MeterView}) divided by that span, from per-second buckets kept by the meter itself. Thread-safe.
 */
public final class MeterView implements Meter {
    private final int span;
    private final long[] buckets;
    private final long[] bucketSecond;
    private long count;
    private final long createdSecond;

    /** A meter over the last 60 seconds. */
    public MeterView() {
        this(60);
    }

    /** A meter over the last {@code timeSpanInSeconds} seconds (at least 1). */
    public MeterView(int timeSpanInSeconds) {
        this.span = Math.max(1, timeSpanInSeconds);
        this.buckets = new long[span];
        this.bucketSecond = new long[span];
        this.createdSecond = nowSecond();
        java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    private static long nowSecond() {
        return System.currentTimeMillis() / 1000;
    }

    @Override
    public void markEvent() {
        markEvent(1);
    }

    @Override
    public synchronized void markEvent(long n) {
        long second = nowSecond();
        int i = (int) Math.floorMod(second, (long) span);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            buckets[i] = 0;
        }
        buckets[i] += n;
        count += n;
    }

    @Override
    public synchronized double getRate() {
        long now = nowSecond();
        long sum = 0;
        for (int i = 0; i < span; i++) {
            if (bucketSecond[i] > now - span) {
                sum += buckets[i];
            }
        }
        long elapsed = Math.max(1, Math.min(span, now - createdSecond + 1));
        return (double) sum / elapsed;
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public String toString() {
        return getCount() + " events, " + getRate() + "/s";
    }
}
