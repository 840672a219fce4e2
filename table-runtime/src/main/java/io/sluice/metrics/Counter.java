package io.sluice.metrics;

/** A count that goes up and down, as Flink's {@code Counter}. */
public interface Counter extends Metric {
    /** Adds one. */
    void inc();

    /** Adds {@code n}. */
    void inc(long n);

    /** Subtracts one. */
    void dec();

    /** Subtracts {@code n}. */
    void dec(long n);

    /** The current count. */
    long getCount();
}
