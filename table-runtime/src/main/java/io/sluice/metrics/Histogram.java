package io.sluice.metrics;

/**
 * A histogram of long values ({@code MetricGroup.histogram}): records each value with {@link #update} and reports
 * statistics of the values it keeps (for example the last N, {@code DescriptiveStatisticsHistogram}).
 */
public interface Histogram extends Metric {
    /** Records {@code value}. */
    void update(long value);

    /** How many values were recorded in total. */
    long getCount();

    /** The statistics of the values currently kept (a snapshot). */
    HistogramStatistics getStatistics();
}
