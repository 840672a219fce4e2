package io.sluice.metrics;

/** The statistics of the values a {@link Histogram} keeps, at one moment. */
public abstract class HistogramStatistics {

    /** The value at {@code quantile} (between 0 and 1) of the values. */
    public abstract double getQuantile(double quantile);

    /** The values, in no particular order. */
    public abstract long[] getValues();

    /** The number of values. */
    public abstract int size();

    public abstract double getMean();

    public abstract double getStdDev();

    public abstract long getMax();

    public abstract long getMin();
}
