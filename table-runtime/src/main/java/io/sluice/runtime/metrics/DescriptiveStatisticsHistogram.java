package io.sluice.runtime.metrics;

import io.sluice.metrics.Histogram;
import io.sluice.metrics.HistogramStatistics;
import java.util.Arrays;

/**
 * A {@link Histogram} over the last {@code windowSize} values recorded (a ring buffer): its statistics are computed
 * from those values when asked for. Quantiles are estimated as commons-math's default percentile does (position
 * {@code q * (n + 1)} in the sorted values, interpolated linearly), so they match Flink's histogram of the same name.
 */
public class DescriptiveStatisticsHistogram implements Histogram {
    private final long[] window;
    private long count;

    /** Keeps the last {@code windowSize} values. */
    public DescriptiveStatisticsHistogram(int windowSize) {
        if (windowSize <= 0) {
            throw new IllegalArgumentException("The window size of a histogram must be positive: " + windowSize);
        }
        this.window = new long[windowSize];
    }

    @Override
    public synchronized void update(long value) {
        window[(int) (count % window.length)] = value;
        count++;
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public synchronized HistogramStatistics getStatistics() {
        int n = (int) Math.min(count, window.length);
        return new Statistics(Arrays.copyOf(window, n));
    }

    /** The statistics of a copy of the kept values. */
    private static final class Statistics extends HistogramStatistics {
        private final long[] values;
        private final long[] sorted;

        Statistics(long[] values) {
            this.values = values;
            this.sorted = values.clone();
            Arrays.sort(sorted);
        }

        @Override
        public double getQuantile(double quantile) {
            if (quantile <= 0 || quantile > 1 || Double.isNaN(quantile)) {
                throw new IllegalArgumentException("A quantile is in (0, 1]: " + quantile);
            }
            int n = sorted.length;
            if (n == 0) {
                return Double.NaN;
            }
            if (n == 1) {
                return sorted[0];
            }
            double pos = quantile * (n + 1);
            if (pos < 1) {
                return sorted[0];
            }
            if (pos >= n) {
                return sorted[n - 1];
            }
            int lower = (int) Math.floor(pos);
            double d = pos - lower;
            return sorted[lower - 1] + d * (sorted[lower] - sorted[lower - 1]);
        }

        @Override
        public long[] getValues() {
            return values.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public double getMean() {
            if (values.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (long v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        /** The sample standard deviation (n - 1 in the denominator), 0 for one value. */
        @Override
        public double getStdDev() {
            int n = values.length;
            if (n == 0) {
                return Double.NaN;
            }
            if (n == 1) {
                return 0;
            }
            double mean = getMean();
            double squares = 0;
            for (long v : values) {
                squares += (v - mean) * (v - mean);
            }
            return Math.sqrt(squares / (n - 1));
        }

        @Override
        public long getMax() {
            return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        }

        @Override
        public long getMin() {
            return sorted.length == 0 ? 0 : sorted[0];
        }
    }
}
